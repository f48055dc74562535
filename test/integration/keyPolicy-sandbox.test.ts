/** `key-policy` against the sandbox's healthy trail key (the console's CloudTrail key policy). */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startSandbox, type Sandbox } from '../sandbox';
import { cleanEnv, runCli, writeProfiles, type Profiles } from './awsTestSupport';

describe('key-policy against the sandbox', { timeout: 120_000 }, () => {
  let sandbox: Sandbox;
  let profiles: Profiles;
  let env: Record<string, string>;

  before(async () => {
    sandbox = await startSandbox();
    const { admin } = sandbox.principals;
    profiles = writeProfiles({ admin: { accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey, region: sandbox.region } });
    env = cleanEnv(profiles.env);
  });
  after(async () => {
    await sandbox?.stop();
    profiles?.cleanup();
  });

  test('the healthy key: CloudTrail may encrypt and describe, the admin may decrypt; the data-events trail has no key', async () => {
    const as = ['--profile', 'admin', '--endpoint-url', sandbox.endpoint];
    const result = await runCli(['key-policy', 'management', ...as], env);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, new RegExp(`^Key   ${sandbox.world.keys.healthy.arn}$`, 'm'));
    assert.match(result.stdout, /^YES {9}May CloudTrail \(cloudtrail\.amazonaws\.com\) call kms:GenerateDataKey for this trail\?$/m);
    assert.match(result.stdout, /^YES {9}May CloudTrail call kms:DescribeKey for this trail\?$/m);
    assert.match(result.stdout, new RegExp(`^YES {9}May ${sandbox.principals.admin.arn.replace(/[/.]/g, '\\$&')} call kms:Decrypt`, 'm'));
    const json = await runCli(['key-policy', sandbox.world.trails.management.arn, '--json', ...as], env);
    assert.equal(json.code, 0, json.stderr);
    const report = JSON.parse(json.stdout) as Record<string, { answer: string; reasons: string[] }>;
    assert.equal(report.cloudTrailEncrypt.answer, 'yes');
    assert.match(report.cloudTrailEncrypt.reasons[0], /"Allow CloudTrail to encrypt logs"/);
    const none = await runCli(['key-policy', 'data-events', '--region', 'us-west-2', ...as], env);
    assert.equal(none.code, 1);
    assert.match(none.stderr, /does not use a KMS key\. Its logs are encrypted with SSE-S3/);
  });
});
