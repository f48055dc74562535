// One regression test per quadratic or exponential defect of issue 12, measured by work done, never by time: the
// characters the built-ins examined (workMeter.ts) and V8's own count of regular-expression backtracking (probe.ts).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Measured } from '../../hostile/linearProbes';
import { BACKTRACK_LIMIT, runProbe } from '../../hostile/probe';

const PROBES = join(__dirname, '..', '..', 'hostile', 'linearProbes.js');

/** Runs a probe; no regular expression may backtrack past the limit, and the work stays within `perChar` × input. */
function linear(name: string, perChar: number): Measured {
  const { result, alarms } = runProbe<Measured>(PROBES, name);
  assert.deepEqual(alarms, [], `${name}: a regular expression backtracked more than ${BACKTRACK_LIMIT} times in one match`);
  assert.ok(result.work <= perChar * result.size + 10_000, `${name}: ${result.work} characters examined for ${result.size} of input`);
  return result;
}

test('outline: records whose eventName key is escaped cost the same per record at 4,000 and 16,000 records', () => {
  const small = linear('outline4000', 8);
  const large = linear('outline16000', 8);
  assert.equal(small.entries, 4000);
  assert.equal(large.entries, 16_000);
  const perRecordSmall = small.work / 4000;
  const perRecordLarge = large.work / 16_000;
  assert.ok(perRecordLarge < perRecordSmall * 1.5, `per record: ${perRecordSmall} at 4,000, ${perRecordLarge} at 16,000`);
});

test('document links: a long run of dots inside an ARN is trimmed linearly (80,000 dots and 2 MB)', () => {
  const dots = linear('linkDots', 40);
  // The 80,001-character key is no link (the click handler refuses keys over 1,024); the other loses its dots.
  assert.equal(dots.links, 1);
  assert.equal(dots.lastEnd, dots.expectedEnd);
  linear('linkDots2MB', 40);
});

test('key policy: Resource "****…!" and StringLike "arn:aws:cloudtrail:****…x" are matched without backtracking', () => {
  assert.equal(linear('policyResourceStars', 50).decrypt, 'no');
  assert.equal(linear('policyStringLikeStars', 50).encrypt, 'no');
  assert.equal(linear('wildcardMegabyte', 30).matched, false);
});

test('~/.aws/config: an unclosed [   x   y header line is linear (3 KB and 1 MB), other sections still read', () => {
  assert.equal(linear('iniUnclosedHeader3KB', 20).profiles, 0);
  const big = linear('iniUnclosedHeader1MB', 20);
  assert.deepEqual(big.profiles, ['default']);
  assert.equal(big.region, 'us-east-1');
});

test('the other patterns over endpoint and log text found in src/: error codes, editor error messages, key prefixes', () => {
  linear('errorCodeColons', 20);
  linear('fileSystemMessage', 20);
  assert.equal(linear('prefixSlashes', 20).root, 'a'.length + 200_000 + 'b/AWSLogs/111122223333/'.length);
});
