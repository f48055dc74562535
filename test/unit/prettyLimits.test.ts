/**
 * The pretty printer on hostile nesting: the indented text of `[[[[…]]]]` grows with the square of the depth (an 81 KB
 * file would become 800 MB), so the printer counts what it writes and refuses past INDENT_LIMIT before it allocates.
 * Checked by the bytes it allocates (at most the doubling series up to the limit: 3 × the limit) and the depth it
 * reached when it stopped (work), never by time.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { indentLimit, INDENT_LIMIT, prettyPrintJson, prettyPrintJsonBytes, PrettyPrintStream } from '../../src/core/logs/pretty';
import { ExplainedError } from '../../src/core/errors';
import { allocated } from '../hostile/allocationMeter';

function assertTooDeep(error: unknown): asserts error is ExplainedError {
  assert.ok(error instanceof ExplainedError, `expected an explained error, got ${String(error)}`);
  assert.equal(error.code, 'IndentTooLarge');
  assert.match(error.message, /^The document is nested too deeply to pretty-print: indented, it would take more than [\d.]+ [KMG]iB\./);
  assert.match(error.message, /levels deep/);
  assert.doesNotMatch(error.message, /RangeError|Invalid string length|Array buffer allocation failed/);
}

const deepArrays = (depth: number): Buffer => Buffer.from('['.repeat(depth) + ']'.repeat(depth));

test('81 KB of nested arrays: refused with IndentTooLarge, allocating at most 3 × the limit (the old printer took 800 MB)', () => {
  const input = deepArrays(40_500); // 81 KB; indented it would be 2 × 40,500² / 2 × 2 ≈ 3.3 GB of spaces
  const limit = indentLimit(input.length);
  assert.ok(limit < 20 * 1024 * 1024);
  const run = allocated(() => prettyPrintJsonBytes(input));
  assertTooDeep(run.error);
  assert.ok(run.bytes <= 3 * limit + 4 * input.length, `allocated ${run.bytes} bytes for an 81 KB input (limit ${limit})`);
});

test('deep objects and wide arrays at depth are bounded the same way (output, not depth, is what is counted)', () => {
  const objects = Buffer.from('{"a":'.repeat(20_000) + '1' + '}'.repeat(20_000));
  const wideAtDepth = Buffer.from('['.repeat(3_000) + '1,'.repeat(100_000) + '1' + ']'.repeat(3_000)); // 206 KB → 600 MB
  for (const input of [objects, wideAtDepth]) {
    const run = allocated(() => prettyPrintJsonBytes(input));
    assertTooDeep(run.error);
    assert.ok(run.bytes <= 3 * indentLimit(input.length) + 4 * input.length, `allocated ${run.bytes}`);
  }
  // Just under the limit still prints, equal to the baseline: the limit refuses only what could not be shown anyway.
  const depth = Math.floor(Math.sqrt(INDENT_LIMIT.allowance / 2) * 0.9); // the indented text is about 2 × depth² bytes;
  const nested = '['.repeat(depth) + ']'.repeat(depth);
  assert.equal(prettyPrintJson(nested), JSON.stringify(JSON.parse(nested), null, 2));
});

test('the refusal comes early: the printer stops soon after the limit, not at the end of a huge input', () => {
  // 4 MB of nesting (the output would be 8 TB), fed in 64 KB pieces as fetchLog does. Work measured by allocation and by
  // the depth reached when it stopped: about √limit levels, not 2 million.
  const input = deepArrays(2 * 1024 * 1024);
  let wholeAsked = 0;
  const run = allocated(() => {
    const stream = new PrettyPrintStream(1024);
    for (let at = 0; at < input.length; at += 64 * 1024) stream.write(input.subarray(at, at + 64 * 1024));
    return stream.end(() => {
      wholeAsked++;
      return input;
    });
  });
  assertTooDeep(run.error);
  assert.equal(wholeAsked, 1, 'the exact error is made from the whole input, once');
  assert.ok(run.bytes <= 3 * indentLimit(input.length) + 4 * input.length, `allocated ${run.bytes}`);
  const depth = Number(/at least ([\d,]+) levels deep/.exec(run.error.message)?.[1].replace(/,/g, ''));
  assert.ok(depth > 1_000 && depth < 20_000, `stopped ${depth} levels deep`);
});

test('the limit scales with the input: 16 bytes per byte of JSON plus 16 MiB, never more than 1 GiB', () => {
  assert.equal(indentLimit(0), INDENT_LIMIT.allowance);
  assert.equal(indentLimit(1024 * 1024), INDENT_LIMIT.allowance + 16 * 1024 * 1024);
  assert.equal(indentLimit(1024 * 1024 * 1024), INDENT_LIMIT.most);
  // A CloudTrail log indents to about 1.5 × its size: far under the limit at every size.
  const record = JSON.stringify({ eventVersion: '1.11', userIdentity: { type: 'AssumedRole', sessionContext: { attributes: {} } } });
  const log = Buffer.from(`{"Records":[${Array.from({ length: 5_000 }, () => record).join(',')}]}`);
  assert.ok(prettyPrintJsonBytes(log).length < 3 * log.length);
});
