import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseArn, parseS3Location, s3Arn, s3Uri } from '../../src/core/arn';

test('parseArn splits a KMS key ARN', () => {
  assert.deepEqual(parseArn('arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab'), {
    partition: 'aws',
    service: 'kms',
    region: 'us-west-2',
    account: '111122223333',
    resource: 'key/1234abcd-12ab-34cd-56ef-1234567890ab',
  });
});

test('parseArn keeps colons and slashes inside the resource', () => {
  assert.equal(parseArn('arn:aws:sts::111122223333:assumed-role/Admin/session:x')?.resource, 'assumed-role/Admin/session:x');
});

test('parseArn rejects text that is not an ARN', () => {
  for (const bad of ['', 'arn:aws', 'hello', 'arn:aws:kms:us-west-2:12:key/x', '[x](command:evil)']) {
    assert.equal(parseArn(bad), undefined, bad);
  }
});

test('parseS3Location reads s3:// URIs and object ARNs alike', () => {
  const key = 'AWSLogs/111122223333/CloudTrail/us-west-2/2026/11/27/f.json.gz';
  assert.deepEqual(parseS3Location(`s3://my-bucket/${key}`), { bucket: 'my-bucket', key });
  assert.deepEqual(parseS3Location(`arn:aws:s3:::my-bucket/${key}`), { bucket: 'my-bucket', key });
  assert.deepEqual(parseS3Location('arn:aws:s3:::my-bucket'), { bucket: 'my-bucket', key: '' });
});

test('parseS3Location rejects other ARNs and junk', () => {
  for (const bad of ['arn:aws:kms:us-west-2:111122223333:key/x', 'https://example.com/a', 's3://', 's3://a/b']) {
    assert.equal(parseS3Location(bad), undefined, bad);
  }
});

test('s3Uri and s3Arn round-trip', () => {
  const location = { bucket: 'b-1', key: 'a/b.json.gz' };
  assert.deepEqual(parseS3Location(s3Uri(location)), location);
  assert.deepEqual(parseS3Location(s3Arn(location)), location);
});
