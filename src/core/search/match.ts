/**
 * Matching one parsed CloudTrail record (a plain object from JSON.parse) against a query. Fields AND, values OR.
 * Case: names, sources, principals, keys, error codes, IPs, request ids and free text ignore case; encryption context
 * keys and values are exact (KMS binds them exactly). Every test is linear in the record's size.
 */
import { keyCandidates, type ResolvedKeys } from './keys';
import type { SearchQuery } from './query';
import { CONTEXT_PATHS, KEY_JSON_PATHS, PRINCIPAL_PATHS, REQUEST_PATHS, valueAt, type RecordPath } from './recordPaths';
import { fold, PatternSet, someText, SubstringSearch } from './textSearch';
import { eventTimeString, type TimeRange } from './timeRange';

export type RecordMatcher = (record: unknown) => boolean;
type Test = (record: Record<string, unknown>) => boolean;

export interface MatchOptions {
  /** Records outside `[fromMs, toMs)` (by eventTime) do not match; without a range, time is not tested. */
  range?: TimeRange;
  /** Aliases resolved to key ARNs (resolveKeyAliases). */
  keys?: ResolvedKeys;
}

const EVENT_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

function timeTest(range: TimeRange): Test {
  const from = eventTimeString(range.fromMs);
  const to = eventTimeString(range.toMs);
  return (record) => {
    const time = record.eventTime;
    if (typeof time !== 'string') return false;
    // CloudTrail's own form compares as text; anything else is parsed.
    if (time.length === 20 && EVENT_TIME.test(time)) return time >= from && time < to;
    const ms = Date.parse(time);
    return ms >= range.fromMs && ms < range.toMs;
  };
}

/** Any of the paths holds a string the set accepts. */
function pathsTest(paths: readonly RecordPath[], set: PatternSet): Test {
  return (record) => paths.some((path) => set.test(valueAt(record, path)));
}

/** A log-folder dimension (account, region): records that lack the field pass (the folder already said so). */
function dimensionTest(field: string, values: readonly string[]): Test {
  const allowed = new Set(values);
  return (record) => typeof record[field] !== 'string' || allowed.has(record[field] as string);
}

function hasError(record: Record<string, unknown>): boolean {
  return typeof record.errorCode === 'string' && record.errorCode !== '';
}

function errorTest(query: SearchQuery): Test {
  const any = query.errors.some((filter) => filter.kind === 'any');
  const none = query.errors.some((filter) => filter.kind === 'none');
  const codes = new PatternSet(
    query.errors.flatMap((filter) => (filter.kind === 'code' ? [filter.pattern] : [])),
    true,
  );
  return (record) => (hasError(record) ? any || codes.test(record.errorCode) : none);
}

function readOnlyTest(flags: readonly boolean[]): Test {
  return (record) => {
    const value = record.readOnly;
    const flag = value === true || value === 'true' ? true : value === false || value === 'false' ? false : undefined;
    return flag !== undefined && flags.includes(flag);
  };
}

function keyTest(query: SearchQuery, resolved: ResolvedKeys | undefined): Test {
  const candidates = keyCandidates(query.keys, resolved);
  const exact = new Set(candidates.exact);
  const names = (value: unknown): boolean => {
    if (typeof value !== 'string') return false;
    const text = fold(value);
    return exact.has(text) || candidates.suffixes.some((suffix) => text.endsWith(suffix));
  };
  return (record) => {
    const resources = record.resources;
    if (Array.isArray(resources) && resources.some((resource) => names(valueAt(resource, ['ARN'])))) return true;
    return KEY_JSON_PATHS.some(({ column, path }) => names(valueAt(record, [column, ...path])));
  };
}

function contextTest(query: SearchQuery): Test {
  const filters = query.contexts.map((filter) => ({ key: filter.key, values: new PatternSet(filter.values, false) }));
  return (record) =>
    filters.every(({ key, values }) =>
      CONTEXT_PATHS.some((path) => {
        const context = valueAt(record, path);
        if (context === null || typeof context !== 'object' || Array.isArray(context)) return false;
        return Object.prototype.hasOwnProperty.call(context, key) && values.test((context as Record<string, unknown>)[key]);
      }),
    );
}

/** Every term occurs (ignoring case) inside one value of the record, or one key of a nested object (not a field name). */
function textTest(terms: readonly string[]): Test {
  const searches = terms.map((term) => new SubstringSearch(fold(term)));
  return (record) => {
    const found = new Array<boolean>(searches.length).fill(false);
    let missing = searches.length;
    someText(
      record,
      (text) => {
        const folded = fold(text);
        for (let i = 0; i < searches.length; i++) {
          if (!found[i] && searches[i].test(folded)) {
            found[i] = true;
            missing--;
          }
        }
        return missing === 0;
      },
      false,
    );
    return missing === 0;
  };
}

/** The record test for a query, cheapest and most selective tests first. */
export function compileMatcher(query: SearchQuery, options: MatchOptions = {}): RecordMatcher {
  const tests: Test[] = [];
  if (options.range) tests.push(timeTest(options.range));
  if (query.accounts.length) tests.push(dimensionTest('recipientAccountId', query.accounts));
  if (query.regions.length) tests.push(dimensionTest('awsRegion', query.regions));
  if (query.names.length) tests.push(pathsTest([['eventName']], new PatternSet(query.names, true)));
  if (query.sources.length) tests.push(pathsTest([['eventSource']], new PatternSet(query.sources, true)));
  if (query.errors.length) tests.push(errorTest(query));
  if (query.readOnly.length) tests.push(readOnlyTest(query.readOnly));
  if (query.sourceIps.length) tests.push(pathsTest([['sourceIPAddress']], new PatternSet(query.sourceIps, true)));
  if (query.requests.length) tests.push(pathsTest(REQUEST_PATHS, new PatternSet(query.requests, true)));
  if (query.principals.length) tests.push(pathsTest(PRINCIPAL_PATHS, new PatternSet(query.principals, true)));
  if (query.keys.length) tests.push(keyTest(query, options.keys));
  if (query.contexts.length) tests.push(contextTest(query));
  if (query.text.length) tests.push(textTest(query.text));
  return (record) => {
    if (record === null || typeof record !== 'object' || Array.isArray(record)) return false;
    const object = record as Record<string, unknown>;
    for (const test of tests) if (!test(object)) return false;
    return true;
  };
}
