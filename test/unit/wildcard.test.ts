import { test } from 'node:test';
import assert from 'node:assert/strict';
import { wildcardMatch } from '../../src/core/keyPolicy/wildcard';

test('IAM wildcards: * any run (also none), ? one character, everything else literal', () => {
  assert.ok(wildcardMatch('kms:*', 'kms:Decrypt'));
  assert.ok(wildcardMatch('kms:GenerateDataKey*', 'kms:GenerateDataKey'));
  assert.ok(wildcardMatch('kms:GenerateDataKey*', 'kms:GenerateDataKeyWithoutPlaintext'));
  assert.ok(wildcardMatch('arn:aws:cloudtrail:*:111122223333:trail/*', 'arn:aws:cloudtrail:us-west-2:111122223333:trail/management'));
  assert.ok(wildcardMatch('kms:?ecrypt', 'kms:Decrypt'));
  assert.ok(wildcardMatch('*', ''));
  assert.ok(wildcardMatch('a*b*c', 'abc'));
  assert.ok(!wildcardMatch('kms:?ecrypt', 'kms:Encrypt'));
  assert.ok(!wildcardMatch('kms:Decrypt', 'kms:DecryptX'));
  assert.ok(!wildcardMatch('kms:Decrypt*', 'kms:Encrypt'));
  assert.ok(!wildcardMatch('a*b', 'a'));
  // Regular-expression characters are literal.
  assert.ok(!wildcardMatch('arn:aws:s3:::b.c', 'arn:aws:s3:::bxc'));
  assert.ok(wildcardMatch('(a|b)+', '(a|b)+'));
});

test('case: actions ignore it when asked, ARNs do not', () => {
  assert.ok(wildcardMatch('KMS:decrypt', 'kms:Decrypt', true));
  assert.ok(!wildcardMatch('KMS:decrypt', 'kms:Decrypt'));
});

// The regular expression this replaced (`.*` per `*`) would not finish this within the test's time limit.
test('a pattern full of * against a long value that almost matches ends (no backtracking blow-up)', { timeout: 60_000 }, () => {
  assert.equal(wildcardMatch(`${'*a'.repeat(30)}*b`, 'a'.repeat(20_000)), false);
  assert.equal(wildcardMatch(`${'*a'.repeat(30)}*`, 'a'.repeat(20_000)), true);
});
