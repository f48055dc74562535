/** Writes a query in its text form; `parseQuery(formatQuery(q))` gives `q` back (the round trip the tests check). */
import type { ErrorFilter, SearchQuery, ValuePattern } from './query';
import { formatScope } from './scope';
import { formatTimePoint } from './timeRange';

function needsQuotes(text: string, extra: string): boolean {
  if (text === '') return true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === ',' || c === '"' || c === '*' || extra.includes(c)) return true;
  }
  return false;
}

/** `"…"` with `\` and `"` escaped. */
export function quoteQueryValue(text: string): string {
  let out = '"';
  for (const c of text) out += c === '"' || c === '\\' ? `\\${c}` : c;
  return `${out}"`;
}

function value(text: string, prefix = false, extra = ''): string {
  return (needsQuotes(text, extra) ? quoteQueryValue(text) : text) + (prefix ? '*' : '');
}

function patterns(list: readonly ValuePattern[]): string {
  return list.map((item) => value(item.value, item.prefix)).join(',');
}

/** Free text that would read as a field (`word:`) or holds a comma is quoted. */
function freeText(text: string): string {
  let letters = 0;
  while (letters < text.length && /[A-Za-z]/.test(text[letters])) letters++;
  return letters > 0 && text[letters] === ':' ? quoteQueryValue(text) : value(text);
}

function errorValue(filter: ErrorFilter): string {
  if (filter.kind !== 'code') return filter.kind;
  const word = filter.pattern.value.toLowerCase();
  // A code spelled `any` or `none` is quoted so it is not read as the keyword.
  return !filter.pattern.prefix && (word === 'any' || word === 'none')
    ? quoteQueryValue(filter.pattern.value)
    : value(filter.pattern.value, filter.pattern.prefix);
}

export function formatQuery(query: SearchQuery): string {
  const terms: string[] = [];
  const add = (field: string, text: string) => terms.push(`${field}:${text}`);
  if (query.scope) add('scope', value(formatScope(query.scope)));
  if (query.from) add('from', formatTimePoint(query.from));
  if (query.to) add('to', formatTimePoint(query.to));
  if (query.accounts.length) add('account', query.accounts.join(','));
  if (query.regions.length) add('region', query.regions.join(','));
  if (query.names.length) add('name', patterns(query.names));
  if (query.sources.length) add('source', patterns(query.sources));
  if (query.principals.length) add('principal', patterns(query.principals));
  if (query.keys.length) add('key', query.keys.map((key) => key.text).join(','));
  for (const context of query.contexts) add('ctx', `${value(context.key, false, '=')}=${patterns(context.values)}`);
  if (query.errors.length) add('error', query.errors.map(errorValue).join(','));
  if (query.readOnly.length) add('readonly', query.readOnly.map((flag) => (flag ? 'yes' : 'no')).join(','));
  if (query.sourceIps.length) add('ip', patterns(query.sourceIps));
  if (query.requests.length) add('request', patterns(query.requests));
  for (const text of query.text) terms.push(freeText(text));
  return terms.join(' ');
}
