/**
 * Policy statements as IAM evaluates them: Effect, Principal/NotPrincipal (resource policies), Action/NotAction,
 * Resource/NotResource and Condition (see conditions.ts). Used for key policies, bucket policies and the principals'
 * identity policies, so what the sandbox enforces follows the same rules everywhere.
 */
import { conditionsHold, type RequestContextValues } from './conditions';
import { wildcardMatch } from './wildcard';

export interface PolicyStatement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Principal?: unknown;
  NotPrincipal?: unknown;
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  NotResource?: string | string[];
  Condition?: Record<string, Record<string, unknown>>;
}

export type RequestPrincipal =
  | { kind: 'aws'; arn: string; accountId: string; /** for assumed-role sessions: the role ARN */ roleArn?: string }
  | { kind: 'service'; service: string };

export interface AccessRequest {
  action: string;
  resource: string;
  principal: RequestPrincipal;
  /** Condition keys, lower case, each with its values; a key that is not here is absent from the request. */
  context: RequestContextValues;
}

/** How a resource policy's statement names the caller: by itself (or `*`), or by its account (delegation to IAM). */
export type PrincipalMatch = 'direct' | 'account' | undefined;

export interface StatementHit {
  statement: PolicyStatement;
  /** `"Sid"` or `#n` (1-based) when the statement has no Sid. */
  label: string;
  principal: PrincipalMatch;
}

export interface PolicyResult {
  deny?: StatementHit;
  allowDirect?: StatementHit;
  allowAccount?: StatementHit;
}

/** Statements of a policy document (JSON text or object); a malformed document holds no statements. */
export function statementsOf(policy: string | { Statement?: unknown } | undefined): PolicyStatement[] {
  if (policy === undefined) return [];
  let doc: unknown = policy;
  if (typeof policy === 'string') {
    try {
      doc = JSON.parse(policy);
    } catch {
      return [];
    }
  }
  const raw = (doc as { Statement?: unknown } | null)?.Statement;
  const list = Array.isArray(raw) ? raw : raw ? [raw] : [];
  return list.filter((s): s is PolicyStatement => !!s && typeof s === 'object' && (s.Effect === 'Allow' || s.Effect === 'Deny'));
}

/**
 * Evaluates statements for a request. `resourcePolicy`: statements name principals (an identity policy's statements
 * apply to their owner: every one matches the caller directly).
 */
export function evaluate(statements: PolicyStatement[], request: AccessRequest, resourcePolicy: boolean): PolicyResult {
  const out: PolicyResult = {};
  statements.forEach((statement, n) => {
    const principal: PrincipalMatch = resourcePolicy ? principalMatch(statement, request.principal) : 'direct';
    if (!principal) return;
    if (!listMatches(statement.Action, statement.NotAction, request.action, true)) return;
    if (!listMatches(statement.Resource, statement.NotResource, request.resource, false)) return;
    if (statement.Condition !== undefined && !conditionsHold(statement.Condition, request.context)) return;
    const hit: StatementHit = { statement, label: statement.Sid ? `"${statement.Sid}"` : `#${n + 1}`, principal };
    if (statement.Effect === 'Deny') out.deny ??= hit;
    else if (principal === 'direct') out.allowDirect ??= hit;
    else out.allowAccount ??= hit;
  });
  return out;
}

function asList(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
}

function listMatches(list: unknown, notList: unknown, value: string, ignoreCase: boolean): boolean {
  if (list !== undefined) return asList(list).some((p) => wildcardMatch(p, value, ignoreCase));
  if (notList !== undefined) return !asList(notList).some((p) => wildcardMatch(p, value, ignoreCase));
  return false;
}

function principalMatch(statement: PolicyStatement, caller: RequestPrincipal): PrincipalMatch {
  if (statement.Principal !== undefined) return namesPrincipal(statement.Principal, caller);
  if (statement.NotPrincipal !== undefined) return namesPrincipal(statement.NotPrincipal, caller) ? undefined : 'direct';
  return undefined;
}

/** Does a Principal element name the caller, and how? */
function namesPrincipal(element: unknown, caller: RequestPrincipal): PrincipalMatch {
  if (element === '*') return 'direct';
  if (!element || typeof element !== 'object') return undefined;
  const map = element as Record<string, unknown>;
  if (caller.kind === 'service') return asList(map.Service).includes(caller.service) ? 'direct' : undefined;
  let best: PrincipalMatch;
  for (const name of asList(map.AWS)) {
    if (name === '*' || name === caller.arn || (caller.roleArn !== undefined && name === caller.roleArn)) return 'direct';
    if (name === caller.accountId || name === `arn:aws:iam::${caller.accountId}:root`) best = 'account';
  }
  return best;
}
