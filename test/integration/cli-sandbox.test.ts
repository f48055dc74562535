/** The CLI (spawned `node dist/cli.js`, and in-process `main()`) against the sandbox, and `cat` checked against the real aws CLI. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { startSandbox, type Sandbox } from '../sandbox';
import type { KeyInfo, TrailInfo } from '../../src/core/model';
import { cleanEnv, runCli, runMain, useEnv, writeProfiles, type Profiles } from './awsTestSupport';

function awsCliCatGunzip(
  uri: string,
  endpoint: string,
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((ok, fail) => {
    // The real pipeline a person types: aws s3 cp s3://… - | gunzip
    const child = spawn(
      'bash',
      ['-o', 'pipefail', '-c', 'aws s3 cp "$1" - --endpoint-url "$2" --profile admin | gunzip', 'sh', uri, endpoint],
      { env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.once('error', fail);
    child.once('close', (code) => {
      clearTimeout(timer);
      ok({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
  });
}

describe('CLI against the sandbox', { timeout: 240_000 }, () => {
  let sandbox: Sandbox;
  let profiles: Profiles;
  let env: Record<string, string>;
  const as = (profile: 'admin' | 'auditor'): string[] => ['--profile', profile, '--endpoint-url', sandbox.endpoint];
  const both = ['--region', 'us-west-2,eu-central-1'];

  before(async () => {
    sandbox = await startSandbox();
    const { admin, auditor } = sandbox.principals;
    profiles = writeProfiles({
      admin: { accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey, region: sandbox.region },
      auditor: { accessKeyId: auditor.accessKeyId, secretAccessKey: auditor.secretAccessKey, region: sandbox.region },
    });
    env = cleanEnv(profiles.env);
    useEnv(profiles.env);
  });

  after(async () => {
    await sandbox?.stop();
    profiles?.cleanup();
  });

  test("trails: both trails, the management trail's key by alias, folded across regions", async () => {
    const result = await runCli(['trails', ...both, ...as('admin')], env);
    assert.equal(result.code, 0, result.stderr);
    assert.match(
      result.stdout,
      new RegExp(`management\\s+us-west-2\\s+s3://${sandbox.world.buckets.logs.name}/org-audit/\\s+alias/cloudtrail-logs\\s+Enabled`),
    );
    assert.match(result.stdout, /data-events\s+us-west-2\s+\S+\s+SSE-S3/);
    assert.equal(result.stdout.match(/^management /gm)?.length, 1);
    const json = await runMain(['trails', '--json', ...both, ...as('auditor')]);
    assert.equal(json.code, 0, json.stderr);
    const trails = JSON.parse(json.stdout) as TrailInfo[];
    assert.deepEqual(trails.find((trail) => trail.name === 'management')?.seenInRegions, ['eu-central-1', 'us-west-2']);
  });

  test('keys: the flags of the disabled, pending-deletion and asymmetric keys', async () => {
    const result = await runCli(['keys', ...as('admin')], env);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /alias\/cloudtrail-logs-retired\s+SYMMETRIC_DEFAULT\s+Disabled\s+\S+\s+DISABLED/);
    assert.match(result.stdout, /alias\/cloudtrail-logs-old\s+SYMMETRIC_DEFAULT\s+PendingDeletion\s+\S+\s+PENDING-DELETION/);
    assert.match(result.stdout, /alias\/signing-rsa\s+RSA_2048\s+Enabled\s+\S+\s+NOT-SYMMETRIC/);
    const json = JSON.parse((await runMain(['keys', '--json', '--region', 'eu-central-1', ...as('admin')])).stdout) as KeyInfo[];
    assert.ok(json.length > 0);
    assert.ok(json.every((key) => key.region === 'eu-central-1'));
  });

  test("ls: the trail's log root, a day in both regions, an s3:// folder", async () => {
    const root = await runCli(['ls', 'management', ...as('auditor')], env);
    assert.equal(root.code, 0, root.stderr);
    assert.match(root.stdout, /PRE\s+s3:\/\/\S+\/org-audit\/AWSLogs\/111122223333\/CloudTrail\//);
    const day = await runMain(['ls', sandbox.world.trails.management.arn, '--date', '2026-11-25', '--json', ...as('auditor')]);
    assert.equal(day.code, 0, day.stderr);
    const pages = JSON.parse(day.stdout) as { objects: { key: string }[] }[];
    assert.deepEqual(
      pages.map((page) => page.objects.map((object) => object.key)),
      [sandbox.world.logKeys['eu-central-1']['2026-11-25'], sandbox.world.logKeys['us-west-2']['2026-11-25']],
    );
    const folder = await runMain([
      'ls',
      `s3://${sandbox.world.buckets.logs.name}/org-audit/AWSLogs/111122223333/CloudTrail/us-west-2/2026/11/`,
      ...as('auditor'),
    ]);
    assert.equal(folder.code, 0, folder.stderr);
    for (const d of ['24', '25', '26']) assert.match(folder.stdout, new RegExp(`PRE\\s+\\S+/2026/11/${d}/`));
  });

  test('cat yields the same records as `aws s3 cp s3://… - | gunzip`', async () => {
    const key = sandbox.world.logKeys['us-west-2']['2026-11-25'][2];
    const uri = `s3://${sandbox.world.buckets.logs.name}/${key}`;
    const ours = await runCli(['cat', uri, ...as('admin')], env);
    assert.equal(ours.code, 0, ours.stderr);
    const theirs = await awsCliCatGunzip(uri, sandbox.endpoint, env);
    assert.equal(theirs.code, 0, theirs.stderr);
    const records = (JSON.parse(ours.stdout) as { Records: unknown[] }).Records;
    assert.ok(records.length > 0);
    assert.deepEqual(records, (JSON.parse(theirs.stdout) as { Records: unknown[] }).Records);
    assert.equal(ours.stdout, `${JSON.stringify(JSON.parse(theirs.stdout), null, 2)}\n`);
  });

  test('cat as the auditor: exit 1 and why — the key, the encryption context, kms:Decrypt', async () => {
    const key = sandbox.world.logKeys['us-west-2']['2026-11-24'][0];
    const result = await runCli(
      ['cat', `arn:aws:s3:::${sandbox.world.buckets.logs.name}/${key}`, '--trail', sandbox.world.trails.management.arn, ...as('auditor')],
      env,
    );
    assert.equal(result.code, 1);
    assert.equal(result.stdout, '');
    assert.match(
      result.stderr,
      /can reach s3:\/\/\S+ but may not decrypt it: it is encrypted with KMS key arn:aws:kms:us-west-2:111122223333:key\/1234abcd-12ab-34cd-56ef-1234567890ab \(alias\/cloudtrail-logs\)\./,
    );
    assert.match(result.stderr, new RegExp(`aws:cloudtrail:arn=${sandbox.world.trails.management.arn}, and KMS refused`));
    assert.match(result.stderr, /Ask for kms:Decrypt on arn:aws:kms/);
    assert.doesNotMatch(result.stderr, /\n\s+at /);
  });

  test('cat of a log under the disabled key and the pending-deletion key', async () => {
    const bucket = sandbox.world.buckets.logs.name;
    const disabled = await runCli(['cat', `s3://${bucket}/${sandbox.world.objects.disabledKeyLog}`, ...as('admin')], env);
    assert.equal(disabled.code, 1);
    assert.match(disabled.stderr, /is disabled\./);
    const pending = await runMain(['cat', `s3://${bucket}/${sandbox.world.objects.pendingDeletionKeyLog}`, ...as('admin')]);
    assert.equal(pending.code, 1);
    assert.match(pending.stderr, /pending deletion/);
  });

  test('cat of a log nested too deeply to indent: exit 1, why, and the --raw command; --raw prints it as stored', async () => {
    // 100 KB of [[[[…]]]] indents to about 5 GB: the old printer allocated gigabytes and printed V8's RangeError.
    const bucket = sandbox.world.buckets.logs.name;
    const key = 'hostile/nested.json.gz';
    const text = '['.repeat(50_000) + ']'.repeat(50_000);
    const s3 = new S3Client({
      endpoint: sandbox.endpoint,
      region: sandbox.region,
      forcePathStyle: true,
      credentials: sandbox.principals.admin,
    });
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: gzipSync(text) }));
    s3.destroy();
    const uri = `s3://${bucket}/${key}`;
    const result = await runCli(['cat', uri, ...as('admin')], env);
    assert.equal(result.code, 1);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /nested too deeply to pretty-print: indented, it would take more than [\d.]+ MiB/);
    assert.match(result.stderr, /It is nested at least [\d,]+ levels deep/);
    assert.ok(result.stderr.includes(`cloudtrail-kms cat --raw ${uri}`), result.stderr);
    assert.doesNotMatch(result.stderr, /RangeError|Invalid string length|allocation failed|\n\s+at /);
    const raw = await runCli(['cat', '--raw', uri, ...as('admin')], env);
    assert.equal(raw.code, 0, raw.stderr);
    assert.equal(raw.stdout, `${text}\n`); // cat ends the output with a newline
  });

  test('throttling through fault injection: retried and then explained; expired token', async () => {
    const uri = `s3://${sandbox.world.buckets.logs.name}/${sandbox.world.logKeys['us-west-2']['2026-11-24'][0]}`;
    try {
      sandbox.faults.add({ operation: 'GetObject', kind: 'slowDown', times: 2 });
      const retried = await runCli(['cat', uri, ...as('admin')], env);
      assert.equal(retried.code, 0, retried.stderr);
      sandbox.faults.add({ operation: 'GetObject', kind: 'slowDown' });
      const throttled = await runCli(['cat', uri, ...as('admin')], env);
      assert.equal(throttled.code, 1);
      assert.match(throttled.stderr, /AWS kept throttling GetObject/);
      sandbox.faults.clear();
      sandbox.faults.add({ operation: 'DescribeTrails', kind: 'expiredToken' });
      const expired = await runCli(['trails', ...as('admin')], env);
      assert.equal(expired.code, 1);
      assert.match(expired.stderr, /credentials \(profile admin\) have expired.*aws sso login --profile admin/);
    } finally {
      sandbox.faults.clear();
    }
  });

  test('AWS_ENDPOINT_URL and AWS_PROFILE from the environment work without options', async () => {
    const result = await runCli(['trails', '--json'], { ...env, AWS_ENDPOINT_URL: sandbox.endpoint, AWS_PROFILE: 'auditor' });
    assert.equal(result.code, 0, result.stderr);
    assert.ok((JSON.parse(result.stdout) as TrailInfo[]).some((trail) => trail.name === 'management'));
  });

  test('unknown access keys: exit 1, what to do', async () => {
    const result = await runCli(['keys', '--endpoint-url', sandbox.endpoint], {
      ...cleanEnv(),
      AWS_ACCESS_KEY_ID: 'AKIAUNKNOWN000000000',
      AWS_SECRET_ACCESS_KEY: 'x',
      AWS_REGION: 'us-west-2',
    });
    assert.equal(result.code, 1);
    assert.match(result.stderr, /No valid AWS credentials.*Choose a working profile/);
  });
});
