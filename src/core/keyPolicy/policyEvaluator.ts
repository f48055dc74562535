/**
 * A small, honest key-policy evaluator: one request (action, principal, known condition values) against the statements
 * of a key policy. It answers "cannot tell" whenever IAM policies, grants, unknown request values or unsupported policy
 * elements decide. The questions asked of a trail's key are in trailKeyPolicy.ts.
 */
import { and, decide } from './decision';
import { capText } from '../text';
import { wildcardMatch } from './wildcard';

export type Tri = 'yes' | 'no' | 'cannot tell';

export interface PolicyCheck {
  question: string;
  answer: Tri;
  /** Why, in words: the statements that decided, or why each candidate statement does not apply. */
  reasons: string[];
  /** The principal's own IAM policies decide (the key policy delegates to the account, or the key is in another account). */
  identityDecides?: boolean;
}

/**
 * What the principal's own IAM policies decide for the request (IAM policy simulation), or why that is not known.
 * `detail` names the statements or the deciding policy (an SCP, a permissions boundary) in words.
 */
export type IdentityVerdict = { decision: 'allowed' | 'implicitDeny' | 'explicitDeny'; detail?: string } | { unknown: string };

export type Principal = { kind: 'service'; service: string } | { kind: 'aws'; arn: string; account: string };

export interface Request {
  action: string;
  principal: Principal;
  /**
   * Condition keys (lowercase) → values; undefined = known to be absent; null = present with a value not known here.
   * Keys not listed are unknown, unless they start with one of `absentPrefixes`.
   */
  context: Record<string, string[] | undefined | null>;
  /** Key prefixes whose unlisted keys are known to be absent (e.g. `kms:encryptioncontext:` when the whole context is known). */
  absentPrefixes?: string[];
}

export interface EvaluateOptions {
  /** What the principal's IAM policies say, when asked (see IdentityVerdict). */
  identity?: IdentityVerdict;
  /** The key is in another account than the principal: a key-policy Allow is not enough, IAM must allow too. */
  crossAccount?: { keyAccount: string; callerAccount: string };
}

export interface Statement {
  Sid?: string;
  Effect?: string;
  Principal?: unknown;
  NotPrincipal?: unknown;
  Action?: unknown;
  NotAction?: unknown;
  Resource?: unknown;
  NotResource?: unknown;
  Condition?: Record<string, Record<string, unknown>>;
}

/** The policy text is not a policy (not JSON, no Statement, a malformed Condition). */
export class PolicyFormatError extends Error {}

/**
 * A policy element's values as strings. The policy grammar allows a string (numbers and booleans in conditions) or a
 * list of them; anything else (an object, a nested list) is not a policy IAM would accept, and never becomes
 * "[object Object]" in an answer.
 */
function list(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).map((v) => {
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
    throw new PolicyFormatError(
      `a policy value is ${Array.isArray(v) ? 'a nested list' : v === null ? 'null' : `an ${typeof v}`}, not a string`,
    );
  });
}

function name(statement: Statement, index: number): string {
  return statement.Sid ? `"${statement.Sid}"` : `#${index + 1}`;
}

/** Role ARN (`arn:aws:iam::a:role/path/Name`) an assumed-role session ARN (`arn:aws:sts::a:assumed-role/Name/s`) belongs to, by name. */
function sameRole(policyArn: string, sessionArn: string): boolean {
  const session = /^arn:[^:]+:sts::(\d{12}):assumed-role\/([^/]+)\//.exec(sessionArn);
  const role = /^arn:[^:]+:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(policyArn);
  return !!session && !!role && session[1] === role[1] && session[2] === role[2];
}

/** Whether the statement's Principal names the requester; `delegates` when it only names the account (IAM decides). */
function principalMatch(statement: Statement, p: Principal): { tri: Tri; delegates?: boolean; why?: string } {
  if (statement.NotPrincipal !== undefined) return { tri: 'cannot tell', why: 'uses NotPrincipal, which this check does not evaluate' };
  const raw = statement.Principal;
  if (raw === '*') return { tri: 'yes' };
  if (!raw || typeof raw !== 'object') return { tri: 'no', why: 'has no Principal' };
  const principal = raw as Record<string, unknown>;
  if (p.kind === 'service') {
    if (list(principal.Service).includes(p.service) || list(principal.AWS).includes('*')) return { tri: 'yes' };
    return { tri: 'no', why: `is for ${JSON.stringify(raw)}, not the service ${p.service}` };
  }
  for (const entry of list(principal.AWS)) {
    if (entry === '*') return { tri: 'yes' };
    if (entry === p.arn || sameRole(entry, p.arn)) return { tri: 'yes' };
    const root = /^arn:[^:]+:iam::(\d{12}):root$/.exec(entry);
    if ((root && root[1] === p.account) || entry === p.account) {
      if (/:root$/.test(p.arn)) return { tri: 'yes' };
      return { tri: 'yes', delegates: true };
    }
  }
  return { tri: 'no', why: `is for ${JSON.stringify(raw)}, not ${p.arn}` };
}

function actionMatch(statement: Statement, action: string): boolean {
  if (statement.NotAction !== undefined) return !list(statement.NotAction).some((a) => wildcardMatch(a, action, true));
  return list(statement.Action).some((a) => wildcardMatch(a, action, true));
}

function resourceMatch(statement: Statement, keyArn: string): Tri {
  if (statement.NotResource !== undefined) return list(statement.NotResource).some((r) => wildcardMatch(r, keyArn)) ? 'no' : 'yes';
  const resources = list(statement.Resource);
  if (resources.length === 0) return 'yes'; // key policies may leave Resource out in practice; it always means this key
  return resources.some((r) => wildcardMatch(r, keyArn)) ? 'yes' : 'no';
}

const STRING_OPS: Record<string, (pattern: string, value: string) => boolean> = {
  stringequals: (p, v) => p === v,
  stringequalsignorecase: (p, v) => p.toLowerCase() === v.toLowerCase(),
  stringlike: (p, v) => wildcardMatch(p, v),
  arnequals: (p, v) => p === v,
  arnlike: (p, v) => wildcardMatch(p, v),
};
const NEGATED: Record<string, string> = {
  stringnotequals: 'stringequals',
  stringnotequalsignorecase: 'stringequalsignorecase',
  stringnotlike: 'stringlike',
  arnnotequals: 'arnequals',
  arnnotlike: 'arnlike',
};

/** One operator on one key: yes/no/cannot tell, with the reason when not yes. */
function conditionMatch(operator: string, key: string, expected: string[], request: Request): { tri: Tri; why?: string } {
  const context = request.context;
  let op = operator.toLowerCase();
  let setOp: 'any' | 'all' | undefined;
  if (op.startsWith('foranyvalue:')) [setOp, op] = ['any', op.slice(12)];
  else if (op.startsWith('forallvalues:')) [setOp, op] = ['all', op.slice(13)];
  const ifExists = op.endsWith('ifexists');
  if (ifExists) op = op.slice(0, -8);
  const lowerKey = key.toLowerCase();
  const text = `${operator} ${key} ${JSON.stringify(expected.length === 1 ? expected[0] : expected)}`;
  // Own properties only: operator and key names come from the policy (`constructor`, `__proto__`…).
  const known = Object.hasOwn(context, lowerKey) || (request.absentPrefixes ?? []).some((prefix) => lowerKey.startsWith(prefix));
  if (!known || context[lowerKey] === null)
    return { tri: 'cannot tell', why: `depends on ${key}, whose value in this request is not known here (${text})` };
  const actual = Object.hasOwn(context, lowerKey) ? (context[lowerKey] ?? undefined) : undefined;
  if (op === 'null') {
    const wantAbsent = expected[0]?.toLowerCase() === 'true';
    return (actual === undefined) === wantAbsent
      ? { tri: 'yes' }
      : { tri: 'no', why: `requires ${key} to be ${wantAbsent ? 'absent' : 'present'} (${text})` };
  }
  if (op === 'bool') {
    if (actual === undefined)
      return ifExists ? { tri: 'yes' } : { tri: 'no', why: `requires ${key}, which this request does not carry (${text})` };
    return actual.some((v) => expected.some((e) => e.toLowerCase() === v.toLowerCase()))
      ? { tri: 'yes' }
      : { tri: 'no', why: `${key} is ${actual.join(', ')} (${text})` };
  }
  const negatedOf = Object.hasOwn(NEGATED, op) ? NEGATED[op] : undefined;
  const named = negatedOf ?? op;
  const compare = Object.hasOwn(STRING_OPS, named) ? STRING_OPS[named] : undefined;
  if (!compare) return { tri: 'cannot tell', why: `uses the operator ${operator}, which this check does not evaluate` };
  if (actual === undefined) {
    if (ifExists || negatedOf || setOp === 'all') return { tri: 'yes' };
    return { tri: 'no', why: `requires ${key}, which this request does not carry (${text})` };
  }
  const hit = (v: string) => expected.some((e) => compare(e, v));
  let matched: boolean;
  if (setOp === 'all') matched = actual.every((v) => (negatedOf ? !hit(v) : hit(v)));
  else if (setOp === 'any') matched = actual.some((v) => (negatedOf ? !hit(v) : hit(v)));
  else matched = negatedOf ? !actual.some(hit) : actual.some(hit);
  return matched ? { tri: 'yes' } : { tri: 'no', why: `${key} is ${actual.join(', ')}, which fails ${text}` };
}

function conditionsMatch(statement: Statement, request: Request): { tri: Tri; why: string[] } {
  const results: Array<{ tri: Tri; why?: string }> = [];
  for (const [operator, block] of Object.entries(statement.Condition ?? {})) {
    if (!block || typeof block !== 'object') throw new PolicyFormatError(`the Condition operator ${operator} has no key/value block`);
    for (const [key, value] of Object.entries(block)) results.push(conditionMatch(operator, key, list(value), request));
  }
  const tri = and(results.map((r) => r.tri));
  return { tri, why: results.filter((r) => r.tri === tri && r.why).map((r) => r.why as string) };
}

const isBlock = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);

/**
 * The grammar of one statement, checked once when the policy is read, so that evaluating it never meets a value of the
 * wrong shape: Sid and Effect strings; Principal `*` or a block of values; Action, Resource (and Not…) values; Condition
 * operator → key → values.
 */
function checkStatement(statement: unknown, index: number): void {
  const where = `statement #${index + 1} of the key policy`;
  if (!isBlock(statement)) throw new PolicyFormatError(`${where} is not an object`);
  const values = (value: unknown, element: string): void => {
    try {
      list(value);
    } catch (error) {
      throw new PolicyFormatError(`${where}: in ${element}, ${(error as Error).message}`);
    }
  };
  for (const element of ['Sid', 'Effect'] as const)
    if (statement[element] !== undefined && typeof statement[element] !== 'string')
      throw new PolicyFormatError(`${where}: ${element} is not a string`);
  for (const element of ['Action', 'NotAction', 'Resource', 'NotResource'] as const) values(statement[element], element);
  for (const element of ['Principal', 'NotPrincipal'] as const) {
    const principal = statement[element];
    if (principal === undefined || principal === '*') continue;
    if (!isBlock(principal)) throw new PolicyFormatError(`${where}: ${element} is neither "*" nor a block of principals`);
    for (const [kind, named] of Object.entries(principal)) values(named, `${element} ${capText(kind, 100)}`);
  }
  if (statement.Condition === undefined) return;
  if (!isBlock(statement.Condition)) throw new PolicyFormatError(`${where}: Condition is not a block`);
  for (const [operator, block] of Object.entries(statement.Condition)) {
    if (!isBlock(block)) throw new PolicyFormatError(`${where}: the Condition operator ${capText(operator, 100)} has no key/value block`);
    for (const [key, value] of Object.entries(block)) values(value, `Condition ${capText(operator, 100)} ${capText(key, 100)}`);
  }
}

/** The statements of a policy document; throws PolicyFormatError when it is not one. */
export function parsePolicy(policyJson: string): Statement[] {
  let doc: unknown;
  try {
    doc = JSON.parse(policyJson);
  } catch {
    throw new PolicyFormatError('the key policy is not JSON');
  }
  const statements = (doc as { Statement?: unknown })?.Statement;
  if (!statements) throw new PolicyFormatError('the key policy has no Statement');
  const all = (Array.isArray(statements) ? statements : [statements]) as unknown[];
  all.forEach(checkStatement);
  return all as Statement[];
}

/**
 * Evaluates one request: an explicit Deny wins, then an Allow. An Allow that names only the principal's account (or any
 * Allow when the key is in another account) needs the principal's IAM policies too: `options.identity` says what they
 * decide; without it such an Allow answers "cannot tell" and the check says `identityDecides`.
 */
export function evaluate(
  question: string,
  statements: Statement[],
  request: Request,
  keyArn: string,
  options: EvaluateOptions = {},
): PolicyCheck {
  const reasons: string[] = [];
  const allows: Array<{ tri: Tri; delegates: boolean; label: string }> = [];
  const denies: Array<{ tri: Tri; label: string }> = [];
  statements.forEach((statement, index) => {
    if (!actionMatch(statement, request.action)) return;
    const label = name(statement, index);
    const principal = principalMatch(statement, request.principal);
    const conditions = conditionsMatch(statement, request);
    const tri = and([principal.tri, resourceMatch(statement, keyArn), conditions.tri]);
    const deny = statement.Effect === 'Deny';
    if (tri === 'yes' || tri === 'cannot tell') {
      if (deny) denies.push({ tri, label });
      else allows.push({ tri, delegates: !!principal.delegates, label });
    }
    if (tri !== 'yes') {
      const why = principal.tri !== 'yes' ? [`its principal ${principal.why}`] : conditions.why;
      reasons.push(
        `${deny ? 'Deny' : 'Allow'} statement ${label} ${tri === 'no' ? 'does not apply' : 'may or may not apply'}: ${why.join('; ') || 'its Resource does not name this key'}.`,
      );
    }
  });
  return decide(question, request, { allows, denies, reasons }, options);
}
