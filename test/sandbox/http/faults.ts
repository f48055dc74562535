import type { FaultController, FaultKind, FaultRule } from '../types';

const KINDS: FaultKind[] = ['throttle', 'slowDown', 'internalError', 'reset', 'truncate', 'expiredToken', 'silent', 'trickle'];
/** KMS operations S3 makes on a caller's behalf (GetObject → Decrypt, PutObject → GenerateDataKey). */
const INTERNAL_OPERATIONS = new Set(['Decrypt', 'GenerateDataKey']);

/** A request held by `pause()`: run it on `resume()`, or drop it when the sandbox stops. */
interface Held {
  operation: string;
  run: () => void;
}

export class Faults implements FaultController {
  private rules: Array<{ rule: FaultRule; left: number }> = [];
  private pausedOperations: Set<string> | undefined;
  private held: Held[] = [];
  /**
   * Network latency to model: every answer (not control requests) waits this long before it is served, on a timer (no
   * CPU). Loopback answers in well under a millisecond, while S3's median latency for small requests is "often in the
   * range of tens of milliseconds" (AWS, S3 performance whitepaper: timeouts and retries): a client that overlaps
   * requests and one that sends them one by one only differ as they would against AWS when this is set.
   */
  latencyMs = 0;

  setLatency(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0 || ms > 10_000) throw new Error(`Invalid latency ${ms}: expected 0–10000 ms.`);
    this.latencyMs = ms;
  }

  add(rule: FaultRule): void {
    const problem = ruleProblem(rule);
    if (problem) {
      throw new Error(
        `Invalid fault rule ${JSON.stringify(rule)}: ${problem}; expected { operation: string, kind: ${KINDS.join('|')}, times?: number, via?: "request"|"s3", bytesPerChunk?: number, intervalMs?: number }`,
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

  /** The fault to inject into a request for `operation`, if any (using up one of its `times`). */
  take(operation: string): FaultRule | undefined {
    return this.use((r) => r.via !== 's3' && (r.operation === operation || r.operation === '*'));
  }

  /** The fault to inject into a KMS call S3 makes on a caller's behalf (rules naming that KMS operation, `via` not `request`). */
  takeInternal(operation: string): FaultRule | undefined {
    return this.use((r) => r.via !== 'request' && r.operation === operation);
  }

  pause(operation = '*'): void {
    this.pausedOperations ??= new Set();
    this.pausedOperations.add(operation);
  }

  resume(operation?: string): void {
    if (operation === undefined || !this.pausedOperations) this.pausedOperations = undefined;
    else {
      this.pausedOperations.delete(operation);
      if (this.pausedOperations.size === 0) this.pausedOperations = undefined;
    }
    const still = (op: string) => this.isPaused(op);
    const release = this.held.filter((h) => !still(h.operation));
    this.held = this.held.filter((h) => still(h.operation));
    for (const h of release) h.run();
  }

  paused(): string[] {
    return [...(this.pausedOperations ?? [])];
  }

  heldCount(): number {
    return this.held.length;
  }

  /** Holds the request if its operation is paused (true), else leaves it to the caller (false). */
  holdIfPaused(operation: string, run: () => void): boolean {
    if (!this.isPaused(operation)) return false;
    this.held.push({ operation, run });
    return true;
  }

  /** Forgets held requests (the server is closing their connections). */
  dropHeld(): void {
    this.held = [];
  }

  private isPaused(operation: string): boolean {
    return !!this.pausedOperations && (this.pausedOperations.has('*') || this.pausedOperations.has(operation));
  }

  private use(matches: (rule: FaultRule) => boolean): FaultRule | undefined {
    const hit = this.rules.find((r) => r.left > 0 && matches(r.rule));
    if (!hit) return undefined;
    hit.left--;
    if (hit.left <= 0) this.rules = this.rules.filter((r) => r !== hit);
    return hit.rule;
  }
}

function ruleProblem(rule: FaultRule): string | undefined {
  if (!rule || typeof rule !== 'object') return 'not an object';
  if (typeof rule.operation !== 'string' || rule.operation === '') return 'operation must be a non-empty string';
  if (!KINDS.includes(rule.kind)) return `unknown kind ${JSON.stringify(rule.kind)}`;
  if (rule.times !== undefined && !(Number.isInteger(rule.times) && rule.times > 0)) return 'times must be a positive integer';
  if (rule.via !== undefined && rule.via !== 'request' && rule.via !== 's3') return 'via must be "request" or "s3"';
  if (rule.via === 's3' && !INTERNAL_OPERATIONS.has(rule.operation)) {
    return `via "s3" applies to the KMS calls S3 makes (${[...INTERNAL_OPERATIONS].join(', ')})`;
  }
  for (const field of ['bytesPerChunk', 'intervalMs'] as const) {
    const v = rule[field];
    if (v !== undefined && !(Number.isInteger(v) && v > 0)) return `${field} must be a positive integer`;
  }
  return undefined;
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
