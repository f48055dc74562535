/** `activity` (LookupEvents ResourceName = key ARN) against the sandbox, through the bundled CLI and the real SDK. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { GenerateDataKeyCommand } from '@aws-sdk/client-kms';
import { startSandbox, type Sandbox } from '../sandbox';
import { PRINCIPALS } from '../sandbox/principals';
import { sandboxClients } from './helpers/sandboxClients';
import { cleanEnv, runCli, writeProfiles, type Profiles } from './awsTestSupport';

interface LookupDocument {
  Events: Array<{
    EventId: string;
    EventName: string;
    EventTime: string;
    CloudTrailEvent: string;
    Resources?: Array<{ ResourceName?: string }>;
  }>;
}

describe('activity against the sandbox', { timeout: 120_000 }, () => {
  let sandbox: Sandbox;
  let profiles: Profiles;
  let env: Record<string, string>;
  let as: string[];
  const LIVE_CALLS = 60;

  before(async () => {
    sandbox = await startSandbox();
    const { admin, auditor } = sandbox.principals;
    profiles = writeProfiles({
      admin: { accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey, region: sandbox.region },
      auditor: { accessKeyId: auditor.accessKeyId, secretAccessKey: auditor.secretAccessKey, region: sandbox.region },
    });
    env = cleanEnv(profiles.env);
    as = ['--profile', 'admin', '--endpoint-url', sandbox.endpoint];
    // Enough events for more than one LookupEvents page (50), whatever the seeded world holds.
    const { kms } = sandboxClients(sandbox);
    for (let i = 0; i < LIVE_CALLS; i++) {
      await kms.send(
        new GenerateDataKeyCommand({
          KeyId: sandbox.world.keys.healthy.arn,
          KeySpec: 'AES_256',
          EncryptionContext: { purpose: `activity-test-${i}` },
        }),
      );
    }
    kms.destroy();
  });
  after(async () => {
    await sandbox?.stop();
    profiles?.cleanup();
  });

  test("the healthy key by alias: CloudTrail's GenerateDataKey events, every page, each naming the key", async () => {
    const before = sandbox.requests.count('LookupEvents');
    const result = await runCli(['activity', 'alias/cloudtrail-logs', '--json', '--max', '1000', ...as], env);
    assert.equal(result.code, 0, result.stderr);
    const document = JSON.parse(result.stdout) as LookupDocument;
    const healthy = sandbox.world.keys.healthy.arn;
    assert.ok(document.Events.length > LIVE_CALLS, `only ${document.Events.length} events`);
    assert.ok(sandbox.requests.count('LookupEvents') - before >= 2, 'more than one page was read');
    assert.equal(new Set(document.Events.map((event) => event.EventId)).size, document.Events.length, 'no event twice across pages');
    const times = document.Events.map((event) => Date.parse(event.EventTime));
    assert.deepEqual(
      times,
      [...times].sort((a, b) => b - a),
      'newest first',
    );
    for (const event of document.Events) {
      assert.ok(
        event.Resources?.some((resource) => resource.ResourceName === healthy),
        `${event.EventId} does not name the key`,
      );
    }
    const byCloudTrail = document.Events.filter((event) => {
      const record = JSON.parse(event.CloudTrailEvent) as { userIdentity?: { invokedBy?: string } };
      return event.EventName === 'GenerateDataKey' && record.userIdentity?.invokedBy === 'cloudtrail.amazonaws.com';
    });
    assert.ok(byCloudTrail.length > 0, "CloudTrail's own GenerateDataKey calls are in the key's activity");
  });

  test('human output: one line per event with principal and encryption context; --max stops early and says so', async () => {
    const result = await runCli(['activity', sandbox.world.keys.healthy.arn, '--max', '1000', ...as], env);
    assert.equal(result.code, 0, result.stderr);
    assert.match(
      result.stdout,
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ {2}GenerateDataKey {2}cloudtrail\.amazonaws\.com {2}\(aws:cloudtrail:arn=arn:aws:cloudtrail:/m,
    );
    assert.match(
      result.stdout,
      new RegExp(`GenerateDataKey  ${sandbox.principals.admin.arn.replace(/[/.]/g, '\\$&')}  \\(purpose=activity-test-59\\)$`, 'm'),
    );
    const limited = await runCli(['activity', 'alias/cloudtrail-logs', '--max', '7', ...as], env);
    assert.equal(limited.code, 0, limited.stderr);
    const lines = limited.stdout.trimEnd().split('\n');
    assert.match(lines[0], /: 7 events \(stopped at --max 7; older events exist\)$/);
    assert.equal(lines.length, 8);
  });

  test('since a day after the last event: no events', async () => {
    const result = await runCli(['activity', 'alias/cloudtrail-logs', '--since', '2027-01-01', ...as], env);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /: 0 events\n$/);
  });

  test('an unknown key: exit 1 and a message naming the key and what to check', async () => {
    const byAlias = await runCli(['activity', 'alias/no-such-key', ...as], env);
    assert.equal(byAlias.code, 1);
    assert.match(byAlias.stderr, /KMS key alias\/no-such-key was not found in us-west-2\. .*Check the key ARN and region/);
    const missingArn = `arn:aws:kms:us-west-2:${sandbox.accountId}:key/00000000-0000-0000-0000-000000000000`;
    const byArn = await runCli(['activity', missingArn, ...as], env);
    assert.equal(byArn.code, 1);
    assert.match(byArn.stderr, new RegExp(`KMS key ${missingArn} was not found`));
    const notKey = await runCli(['activity', sandbox.world.trails.management.arn, ...as], env);
    assert.equal(notKey.code, 1);
    assert.match(notKey.stderr, /is not a KMS key ARN/);
  });

  test('LookupEvents denied: exit 1 naming the permission to ask for', async () => {
    const auditor = ['--profile', 'auditor', '--endpoint-url', sandbox.endpoint];
    const allowed = await runCli(['activity', 'alias/cloudtrail-logs', '--max', '3', ...auditor], env);
    assert.equal(allowed.code, 0, allowed.stderr);
    // This test file runs in its own process, so taking the permission away from the sandbox's auditor affects no other file.
    const allows = PRINCIPALS.auditor.allows;
    PRINCIPALS.auditor.allows = allows.filter((action) => action !== 'cloudtrail:LookupEvents');
    try {
      const denied = await runCli(['activity', 'alias/cloudtrail-logs', ...auditor], env);
      assert.equal(denied.code, 1);
      assert.match(denied.stderr, /^You may not LookupEvents in us-west-2\. .*Ask for cloudtrail:LookupEvents/);
    } finally {
      PRINCIPALS.auditor.allows = allows;
    }
  });

  test('usage errors: exit 2 with the usage text', async () => {
    for (const args of [
      ['activity'],
      ['activity', 'alias/a', '--since', '2026-13-01'],
      ['activity', 'alias/a', '--max', '0'],
      ['activity', 'alias/a', '--region', 'us-west-2,eu-central-1'],
      ['activity', 'alias/a', '--bogus'],
    ]) {
      const result = await runCli([...args, ...as], env);
      assert.equal(result.code, 2, `${args.join(' ')}: ${result.stderr}`);
      assert.match(result.stderr, /Usage: cloudtrail-kms activity/);
    }
  });
});
