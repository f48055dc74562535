import { test } from 'node:test';
import assert from 'node:assert/strict';

import { compileMatcher } from '../../../src/core/search/match';
import { buildRawPrefilter, longestPlainRun, plainRuns } from '../../../src/core/search/prefilter';
import { formatQuery, quoteQueryValue } from '../../../src/core/search/queryFormat';
import { parseQuery } from '../../../src/core/search/queryParse';
import { compileRawPrefilter, RawScanner, rawBytesMayMatch } from '../../../src/core/search/rawScanner';
import { corpusRecords } from './corpusRecords';
import { chooser, queriesFrom } from './generatedQueries';

const utf8 = (text: string) => new TextEncoder().encode(text);
const q = quoteQueryValue;

/** JSON text with every string's characters written by `escape` (a valid JSON encoding of the same value). */
function encode(value: unknown, escape: (c: string) => string): string {
  if (typeof value === 'string') return `"${Array.from(value, escape).join('')}"`;
  if (Array.isArray(value)) return `[${value.map((item) => encode(item, escape)).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.entries(value)
      .map(([key, item]) => `${encode(key, escape)}:${encode(item, escape)}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

const standard = (c: string) => JSON.stringify(c).slice(1, -1);
const hex = (code: number) => `\\u${code.toString(16).padStart(4, '0')}`;
const u = (c: string) =>
  Array.from({ length: c.length }, (_, i) => c.charCodeAt(i))
    .map(hex)
    .join('');

/** The ways real encoders write the same records (CloudTrail, Python ensure_ascii, PHP \/, Go/.NET HTML-safe, all-escaped). */
const ENCODINGS: Record<string, (records: unknown[]) => string> = {
  compact: (records) => JSON.stringify({ Records: records }),
  pretty: (records) => JSON.stringify({ Records: records }, null, 2),
  asciiOnly: (records) => encode({ Records: records }, (c) => (c.charCodeAt(0) > 0x7e ? u(c) : standard(c))),
  slashes: (records) => encode({ Records: records }, (c) => (c === '/' ? '\\/' : standard(c))),
  htmlSafe: (records) => encode({ Records: records }, (c) => ("<>&'+`".includes(c) ? u(c) : standard(c))),
  upperHex: (records) =>
    encode({ Records: records }, (c) => (c.charCodeAt(0) > 0x7e ? u(c).toUpperCase().replace(/\\U/g, '\\u') : standard(c))),
  everythingEscaped: (records) => encode({ Records: records }, u),
};

test('no false negatives: a file holding a matching record always passes, in every JSON encoding, whole or in chunks', () => {
  const pick = chooser(7);
  const records = corpusRecords().map((item) => item.record);
  let checked = 0;
  for (const record of records) {
    const neighbours = [record, records[pick(records.length)], records[pick(records.length)]];
    for (const query of queriesFrom(record, pick)) {
      const parsed = parseQuery(query);
      assert.ok(compileMatcher(parsed)(record), `${query} should match its own record`);
      for (const strategy of ['native', 'automaton'] as const) {
        const compiled = compileRawPrefilter(buildRawPrefilter(parsed), strategy);
        for (const [encoding, write] of Object.entries(ENCODINGS)) {
          const bytes = utf8(write(neighbours));
          assert.deepEqual(
            JSON.parse(new TextDecoder().decode(bytes)),
            { Records: neighbours },
            `${encoding} is valid JSON of the records`,
          );
          const scanner = new RawScanner(compiled);
          scanner.push(bytes);
          assert.ok(scanner.mayMatch(), `${strategy}, ${encoding}: ${query} (${formatQuery(parsed)})`);
          // The same bytes in uneven chunks.
          const chunked = new RawScanner(compiled);
          for (let offset = 0; offset < bytes.length;) {
            const size = 1 + pick(97);
            chunked.push(bytes.subarray(offset, offset + size));
            offset += size;
          }
          assert.ok(chunked.mayMatch(), `${strategy}, ${encoding} in chunks: ${query}`);
          checked++;
        }
      }
    }
  }
  assert.ok(checked > 6000, `${checked} checks`);
});

test('the prefilter prunes: most files without a matching record are not parsed', () => {
  const pick = chooser(11);
  const records = corpusRecords().map((item) => item.record);
  let misses = 0;
  let pruned = 0;
  for (const record of records) {
    for (const query of queriesFrom(record, pick)) {
      const parsed = parseQuery(query);
      const match = compileMatcher(parsed);
      const prefilter = buildRawPrefilter(parsed);
      for (const other of records) {
        if (match(other)) continue;
        misses++;
        if (!rawBytesMayMatch(prefilter, utf8(JSON.stringify({ Records: [other] })))) pruned++;
      }
    }
  }
  assert.ok(pruned / misses > 0.6, `${pruned} of ${misses} non-matching files pruned`);
});

test('literals: plain runs of the lower-cased value; characters encoders escape split them', () => {
  assert.deepEqual(plainRuns('arn:aws:kms:us-west-2:111122223333:key/1234abcd'), ['arn:aws:kms:us-west-2:111122223333:key', '1234abcd']);
  assert.equal(longestPlainRun('Say "Hi" <there> & \\ you'), 'there');
  assert.equal(longestPlainRun('été'), 't');
  assert.equal(longestPlainRun('"/"'), '');
  assert.deepEqual(buildRawPrefilter(parseQuery('name:Decrypt,Encrypt source:kms error:any')).clauses, [
    ['decrypt', 'encrypt'],
    ['kms.amazonaws.com'],
    ['errorcode'],
  ]);
  // One value: every run is required; a key is told by its last segment (the id), not by arn:aws:kms:…
  assert.deepEqual(buildRawPrefilter(parseQuery('principal:arn:aws:iam::111122223333:role/Admin')).clauses, [
    ['arn:aws:iam::111122223333:role'],
    ['admin'],
  ]);
  assert.deepEqual(
    buildRawPrefilter(parseQuery('key:arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab')).clauses,
    [['1234abcd-12ab-34cd-56ef-1234567890ab']],
  );
  assert.deepEqual(buildRawPrefilter(parseQuery('key:alias/cloudtrail-logs')).clauses, [['cloudtrail-logs']]);
  // Nothing to look for: no clause (every file is parsed).
  assert.deepEqual(buildRawPrefilter(parseQuery('readonly:yes error:none from:-1h account:111122223333')).clauses, []);
  assert.deepEqual(buildRawPrefilter(parseQuery('name:"<>",Decrypt')).clauses, [], 'an alternative without a literal drops the clause');
});

/** The answer of one strategy for the bytes. */
function scan(prefilter: ReturnType<typeof buildRawPrefilter>, bytes: Uint8Array, strategy: 'native' | 'automaton'): boolean {
  const scanner = new RawScanner(compileRawPrefilter(prefilter, strategy));
  scanner.push(bytes);
  return scanner.mayMatch();
}

for (const strategy of ['native', 'automaton'] as const) {
  test(`${strategy}: escapes that could hide a literal make the file "cannot tell" (parsed); other escapes do not`, () => {
    const prefilter = buildRawPrefilter(parseQuery('name:Decrypt'));
    assert.equal(scan(prefilter, utf8('{"eventName":"Encrypt"}'), strategy), false);
    assert.equal(scan(prefilter, utf8('{"eventName":"DECRYPT"}'), strategy), true, 'ASCII case is ignored');
    assert.equal(scan(prefilter, utf8('{"eventName":"D\\u0065crypt"}'), strategy), true, 'an escaped plain letter');
    assert.equal(scan(prefilter, utf8('{"eventName":"D\\u0045crypt"}'), strategy), true, 'an escaped upper-case letter');
    // An escaped backslash before "u0065" is text: the automaton knows; the native scan is cautious (parses).
    assert.equal(scan(prefilter, utf8('{"a":"x\\\\u0065y"}'), strategy), strategy === 'native');
    assert.equal(
      scan(prefilter, utf8('{"a":"\\u003c\\u0026\\u002b\\/\\"\\n\\u00e9"}'), strategy),
      false,
      'escapes of characters no literal holds',
    );
    // A literal or an escape cut by a window edge (native: 64 KB windows) is still seen.
    assert.equal(scan(prefilter, utf8(`${' '.repeat(65536 - 3)}"\\u0065"`), strategy), true);
    assert.equal(scan(prefilter, utf8(`${' '.repeat(65536 - 3)}"Decrypt"`), strategy), true);
  });

  test(`${strategy}: U+0130 and U+212A lower-case to ASCII; files holding them are parsed when a literal has i or k`, () => {
    const record = { eventName: 'Decrypt', requestParameters: { note: '\u212Aey \u0130d' } };
    for (const term of ['key', 'i\u0307d']) {
      const parsed = parseQuery(q(term));
      assert.ok(compileMatcher(parsed)(record), `${term} matches by Unicode lower case`);
      assert.equal(scan(buildRawPrefilter(parsed), utf8(JSON.stringify({ Records: [record] })), strategy), true, `${term} raw UTF-8`);
      assert.equal(scan(buildRawPrefilter(parsed), utf8(ENCODINGS.asciiOnly([record])), strategy), true, `${term} escaped`);
    }
    // A literal without i or k is not disturbed by them.
    assert.equal(scan(buildRawPrefilter(parseQuery('name:Encrypt')), utf8(JSON.stringify(record)), strategy), false);
  });
}

test('a scanner stops early once decided and reads the rest as a no-op', () => {
  for (const strategy of ['native', 'automaton'] as const) {
    const scanner = new RawScanner(compileRawPrefilter(buildRawPrefilter(parseQuery('name:Decrypt')), strategy));
    assert.equal(scanner.decided, false);
    scanner.push(utf8('{"eventName":"Decr'));
    assert.equal(scanner.decided, false, 'a literal split across chunks');
    scanner.push(utf8('ypt"}'));
    assert.equal(scanner.decided, true);
    scanner.push(utf8('more'));
    assert.equal(scanner.mayMatch(), true);
  }
  assert.equal(rawBytesMayMatch({ clauses: [] }, utf8('')), true, 'no clause: every file is parsed');
});

test('many literals (the query limits) build one automaton and scan a large buffer', () => {
  const names = Array.from({ length: 250 }, (_, i) => `Name${i}Suffix`).join(',');
  const prefilter = buildRawPrefilter(parseQuery(`name:${names}`));
  assert.equal(prefilter.clauses[0].length, 250);
  assert.ok(compileRawPrefilter(prefilter).automaton, 'many literals: the automaton');
  assert.equal(compileRawPrefilter(buildRawPrefilter(parseQuery('name:Decrypt'))).automaton, undefined, 'few: native search');
  const bytes = utf8(`${'x'.repeat(5_000_000)}"name249suffix"`);
  assert.equal(rawBytesMayMatch(prefilter, bytes), true);
  assert.equal(rawBytesMayMatch(prefilter, bytes.subarray(0, 5_000_000)), false);
});

test('native scan: a literal or an escape at any place across a chunk or window seam is seen, in chunks of any size', () => {
  const principal = 'arn:aws:iam::111122223333:role/Payments-Batch';
  const prefilter = buildRawPrefilter(parseQuery(`principal:${q(principal)} name:Decrypt`));
  const compiled = compileRawPrefilter(prefilter, 'native');
  const overlap = principal.length - 1;
  const chunkings = (bytes: Uint8Array): Uint8Array[][] =>
    [1, 2, 5, overlap - 1, overlap, overlap + 1, 2 * overlap + 3, 65536 - 7, 65536, 70_000].map((size) => {
      const pieces: Uint8Array[] = [];
      for (let offset = 0; offset < bytes.length; offset += size) pieces.push(bytes.subarray(offset, offset + size));
      return pieces;
    });
  const scanned = (pieces: Uint8Array[]): boolean => {
    const scanner = new RawScanner(compiled);
    for (const piece of pieces) scanner.push(piece);
    return scanner.mayMatch();
  };
  let checked = 0;
  // The principal in mixed case, placed so that it straddles the 64 KB window edge at every offset, "Decrypt" far away.
  for (let cut = 0; cut <= principal.length; cut += 3) {
    const before = 'Decrypt'.padEnd(65536 - cut, ' ');
    const bytes = utf8(`${before}"${principal.toUpperCase()}"`);
    for (const pieces of chunkings(bytes)) {
      assert.equal(scanned(pieces), true, `cut ${cut}, chunks of ${pieces[0].length}`);
      checked++;
    }
    // One character less of the principal: no chunking may find it.
    const missing = utf8(`${before}"${principal.slice(0, -1)}"`);
    for (const pieces of chunkings(missing)) assert.equal(scanned(pieces), false, `cut ${cut}: a prefix is not the literal`);
    // An escape of a plain letter cut by the edge makes the file "cannot tell".
    const escaped = utf8(`${'Decrypt'.padEnd(65536 - (cut % 6), ' ')}\\u0041`);
    for (const pieces of chunkings(escaped)) assert.equal(scanned(pieces), true, `escape cut at ${cut % 6}`);
  }
  assert.ok(checked > 100, `${checked} checks`);
});
