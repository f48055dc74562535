/**
 * Reads the text form of a query (README "Query language"):
 * `name:Decrypt,GenerateDataKey key:alias/cloudtrail-logs error:any ctx:aws:s3:arn=arn:aws:s3:::bucket/AWSLogs/*`.
 * Fields AND together, the values of one field OR together; bare words are free text (each must occur).
 * A bad query throws QueryError pointing at the bad token.
 */
import { KEY_FORMS, parseKeyRef } from './keys';
import { emptyQuery, type ErrorFilter, type SearchQuery, type ValuePattern } from './query';
import { QueryError } from './queryError';
import { QueryLexer, type LexTerm, type LexValue } from './queryLexer';
import { isAccountId, isRegionName, parseScope, SCOPE_FORMS } from './scope';
import { parseTimePoint, TIME_FORMS, timePointMs } from './timeRange';

export type FieldName =
  | 'scope'
  | 'from'
  | 'to'
  | 'account'
  | 'region'
  | 'name'
  | 'source'
  | 'principal'
  | 'key'
  | 'ctx'
  | 'error'
  | 'readonly'
  | 'ip'
  | 'request';

/** Every name a field answers to (lower case); the first of each is the one formatQuery writes. */
export const FIELD_ALIASES: Record<FieldName, readonly string[]> = {
  scope: ['scope', 'trail', 'location'],
  from: ['from', 'since', 'after'],
  to: ['to', 'until', 'before'],
  account: ['account', 'accounts'],
  region: ['region', 'regions'],
  name: ['name', 'event', 'eventname', 'action'],
  source: ['source', 'eventsource', 'service'],
  principal: ['principal', 'who', 'user', 'identity'],
  key: ['key', 'kms', 'keyid'],
  ctx: ['ctx', 'context'],
  error: ['error', 'errorcode', 'err'],
  readonly: ['readonly', 'ro'],
  ip: ['ip', 'sourceip', 'sourceipaddress'],
  request: ['request', 'requestid', 'eventid', 'id'],
};

const CANONICAL = new Map<string, FieldName>();
for (const [field, names] of Object.entries(FIELD_ALIASES) as [FieldName, readonly string[]][])
  for (const name of names) CANONICAL.set(name, field);
const FIELD_LIST = (Object.keys(FIELD_ALIASES) as FieldName[]).join(', ');

function noPrefix(value: LexValue, field: string): void {
  if (value.prefix)
    throw new QueryError(
      `A * after a ${field}: value`,
      `the exact ${field} (prefix matching is not offered for ${field}:)`,
      value.end - 1,
      value.end,
    );
}

function pattern(value: LexValue): ValuePattern {
  return { value: value.text, prefix: value.prefix };
}

function pushPattern(list: ValuePattern[], item: ValuePattern): void {
  if (!list.some((known) => known.value === item.value && known.prefix === item.prefix)) list.push(item);
}

/** `source:kms` means `kms.amazonaws.com`. */
function normalizeSource(item: ValuePattern): ValuePattern {
  return !item.prefix && !item.value.includes('.') ? { value: `${item.value}.amazonaws.com`, prefix: false } : item;
}

class QueryBuilder {
  readonly query = emptyQuery();
  private readonly seenOnce = new Map<string, LexTerm>();
  private scopeAccount?: { value: string; term: LexTerm & { kind: 'field' } };
  private scopeRegion?: { value: string; term: LexTerm & { kind: 'field' } };

  add(term: LexTerm): void {
    if (term.kind === 'text') {
      if (term.value.text === '') throw new QueryError('Empty quotes', 'text to search for', term.value.start, term.value.end);
      if (!this.query.text.includes(term.value.text)) this.query.text.push(term.value.text);
      return;
    }
    const field = term.field as FieldName;
    for (const value of term.values)
      if (value.text === '' && field !== 'ctx') throw new QueryError('An empty value', `a ${field}: value`, value.start, value.end);
    if (field === 'scope' || field === 'from' || field === 'to') this.single(field, term);
    else this.multi(field, term);
  }

  private single(field: 'scope' | 'from' | 'to', term: LexTerm & { kind: 'field' }): void {
    if (this.seenOnce.has(field)) throw new QueryError(`A second ${field}: term`, `one ${field}: in a query`, term.start, term.end);
    this.seenOnce.set(field, term);
    if (term.values.length > 1)
      throw new QueryError(`A second ${field}: value`, `one value for ${field}:`, term.values[1].start, term.values[1].end);
    const value = term.values[0];
    noPrefix(value, field);
    if (field === 'scope') {
      const parsed = parseScope(value.text);
      if (typeof parsed === 'string') throw new QueryError(`The scope is ${parsed}`, SCOPE_FORMS, value.start, value.end);
      this.query.scope = parsed.scope;
      if (parsed.account) this.scopeAccount = { value: parsed.account, term };
      if (parsed.region) this.scopeRegion = { value: parsed.region, term };
      return;
    }
    const point = parseTimePoint(value.text);
    if (!point) throw new QueryError(`"${value.text}" is not a time`, TIME_FORMS, value.start, value.end);
    this.query[field] = point;
  }

  private multi(field: Exclude<FieldName, 'scope' | 'from' | 'to'>, term: LexTerm & { kind: 'field' }): void {
    const query = this.query;
    if (field === 'ctx') {
      const key = term.contextKey as LexValue;
      if (key.text === '') throw new QueryError('An empty encryption context key', 'ctx:KEY=VALUE', key.start, key.end);
      let filter = query.contexts.find((known) => known.key === key.text);
      if (!filter) query.contexts.push((filter = { key: key.text, values: [] }));
      for (const value of term.values) pushPattern(filter.values, pattern(value));
      return;
    }
    for (const value of term.values) {
      switch (field) {
        case 'account':
          noPrefix(value, field);
          if (!isAccountId(value.text))
            throw new QueryError(`"${value.text}" is not an account id`, 'a 12-digit AWS account id', value.start, value.end);
          if (!query.accounts.includes(value.text)) query.accounts.push(value.text);
          break;
        case 'region':
          noPrefix(value, field);
          if (!isRegionName(value.text))
            throw new QueryError(`"${value.text}" is not a region`, 'a region name such as us-east-1', value.start, value.end);
          if (!query.regions.includes(value.text)) query.regions.push(value.text);
          break;
        case 'key': {
          noPrefix(value, field);
          const key = parseKeyRef(value.text);
          if (!key) throw new QueryError(`"${value.text}" is not a KMS key`, KEY_FORMS, value.start, value.end);
          if (!query.keys.some((known) => known.text === key.text)) query.keys.push(key);
          break;
        }
        case 'error':
          this.addError(value);
          break;
        case 'readonly': {
          noPrefix(value, field);
          const flag = ({ yes: true, true: true, no: false, false: false } as Record<string, boolean>)[value.text.toLowerCase()];
          if (flag === undefined)
            throw new QueryError(`"${value.text}" is not yes or no`, 'readonly:yes or readonly:no', value.start, value.end);
          if (!query.readOnly.includes(flag)) query.readOnly.push(flag);
          break;
        }
        case 'name':
          pushPattern(query.names, pattern(value));
          break;
        case 'source':
          pushPattern(query.sources, normalizeSource(pattern(value)));
          break;
        case 'principal':
          pushPattern(query.principals, pattern(value));
          break;
        case 'ip':
          pushPattern(query.sourceIps, pattern(value));
          break;
        case 'request':
          pushPattern(query.requests, pattern(value));
          break;
      }
    }
  }

  private addError(value: LexValue): void {
    const word = value.quoted || value.prefix ? undefined : value.text.toLowerCase();
    const filter: ErrorFilter =
      word === 'any' ? { kind: 'any' } : word === 'none' ? { kind: 'none' } : { kind: 'code', pattern: pattern(value) };
    const same = (known: ErrorFilter) =>
      known.kind === filter.kind &&
      (known.kind !== 'code' ||
        filter.kind !== 'code' ||
        (known.pattern.value === filter.pattern.value && known.pattern.prefix === filter.pattern.prefix));
    if (!this.query.errors.some(same)) this.query.errors.push(filter);
  }

  /** Cross-term checks: a scope path's account/region against account:/region:, and a range that is empty. */
  finish(): SearchQuery {
    const query = this.query;
    for (const [implied, list, field] of [
      [this.scopeAccount, query.accounts, 'account'],
      [this.scopeRegion, query.regions, 'region'],
    ] as const) {
      if (!implied) continue;
      if (list.length > 0 && (list.length !== 1 || list[0] !== implied.value))
        throw new QueryError(
          `The scope names ${field} ${implied.value} but ${field}: lists ${list.join(', ')}`,
          `either the ${field} in the scope or in ${field}:, not different ones`,
          implied.term.start,
          implied.term.end,
        );
      list.splice(0, list.length, implied.value);
    }
    // Fixed times can be checked now; relative ones (now, -1h, today) only when the search runs (resolveTimeRange).
    const fixed = (kind: string | undefined) => kind === 'instant' || kind === 'day';
    if (query.from && query.to && fixed(query.from.kind) && fixed(query.to.kind)) {
      if (timePointMs(query.to, 0, true) <= timePointMs(query.from, 0, false)) {
        const term = this.seenOnce.get('to') as LexTerm & { kind: 'field' };
        throw new QueryError('The time range is empty', 'a to: time after the from: time', term.start, term.end);
      }
    }
    return query;
  }
}

/** Parses the query text; throws QueryError (with the position of the bad token) when it is not a valid query. */
export function parseQuery(text: string): SearchQuery {
  const lexer = new QueryLexer(text, (name) => CANONICAL.get(name), FIELD_LIST);
  const builder = new QueryBuilder();
  for (const term of lexer.terms()) builder.add(term);
  return builder.finish();
}
