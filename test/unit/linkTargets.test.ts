import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  findLinkTargets,
  kmsKeyTarget,
  s3ObjectTarget,
  s3PrefixTarget,
  targetFromText,
  trailTarget,
} from '../../src/core/explain/linkTargets';

const TRAIL = 'arn:aws:cloudtrail:us-west-2:111122223333:trail/management';
const KEY = 'arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

test('valid link arguments pass', () => {
  assert.deepEqual(trailTarget({ arn: TRAIL }), { kind: 'trail', arn: TRAIL });
  assert.deepEqual(kmsKeyTarget({ arn: KEY }), {
    kind: 'kmsKey',
    arn: KEY,
    keyId: '1234abcd-12ab-34cd-56ef-1234567890ab',
    region: 'us-west-2',
    account: '111122223333',
  });
  assert.deepEqual(kmsKeyTarget({ alias: 'alias/cloudtrail', region: 'us-west-2' }), {
    kind: 'kmsKey',
    alias: 'alias/cloudtrail',
    region: 'us-west-2',
  });
  assert.deepEqual(s3ObjectTarget({ bucket: 'b-1', key: 'AWSLogs/x.json.gz', region: 'us-west-2' }), {
    kind: 's3Object',
    bucket: 'b-1',
    key: 'AWSLogs/x.json.gz',
    region: 'us-west-2',
  });
  assert.deepEqual(s3PrefixTarget({ bucket: 'b-1' }), { kind: 's3Prefix', bucket: 'b-1', prefix: '' });
});

test('forged link arguments are refused with a clear error', () => {
  assert.throws(() => trailTarget(undefined), /has no arguments/);
  assert.throws(() => trailTarget({ arn: 'arn:aws:kms:us-west-2:111122223333:key/x' }), /Not a trail ARN/);
  assert.throws(() => trailTarget({ arn: '[x](command:evil)' }), /Not a trail ARN/);
  assert.throws(() => kmsKeyTarget({ arn: TRAIL }), /Not a KMS key ARN/);
  assert.throws(() => kmsKeyTarget({ keyId: 'not-a-key-id' }), /key id is not valid/);
  assert.throws(() => kmsKeyTarget({}), /neither a key id nor an alias/);
  assert.throws(() => kmsKeyTarget({ alias: 'alias/x', region: 'us-west-2; rm -rf' }), /region is not valid/);
  assert.throws(() => s3ObjectTarget({ bucket: '../etc', key: 'k' }), /Not an S3 bucket name/);
  assert.throws(() => s3ObjectTarget({ bucket: 'b-1', key: 42 }), /not a valid S3 key/);
  assert.throws(() => s3ObjectTarget({ bucket: 'b-1', key: '' }), /not a valid S3 key/);
  assert.throws(() => s3ObjectTarget({ bucket: 'b-1', key: 'x'.repeat(1025) }), /not a valid S3 key/);
});

test('pasted text becomes a target only when it parses', () => {
  assert.deepEqual(targetFromText(' s3://b-1/AWSLogs/x.json.gz '), { kind: 's3Object', bucket: 'b-1', key: 'AWSLogs/x.json.gz' });
  assert.deepEqual(targetFromText('s3://b-1/AWSLogs/'), { kind: 's3Prefix', bucket: 'b-1', prefix: 'AWSLogs/' });
  assert.deepEqual(targetFromText('arn:aws:s3:::b-1/AWSLogs/x.json.gz'), { kind: 's3Object', bucket: 'b-1', key: 'AWSLogs/x.json.gz' });
  assert.equal(targetFromText(TRAIL)?.kind, 'trail');
  assert.equal(targetFromText(KEY)?.kind, 'kmsKey');
  for (const bad of ['', 'hello', 's3://', 'arn:aws:iam::111122223333:role/x', '1234abcd-12ab-34cd-56ef-1234567890ab']) {
    assert.equal(targetFromText(bad), undefined, bad);
  }
});

test('document links are found in JSON text with their exact ranges', () => {
  const text = `{"a": "${TRAIL}", "b": "s3://b-1/k.json.gz", "c": "arn:aws:iam::111122223333:role/x", "d": "${KEY}"}`;
  const links = findLinkTargets(text);
  assert.deepEqual(
    links.map((l) => text.slice(l.start, l.end)),
    [TRAIL, 's3://b-1/k.json.gz', KEY],
  );
  assert.deepEqual(
    links.map((l) => l.target.kind),
    ['trail', 's3Object', 'kmsKey'],
  );
  assert.equal(findLinkTargets(text, 1).length, 1);
});
