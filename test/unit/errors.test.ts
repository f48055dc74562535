import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  corruptGzipError,
  explainAwsError,
  ExplainedError,
  s3EncryptionContext,
  tooLargeError,
  truncatedGzipError,
} from '../../src/core/errors';
import { formatBytes } from '../../src/core/formatBytes';

const KEY = 'arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const TRAIL = 'arn:aws:cloudtrail:us-west-2:111122223333:trail/management';
const where = { bucket: 'logs', key: 'AWSLogs/111122223333/CloudTrail/us-west-2/2026/11/27/f.json.gz' };

test('ExplainedError: message is what, why and what to do as one text', () => {
  const error = new ExplainedError('X', 'It broke.', 'Because.', 'Fix it.');
  assert.equal(error.message, 'It broke. Because. Fix it.');
  assert.equal(error.code, 'X');
  assert.ok(error instanceof Error);
});

test('GetObject denied with a kms:Decrypt message: names the key, the encryption context and the permission', () => {
  const error = explainAwsError(
    {
      name: 'AccessDenied',
      message: `User: arn:aws:iam::111122223333:user/auditor is not authorized to perform: kms:Decrypt on resource: ${KEY} because no identity-based policy allows the kms:Decrypt action`,
      $metadata: { httpStatusCode: 403 },
    },
    { operation: 'GetObject', ...where, keyArn: KEY, trailArn: TRAIL, callerArn: 'arn:aws:iam::111122223333:user/auditor' },
  );
  assert.equal(error.code, 'KmsDecryptDenied');
  assert.match(
    error.message,
    /^You \(arn:aws:iam::111122223333:user\/auditor\) can reach s3:\/\/logs\/AWSLogs\/.+ but may not decrypt it: it is encrypted with KMS key arn:aws:kms/,
  );
  assert.match(
    error.message,
    new RegExp(`encryption context aws:s3:arn=arn:aws:s3:::logs/AWSLogs/.*f\\.json\\.gz, aws:cloudtrail:arn=${TRAIL}, and KMS refused`),
  );
  assert.match(error.message, /Ask for kms:Decrypt on arn:aws:kms:us-west-2:111122223333:key\/1234abcd/);
  assert.match(error.message, /kms:EncryptionContext:aws:cloudtrail:arn/);
});

test('GetObject denied without kms in the message but HeadObject showed aws:kms: still a decrypt denial', () => {
  const error = explainAwsError(
    { name: 'AccessDenied', message: 'Access Denied', $metadata: { httpStatusCode: 403 } },
    { operation: 'GetObject', ...where, keyArn: KEY },
  );
  assert.equal(error.code, 'KmsDecryptDenied');
  assert.match(error.message, /and aws:cloudtrail:arn=<the trail ARN> for CloudTrail logs/);
});

test('GetObject denied by S3 itself: asks for s3:GetObject', () => {
  const error = explainAwsError(
    { name: 'AccessDenied', message: 'User x is not authorized to perform: s3:GetObject', $metadata: { httpStatusCode: 403 } },
    { operation: 'GetObject', ...where },
  );
  assert.equal(error.code, 'AccessDenied');
  assert.match(error.message, /Ask for s3:GetObject on arn:aws:s3:::logs\/AWSLogs/);
});

test('bucket key: the encryption context is the bucket ARN', () => {
  assert.equal(s3EncryptionContext({ ...where, bucketKeyEnabled: true }), 'aws:s3:arn=arn:aws:s3:::logs');
});

test('disabled and pending-deletion keys: the state and what to do', () => {
  const disabled = explainAwsError(
    { name: 'KMS.DisabledException', message: `${KEY} is disabled.`, $metadata: { httpStatusCode: 400 } },
    { operation: 'GetObject', ...where },
  );
  assert.equal(disabled.code, 'KeyDisabled');
  assert.match(disabled.message, new RegExp(`KMS key ${KEY} is disabled\\.`));
  assert.match(disabled.message, /aws kms enable-key --key-id/);
  const pending = explainAwsError(
    { name: 'KMS.KMSInvalidStateException', message: `${KEY} is pending deletion.` },
    { operation: 'GetObject', ...where },
  );
  assert.equal(pending.code, 'KeyInvalidState');
  assert.match(pending.message, /is pending deletion\..*cancel-key-deletion/);
});

test('missing object and bucket', () => {
  assert.equal(
    explainAwsError({ name: 'NoSuchKey', message: 'The specified key does not exist.' }, { operation: 'GetObject', ...where }).code,
    'NoSuchKey',
  );
  const bucket = explainAwsError(
    { name: 'NoSuchBucket', message: 'The specified bucket does not exist' },
    { operation: 'ListObjectsV2', bucket: 'gone' },
  );
  assert.equal(bucket.code, 'NoSuchBucket');
  assert.match(bucket.message, /The bucket gone does not exist\..*does not exist\. Check/);
});

test('expired or missing credentials: choose a profile or sso login', () => {
  for (const name of [
    'ExpiredToken',
    'ExpiredTokenException',
    'InvalidClientTokenId',
    'CredentialsProviderError',
    'InvalidAccessKeyId',
    'UnrecognizedClientException',
  ]) {
    const error = explainAwsError({ name, message: 'whatever' }, { operation: 'DescribeTrails', profile: 'dev' });
    assert.equal(error.code, 'Credentials', name);
    assert.match(error.message, /aws sso login --profile dev/);
  }
  assert.match(
    explainAwsError({ name: 'ExpiredToken', message: 'The provided token has expired.' }, { operation: 'GetObject', profile: 'dev' })
      .message,
    /have expired/,
  );
});

test('throttling that outlasted the retries, server errors, network', () => {
  for (const name of ['ThrottlingException', 'SlowDown', 'Throttling', 'TooManyRequestsException']) {
    assert.equal(
      explainAwsError({ name, message: 'Rate exceeded' }, { operation: 'DescribeTrails', region: 'us-west-2' }).code,
      'Throttled',
      name,
    );
  }
  assert.match(
    explainAwsError({ name: 'SlowDown' }, { operation: 'GetObject', ...where }).message,
    /kept throttling GetObject on s3:\/\/logs/,
  );
  assert.equal(
    explainAwsError({ name: 'InternalError', $metadata: { httpStatusCode: 500 } }, { operation: 'GetObject' }).code,
    'ServiceError',
  );
  assert.equal(
    explainAwsError({ name: 'Error', code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:1' }, { operation: 'ListKeys' }).code,
    'Network',
  );
});

test("awsJson codes with a namespace are cleaned; unknown errors keep AWS's words", () => {
  assert.equal(
    explainAwsError({ name: 'com.amazonaws.kms#NotFoundException', message: 'nope' }, { operation: 'DescribeKey', keyArn: KEY }).code,
    'KeyNotFound',
  );
  const other = explainAwsError({ name: 'WeirdException', message: 'odd' }, { operation: 'GetTrail', region: 'eu-west-1' });
  assert.equal(other.code, 'WeirdException');
  assert.equal(other.message, 'GetTrail in eu-west-1 failed. AWS said: WeirdException: odd.');
});

test('gzip, size and byte words', () => {
  assert.match(
    corruptGzipError('s3://b/k', 'incorrect header check').message,
    /s3:\/\/b\/k is not a readable gzip file\. Decompression failed: incorrect header check/,
  );
  assert.equal(truncatedGzipError('s3://b/k').code, 'TruncatedGzip');
  assert.match(tooLargeError('s3://b/k', 50 * 1024 * 1024, 60 * 1024 * 1024).message, /larger than the limit of 50 MiB .*after 60 MiB/);
  assert.equal(formatBytes(512), '512 B');
  assert.equal(formatBytes(1536), '1.5 KiB');
});

test('a decrypt denial names the key by its alias where the caller may list it, and by its id otherwise', () => {
  const denied = (keyAlias?: string) =>
    explainAwsError(
      {
        name: 'AccessDenied',
        message: `User: arn:aws:iam::111122223333:user/auditor is not authorized to perform: kms:Decrypt on resource: ${KEY} because no identity-based policy allows the kms:Decrypt action`,
        $metadata: { httpStatusCode: 403 },
      },
      { operation: 'GetObject', ...where, keyArn: KEY, trailArn: TRAIL, callerArn: 'arn:aws:iam::111122223333:user/auditor', keyAlias },
    );
  const named = denied('alias/cloudtrail-logs');
  assert.equal(named.headline, 'KMS refused user/auditor kms:Decrypt with key alias/cloudtrail-logs (not allowed by the IAM policy).');
  assert.match(named.message, new RegExp(`encrypted with KMS key ${KEY} \\(alias/cloudtrail-logs\\)\\.`));
  // Not KMS's alias form (a hostile endpoint, a Markdown link) or too long for one line: the key id instead.
  for (const odd of ['[x](command:workbench.action.terminal.new)', `alias/${'a'.repeat(100)}`, 'cloudtrail-logs']) {
    const error = denied(odd);
    assert.match(error.headline ?? '', /with key 1234abcd-12ab-34cd-56ef-1234567890ab \(/, odd);
    assert.ok(!error.message.includes(odd), odd);
  }
});

test('a decrypt denial by IAM: a short headline, and the IAM statement with the real key and trail to copy', () => {
  const error = explainAwsError(
    {
      name: 'AccessDenied',
      message: `User: arn:aws:iam::111122223333:user/auditor is not authorized to perform: kms:Decrypt on resource: ${KEY} because no identity-based policy allows the kms:Decrypt action`,
      $metadata: { httpStatusCode: 403 },
    },
    { operation: 'GetObject', ...where, keyArn: KEY, trailArn: TRAIL, callerArn: 'arn:aws:iam::111122223333:user/auditor' },
  );
  assert.equal(
    error.headline,
    'KMS refused user/auditor kms:Decrypt with key 1234abcd-12ab-34cd-56ef-1234567890ab (not allowed by the IAM policy).',
  );
  assert.ok((error.headline ?? '').length < 140);
  // The CLI prints the statement inline; the editor points at Copy Policy Statement instead of repeating it as JSON.
  assert.match(error.todo ?? '', /e\.g\. the statement \{"Sid":"AllowDecryptCloudTrailLogs"/);
  assert.equal(
    error.editorTodo,
    `Ask for kms:Decrypt on ${KEY} in your IAM policy (the key policy already leaves it to IAM): Copy Policy Statement copies the statement to ask for.`,
  );
  assert.deepEqual(error.remedy, {
    policy: 'identity',
    principalArn: 'arn:aws:iam::111122223333:user/auditor',
    action: 'kms:Decrypt',
    resource: KEY,
    statement: {
      Sid: 'AllowDecryptCloudTrailLogs',
      Effect: 'Allow',
      Action: 'kms:Decrypt',
      Resource: KEY,
      Condition: { StringEquals: { 'kms:EncryptionContext:aws:cloudtrail:arn': TRAIL } },
    },
  });
  assert.match(error.message, /in your IAM policy \(the key policy already leaves it to IAM\)/);
});

test('a decrypt denial by the key policy: the statement names the caller for the key policy; an explicit Deny offers none', () => {
  const byKey = explainAwsError(
    {
      name: 'AccessDenied',
      message: `User: arn:aws:iam::432109876543:user/security-auditor is not authorized to perform: kms:Decrypt on resource: ${KEY} because no resource-based policy allows the kms:Decrypt action`,
      $metadata: { httpStatusCode: 403 },
    },
    { operation: 'GetObject', ...where, keyArn: KEY, callerArn: 'arn:aws:iam::432109876543:user/security-auditor' },
  );
  assert.equal(byKey.remedy?.policy, 'key');
  assert.deepEqual(byKey.remedy?.statement.Principal, { AWS: 'arn:aws:iam::432109876543:user/security-auditor' });
  assert.deepEqual(byKey.remedy?.statement.Condition, {
    StringLike: { 'kms:EncryptionContext:aws:cloudtrail:arn': 'arn:aws:cloudtrail:*:111122223333:trail/*' },
  });
  const denied = explainAwsError(
    {
      name: 'AccessDenied',
      message: `User: x is not authorized to perform: kms:Decrypt on resource: ${KEY} with an explicit deny in a resource-based policy`,
      $metadata: { httpStatusCode: 403 },
    },
    { operation: 'GetObject', ...where, keyArn: KEY },
  );
  assert.equal(denied.remedy, undefined);
  assert.match(denied.message, /A Deny statement in the key policy of .* refuses it, and no Allow can override a Deny/);
});

test('ListObjectsV2 denied: s3:ListBucket on the bucket (not on bucket/prefix), with the prefix as a condition', () => {
  const error = explainAwsError(
    { name: 'AccessDenied', message: 'Access Denied', $metadata: { httpStatusCode: 403 } },
    { operation: 'ListObjectsV2', bucket: 'logs', key: 'AWSLogs/', callerArn: 'arn:aws:iam::111122223333:user/auditor' },
  );
  assert.equal(error.remedy?.resource, 'arn:aws:s3:::logs');
  assert.deepEqual(error.remedy?.statement, {
    Effect: 'Allow',
    Action: 's3:ListBucket',
    Resource: 'arn:aws:s3:::logs',
    Condition: { StringLike: { 's3:prefix': 'AWSLogs/*' } },
  });
  assert.match(error.message, /Ask for s3:ListBucket on arn:aws:s3:::logs \(/);
  assert.equal(error.headline, 'user/auditor may not ListObjectsV2 in bucket logs: s3:ListBucket is not allowed.');
});

test('front-end wording: the editor gets "Select Profile…" / the Trails view where the CLI gets --profile / ls', () => {
  const credentials = explainAwsError(
    { name: 'ExpiredToken', message: 'The security token included in the request is expired' },
    {
      operation: 'ListObjectsV2',
      profile: 'audit',
    },
  );
  assert.match(credentials.todo ?? '', /--profile/);
  assert.doesNotMatch(credentials.editorTodo ?? '', /--profile or|cloudtrailKms\.profile/);
  assert.match(credentials.editorTodo ?? '', /Select Profile…/);
  const missing = explainAwsError(
    { name: 'NoSuchKey', message: 'The specified key does not exist.' },
    { operation: 'GetObject', ...where },
  );
  assert.match(missing.todo ?? '', /`ls`/);
  assert.match(missing.editorTodo ?? '', /Trails view/);
});
