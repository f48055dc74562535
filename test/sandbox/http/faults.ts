import type { FaultController, FaultKind, FaultRule } from '../types';

const KINDS: FaultKind[] = ['throttle', 'slowDown', 'internalError', 'reset', 'truncate', 'expiredToken'];

export class Faults implements FaultController {
  private rules: Array<{ rule: FaultRule; left: number }> = [];

  add(rule: FaultRule): void {
    if (!rule || typeof rule.operation !== 'string' || !KINDS.includes(rule.kind)) {
      throw new Error(
        `Invalid fault rule ${JSON.stringify(rule)}: expected { operation: string, kind: ${KINDS.join('|')}, times?: number }`,
      );
    }
    this.rules.push({ rule: { ...rule }, left: rule.times ?? Number.POSITIVE_INFINITY });
  }

  clear(): void {
    this.rules = [];
  }

  list(): FaultRule[] {
    return this.rules.map(({ rule, left }) => ({ ...rule, ...(Number.isFinite(left) ? { times: left } : {}) }));
  }

  /** The fault to inject into this request, if any (using up one of its `times`). */
  take(operation: string): FaultKind | undefined {
    const hit = this.rules.find((r) => r.left > 0 && (r.rule.operation === operation || r.rule.operation === '*'));
    if (!hit) return undefined;
    hit.left--;
    if (hit.left <= 0) this.rules = this.rules.filter((r) => r !== hit);
    return hit.rule.kind;
  }
}

/** Rules from `CLOUDTRAIL_SANDBOX_FAULTS` (a JSON array of FaultRule); a bad value is an error, not ignored. */
export function faultsFromEnvironment(env: NodeJS.ProcessEnv = process.env): FaultRule[] {
  const text = env.CLOUDTRAIL_SANDBOX_FAULTS;
  if (!text) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new Error(
      `CLOUDTRAIL_SANDBOX_FAULTS is not JSON (${(e as Error).message}); expected e.g. [{"operation":"GetObject","kind":"throttle","times":2}]`,
    );
  }
  if (!Array.isArray(parsed)) throw new Error('CLOUDTRAIL_SANDBOX_FAULTS must be a JSON array of fault rules');
  return parsed as FaultRule[];
}
