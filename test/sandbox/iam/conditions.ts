/**
 * Condition blocks as IAM evaluates them: operators AND-ed, keys AND-ed, the values of one key OR-ed;
 * `…IfExists` holds when the key is absent; negated operators hold when the key is absent; `Null` tests presence;
 * `ForAnyValue:` / `ForAllValues:` for multi-valued keys. Keys are case-insensitive (the request context holds them
 * in lower case). An operator the sandbox does not know never holds (so an Allow it guards never applies).
 */
import { wildcardMatch } from './wildcard';

/** Condition key (lower case) → the request's values for it. */
export type RequestContextValues = Record<string, string[]>;

export function conditionsHold(condition: Record<string, Record<string, unknown>>, context: RequestContextValues): boolean {
  if (!condition || typeof condition !== 'object') return false;
  for (const [operatorName, block] of Object.entries(condition)) {
    if (!block || typeof block !== 'object') return false;
    for (const [key, expected] of Object.entries(block)) {
      const values = Object.prototype.hasOwnProperty.call(context, key.toLowerCase()) ? context[key.toLowerCase()] : undefined;
      if (!operatorHolds(operatorName, expectedValues(expected), values)) return false;
    }
  }
  return true;
}

function expectedValues(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.filter((v) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean').map(String);
}

type Compare = (expected: string, actual: string) => boolean;

const COMPARISONS: Record<string, { compare: Compare; negated: boolean }> = {
  stringequals: { compare: (e, a) => e === a, negated: false },
  stringnotequals: { compare: (e, a) => e === a, negated: true },
  stringequalsignorecase: { compare: (e, a) => e.toLowerCase() === a.toLowerCase(), negated: false },
  stringnotequalsignorecase: { compare: (e, a) => e.toLowerCase() === a.toLowerCase(), negated: true },
  stringlike: { compare: (e, a) => wildcardMatch(e, a), negated: false },
  stringnotlike: { compare: (e, a) => wildcardMatch(e, a), negated: true },
  arnequals: { compare: (e, a) => wildcardMatch(e, a), negated: false },
  arnlike: { compare: (e, a) => wildcardMatch(e, a), negated: false },
  arnnotequals: { compare: (e, a) => wildcardMatch(e, a), negated: true },
  arnnotlike: { compare: (e, a) => wildcardMatch(e, a), negated: true },
  bool: { compare: (e, a) => e.toLowerCase() === a.toLowerCase(), negated: false },
  numericequals: { compare: (e, a) => Number(e) === Number(a), negated: false },
  numericnotequals: { compare: (e, a) => Number(e) === Number(a), negated: true },
  numericlessthan: { compare: (e, a) => Number(a) < Number(e), negated: false },
  numericlessthanequals: { compare: (e, a) => Number(a) <= Number(e), negated: false },
  numericgreaterthan: { compare: (e, a) => Number(a) > Number(e), negated: false },
  numericgreaterthanequals: { compare: (e, a) => Number(a) >= Number(e), negated: false },
};

function operatorHolds(name: string, expected: string[], values: string[] | undefined): boolean {
  let op = name.toLowerCase();
  let set: 'any' | 'all' | undefined;
  if (op.startsWith('foranyvalue:')) {
    set = 'any';
    op = op.slice('foranyvalue:'.length);
  } else if (op.startsWith('forallvalues:')) {
    set = 'all';
    op = op.slice('forallvalues:'.length);
  }
  if (op === 'null') {
    // "true": the key must be absent; "false": present.
    const present = values !== undefined && values.length > 0;
    return expected.some((e) => (e.toLowerCase() === 'true' ? !present : present));
  }
  const ifExists = op.endsWith('ifexists');
  if (ifExists) op = op.slice(0, -'ifexists'.length);
  const comparison = Object.prototype.hasOwnProperty.call(COMPARISONS, op) ? COMPARISONS[op] : undefined;
  if (!comparison) return false;
  if (values === undefined || values.length === 0) {
    if (set === 'all') return true;
    if (set === 'any') return false;
    return ifExists || comparison.negated;
  }
  const matchesOne = (actual: string) => expected.some((e) => comparison.compare(e, actual));
  if (set === 'all') return values.every((v) => (comparison.negated ? !matchesOne(v) : matchesOne(v)));
  if (comparison.negated) return !values.some(matchesOne);
  return values.some(matchesOne);
}
