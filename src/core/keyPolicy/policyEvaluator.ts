/**
 * A small, honest key-policy evaluator: one request (action, principal, known condition values) against the statements
 * of a key policy. It answers "cannot tell" whenever IAM policies, grants, unknown request values or unsupported policy
 * elements decide. The questions asked of a trail's key are in trailKeyPolicy.ts.
 */
import { wildcardMatch } from './wildcard';

export type Tri = 'yes' | 'no' | 'cannot tell';

export interface PolicyCheck {
  question: string;
  answer: Tri;
  /** Why, in words: the statements that decided, or why each candidate statement does not apply. */
  reasons: string[];
}

export type Principal = { kind: 'service'; service: string } | { kind: 'aws'; arn: string; account: string };

export interface Request {
  action: string;
  principal: Principal;
  /** Condition keys (lowercase) → values; undefined value = known to be absent. Keys not listed are unknown. */
  context: Record<string, string[] | undefined>;
}

interface Statement {
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

function list(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).map((v) => String(v));
}

function and(values: Tri[]): Tri {
  if (values.includes('no')) return 'no';
  return values.includes('cannot tell') ? 'cannot tell' : 'yes';
}

function name(statement: Statement, index: number): string {
  return statement.Sid ? `"${statement.Sid}"` : `#${index + 1}`;
}

function describePrincipal(p: Principal): string {
  return p.kind === 'service' ? p.service : p.arn;
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
function conditionMatch(operator: string, key: string, expected: string[], context: Request['context']): { tri: Tri; why?: string } {
  let op = operator.toLowerCase();
  let setOp: 'any' | 'all' | undefined;
  if (op.startsWith('foranyvalue:')) [setOp, op] = ['any', op.slice(12)];
  else if (op.startsWith('forallvalues:')) [setOp, op] = ['all', op.slice(13)];
  const ifExists = op.endsWith('ifexists');
  if (ifExists) op = op.slice(0, -8);
  const lowerKey = key.toLowerCase();
  const text = `${operator} ${key} ${JSON.stringify(expected.length === 1 ? expected[0] : expected)}`;
  if (!(lowerKey in context))
    return { tri: 'cannot tell', why: `depends on ${key}, whose value in this request is not known here (${text})` };
  const actual = context[lowerKey];
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
  const negatedOf = NEGATED[op];
  const compare = STRING_OPS[negatedOf ?? op];
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

function conditionsMatch(statement: Statement, context: Request['context']): { tri: Tri; why: string[] } {
  const results: Array<{ tri: Tri; why?: string }> = [];
  for (const [operator, block] of Object.entries(statement.Condition ?? {})) {
    if (!block || typeof block !== 'object') throw new PolicyFormatError(`the Condition operator ${operator} has no key/value block`);
    for (const [key, value] of Object.entries(block)) results.push(conditionMatch(operator, key, list(value), context));
  }
  const tri = and(results.map((r) => r.tri));
  return { tri, why: results.filter((r) => r.tri === tri && r.why).map((r) => r.why as string) };
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
  return (Array.isArray(statements) ? statements : [statements]) as Statement[];
}

/** Evaluates one request: explicit Deny wins, then an Allow; account-root Allows leave the answer to IAM. */
export function evaluate(question: string, statements: Statement[], request: Request, keyArn: string): PolicyCheck {
  const reasons: string[] = [];
  const allows: Array<{ tri: Tri; delegates: boolean; label: string }> = [];
  const denies: Array<{ tri: Tri; label: string }> = [];
  statements.forEach((statement, index) => {
    if (!actionMatch(statement, request.action)) return;
    const label = name(statement, index);
    const principal = principalMatch(statement, request.principal);
    const conditions = conditionsMatch(statement, request.context);
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
  const who = describePrincipal(request.principal);
  const sure = denies.find((d) => d.tri === 'yes');
  if (sure) return { question, answer: 'no', reasons: [`Deny statement ${sure.label} refuses ${request.action} to ${who}.`, ...reasons] };
  const direct = allows.find((a) => a.tri === 'yes' && !a.delegates);
  const delegated = allows.find((a) => a.tri === 'yes' && a.delegates);
  const maybe = allows.find((a) => a.tri === 'cannot tell');
  const maybeDeny = denies.find((d) => d.tri === 'cannot tell');
  if (direct && !maybeDeny) {
    const caveat =
      request.principal.kind === 'aws'
        ? ' The key policy is enough; only an explicit Deny in your IAM policies, a permissions boundary or an SCP could still block it.'
        : '';
    return { question, answer: 'yes', reasons: [`Statement ${direct.label} allows ${request.action} to ${who}.${caveat}`] };
  }
  if (direct || delegated || maybe) {
    const lead = direct
      ? `Statement ${direct.label} allows ${request.action} to ${who}, but a Deny may apply.`
      : delegated
        ? `Statement ${delegated.label} allows ${request.action} to the account: whether ${who} may use it depends on its IAM policies, which this check does not read.`
        : `Statement ${maybe?.label} may allow ${request.action} to ${who}; it depends on request values not known here.`;
    return { question, answer: 'cannot tell', reasons: [lead, ...reasons] };
  }
  const none = `No statement of the key policy allows ${request.action} to ${who}`;
  const grants = request.principal.kind === 'aws' ? ' (a KMS grant could still allow it; grants are not checked).' : '.';
  return { question, answer: 'no', reasons: [`${none}${grants}`, ...reasons] };
}
