/**
 * The raw-bytes prefilter: literals that every matching record must contain, so that a log file whose decompressed
 * bytes contain none of a clause's literals is not parsed at all (rawScanner.ts does the scan).
 *
 * Why it never drops a file that holds a match (no false negatives), with JSON escapes in mind:
 * - A literal is a run of "plain" ASCII characters (letters, digits, `-_.:@ ,;!#$%()*?=[]^{|}~`) cut from a
 *   lower-cased query value. A matching record holds a key or value whose lower case contains the query value, so it
 *   contains the run. JSON has no short escape for these characters (only `\" \\ \/ \b \f \n \r \t`), so in the file
 *   each of them is either the byte itself or a `\u00XX` escape. The scanner searches the bytes ignoring ASCII case,
 *   and treats any `\u00XX` escape of a plain character as "cannot tell" (the file is parsed). Characters JSON
 *   encoders commonly escape (`" \ / < > & ' +`, control and non-ASCII characters) are never inside a literal: a
 *   value's literal is its longest plain run (`arn:aws:kms:us-east-1:111122223333:key/1234…` gives `1234…`).
 * - Lower case: the only non-ASCII characters whose lower case holds an ASCII letter are U+0130 (→ i) and U+212A
 *   (→ k). When a literal holds `i` or `k`, the scanner treats those characters in the bytes (raw UTF-8 or `\u`
 *   escaped) as "cannot tell" too.
 * - A clause is dropped (no pruning by it) when one of its alternatives has no plain run, and for tests that need no
 *   text (time, read-only, `error:none`, accounts and regions, which the folders already select).
 */
import { keyCandidates, type ResolvedKeys } from './keys';
import type { SearchQuery, ValuePattern } from './query';
import { fold } from './textSearch';

export const PLAIN_PUNCTUATION = '-_.:@ ,;!#$%()*?=[]^{|}~';

/** True for the characters a literal may hold (lower-case letters, digits, PLAIN_PUNCTUATION). */
export function isPlainCode(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x30 && code <= 0x39) ||
    (code < 0x80 && PLAIN_PUNCTUATION.includes(String.fromCharCode(code)))
  );
}

/** The runs of plain characters in the folded text, in order. */
export function plainRuns(text: string): string[] {
  const folded = fold(text);
  const runs: string[] = [];
  let start = 0;
  for (let i = 0; i <= folded.length; i++) {
    if (i < folded.length && isPlainCode(folded.charCodeAt(i))) continue;
    if (i > start) runs.push(folded.slice(start, i));
    start = i + 1;
  }
  return runs;
}

/** The longest run of plain characters in the folded text ('' when there is none). */
export function longestPlainRun(text: string): string {
  return plainRuns(text).reduce((best, run) => (run.length > best.length ? run : best), '');
}

/** Each clause lists alternatives; a file may hold a match only if it contains at least one literal of every clause. */
export interface RawPrefilter {
  readonly clauses: readonly (readonly string[])[];
}

/**
 * Clauses from texts of which a matching record holds at least one (each text a substring of what the record holds).
 * One text: every run of 3+ plain characters must be there, so each is its own clause. Several: one clause with the
 * longest run of each; none when one of them has no run (it could match a file without any literal).
 */
function clauses(texts: readonly string[]): string[][] {
  if (texts.length === 1) {
    const runs = [...new Set(plainRuns(texts[0]).filter((run) => run.length >= 3))];
    if (runs.length > 0) return runs.map((run) => [run]);
  }
  const literals = new Set<string>();
  for (const text of texts) {
    const run = longestPlainRun(text);
    if (run === '') return [];
    literals.add(run);
  }
  return literals.size > 0 ? [[...literals]] : [];
}

const values = (patterns: readonly ValuePattern[]) => patterns.map((item) => item.value);
/** A key, alias or ARN is told apart by its last path segment (the key id, the alias name), not by `arn:aws:kms:…`. */
const lastSegment = (text: string) => text.slice(text.lastIndexOf('/') + 1);

export function buildRawPrefilter(query: SearchQuery, resolved?: ResolvedKeys): RawPrefilter {
  const found: string[][] = [];
  for (const list of [query.names, query.sources, query.principals, query.sourceIps, query.requests]) {
    if (list.length) found.push(...clauses(values(list)));
  }
  if (query.keys.length) {
    const keys = keyCandidates(query.keys, resolved);
    found.push(...clauses([...new Set([...keys.exact, ...keys.suffixes].map(lastSegment))]));
  }
  for (const context of query.contexts) {
    found.push(...clauses([context.key]));
    found.push(...clauses(values(context.values)));
  }
  if (query.errors.length && !query.errors.some((filter) => filter.kind === 'none')) {
    // Any error code implies the key "errorCode"; a code filter also implies the code.
    const codes = query.errors.flatMap((filter) => (filter.kind === 'code' ? [filter.pattern.value] : []));
    found.push(...clauses(query.errors.some((filter) => filter.kind === 'any') ? ['errorCode'] : codes));
  }
  for (const term of query.text) found.push(...clauses([term]));
  const unique = new Map(found.map((item) => [JSON.stringify([...item].sort()), item]));
  return { clauses: [...unique.values()] };
}
