/** `search` on the command line: what it refuses before any AWS call (exit 2, the bad token pointed at), and printable output. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { main } from '../../src/cli';
import { escapeControls } from '../../src/cli/printable';

async function run(args: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const code = await main(args, { stdout: { write: () => true }, stderr: { write: (text: string) => (stderr += text) } });
  return { code, stderr };
}

test('usage errors: the bad token under a caret, a missing start, a second scope, bad numbers and accounts', async () => {
  const bad = await run(['search', 'management', '--from', '-2h', 'name:Decrypt', 'principal:', '--endpoint-url', 'http://127.0.0.1:9']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /A missing principal: value/);
  const cases: [string[], RegExp][] = [
    [['search'], /needs a trail name, trail ARN or s3:\/\/bucket\/prefix/],
    [['search', 'management', 'name:Decrypt'], /needs a start: --from T/],
    [['search', 'management', '--from', 'lunchtime'], /"lunchtime" is not a time/],
    [['search', 'management', '--from', '2026-11-24', '--to', '2026-11-23'], /The time range is empty/],
    [['search', 'management', '--from', '-1h', 'scope:other'], /A second scope: term/],
    [['search', 's3://bucket/AWSLogs/111122223333/CloudTrail/us-east-1/2026/', '--from', '-1h'], /deeper than the region folder/],
    [['search', 'management', '--from', '-1h', '--concurrency', '65'], /--concurrency must be a whole number from 1 to 64/],
    [['search', 'management', '--from', '-1h', '--late-minutes', '-5'], /--late-minutes must be a whole number/],
    [['search', 'management', '--from', '-1h', '--account', '1234'], /--account needs a 12-digit account id/],
    [['search', 'management', '--from', '-1h', 'region:mars'], /"mars" is not a region/],
  ];
  for (const [args, expected] of cases) {
    const result = await run(args);
    assert.equal(result.code, 2, args.join(' '));
    assert.match(result.stderr, expected, args.join(' '));
  }
  const caret = await run(['search', 'management', '--from', '-1h', 'nmae:Decrypt']);
  const lines = caret.stderr.split('\n');
  const at = lines.findIndex((line) => line.includes('nmae:Decrypt'));
  assert.equal(lines[at + 1].indexOf('^'), lines[at].indexOf('nmae'));
});

test("engines: each refuses the other engine's options, athena is search --engine athena, bad Athena values say which", async () => {
  const cases: [string[], RegExp][] = [
    [['search', 'management', '--from', '-1h', '--engine', 'spark'], /--engine must be files or athena, not "spark"/],
    [['search', 'management', '--from', '-1h', '--workgroup', 'w'], /--workgroup is an option of the athena engine: add --engine athena/],
    [['search', 'management', '--from', '-1h', '--show-sql'], /--show-sql is an option of the athena engine/],
    [['search', 'management', '--from', '-1h', '--engine', 'athena', '--yes'], /--yes is an option of the files engine/],
    [['athena', 'management', '--from', '-1h', '--late-minutes', '5'], /--late-minutes is an option of the files engine/],
    [['athena', 'management', '--from', '-1h', '--engine', 'files'], /always uses the athena engine/],
    [['athena', 'management', 'name:Decrypt'], /athena needs a start: --from T/],
    [['search', 'management', '--engine', 'athena', '--from', '-1h', '--output-location', 'bucket/x'], /--output-location must be s3:\/\//],
    [
      ['search', 'management', '--engine', 'athena', '--from', '-1h', '--max-results', '0'],
      /--max-results must be a whole number from 1 to/,
    ],
    [
      ['search', 'management', '--engine', 'athena', '--from', '-1h', '--max-wait', '99999'],
      /--max-wait must be a whole number from 1 to 1440/,
    ],
  ];
  for (const [args, expected] of cases) {
    const result = await run(args);
    assert.equal(result.code, 2, args.join(' '));
    assert.match(result.stderr, expected, args.join(' '));
  }
});

test('log values reach the terminal with control characters escaped, bidi controls too', () => {
  assert.equal(escapeControls('plain text'), 'plain text');
  assert.equal(escapeControls('a\u001b[2Jb\u0007'), 'a\\u001b[2Jb\\u0007');
  assert.equal(escapeControls('x\u009b1m\u202eevil\u2066'), 'x\\u009b1m\\u202eevil\\u2066');
  assert.equal(escapeControls('tab\there\nline'), 'tab\\u0009here\\u000aline');
});
