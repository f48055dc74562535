/** `validate` against the sandbox, verdict for verdict with the real `aws cloudtrail validate-logs`. */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { startSandbox, type Sandbox } from '../sandbox';
import { sandboxClients } from './helpers/sandboxClients';
import { cleanEnv, runCli, writeProfiles, type CliResult, type Profiles } from './awsTestSupport';

const START = '2026-11-24T00:00:00Z';
const END = '2026-11-27T01:00:00Z';

/** The verdict lines (tab-separated) of an output, sorted, for set comparison. */
function verdictLines(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => line.includes('\t'))
    .sort();
}

describe('validate against the sandbox and the real aws CLI', { timeout: 300_000 }, () => {
  let sandbox: Sandbox;
  let profiles: Profiles;
  let env: Record<string, string>;
  let bucket: string;
  const as = (): string[] => ['--profile', 'admin', '--endpoint-url', sandbox.endpoint];

  const awsValidate = (region: string) =>
    new Promise<CliResult>((resolve) => {
      execFile(
        'aws',
        [
          'cloudtrail',
          'validate-logs',
          '--trail-arn',
          sandbox.world.trails.management.arn,
          '--start-time',
          START,
          '--end-time',
          END,
          // validate-logs makes its own S3 clients without --endpoint-url; only AWS_ENDPOINT_URL reaches them.
          '--verbose',
          '--region',
          region,
          '--profile',
          'admin',
        ],
        { env: { ...env, AWS_PAGER: '', AWS_ENDPOINT_URL: sandbox.endpoint }, timeout: 120_000, maxBuffer: 32 * 1024 * 1024 },
        (error, stdout, stderr) => {
          resolve({
            code: error ? (typeof error.code === 'number' ? error.code : 127) : 0,
            stdout: String(stdout),
            stderr: String(stderr),
          });
        },
      );
    });
  const ours = (region: string, extra: string[] = []) =>
    runCli(['validate', 'management', '--start-time', START, '--end-time', END, '--region', region, ...as(), ...extra], env, 120_000);

  /** Runs both and asserts the same verdict lines and exit code; returns our lines. */
  async function sameAsAwsCli(region: string): Promise<string[]> {
    const [mine, theirs] = await Promise.all([ours(region), awsValidate(region)]);
    assert.equal(theirs.stderr.includes('Traceback'), false, theirs.stderr);
    const expected = verdictLines(`${theirs.stdout}\n${theirs.stderr}`);
    assert.ok(expected.length > 0, `the aws CLI printed verdicts: ${theirs.stdout}${theirs.stderr}`);
    assert.deepEqual(verdictLines(mine.stdout), expected);
    assert.equal(mine.code, theirs.code, mine.stderr);
    return verdictLines(mine.stdout);
  }

  before(async () => {
    sandbox = await startSandbox();
    bucket = sandbox.world.buckets.logs.name;
    const { admin, auditor } = sandbox.principals;
    profiles = writeProfiles({
      admin: { accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey, region: sandbox.region },
      auditor: { accessKeyId: auditor.accessKeyId, secretAccessKey: auditor.secretAccessKey, region: sandbox.region },
    });
    env = cleanEnv({ ...profiles.env, HOME: profiles.dir });
  });
  after(async () => {
    await sandbox?.stop();
    profiles?.cleanup();
  });

  test('us-west-2: every seeded log valid except the tampered one, the same lines as aws validate-logs', async () => {
    const lines = await sameAsAwsCli('us-west-2');
    for (const key of Object.values(sandbox.world.logKeys['us-west-2']).flat()) {
      const verdict = key === sandbox.world.tamperedLogKey ? "INVALID: hash value doesn't match" : 'valid';
      assert.ok(lines.includes(`Log file\ts3://${bucket}/${key}\t${verdict}`), `${key} ${verdict}`);
    }
    for (const key of sandbox.world.digestKeys['us-west-2']) assert.ok(lines.includes(`Digest file\ts3://${bucket}/${key}\tvalid`), key);
    const summary = await ours('us-west-2');
    assert.equal(summary.code, 1);
    assert.match(summary.stdout, /\n72\/72 digest files valid\n17\/18 log files valid, 1\/18 log files INVALID\n$/);
  });

  test('eu-central-1: all valid, exit 0, the same lines as aws validate-logs; --json one object per line', async () => {
    const lines = await sameAsAwsCli('eu-central-1');
    assert.equal(lines.filter((line) => line.endsWith('\tvalid')).length, lines.length);
    for (const key of Object.values(sandbox.world.logKeys['eu-central-1']).flat())
      assert.ok(lines.includes(`Log file\ts3://${bucket}/${key}\tvalid`), key);
    const json = await ours('eu-central-1', ['--json']);
    assert.equal(json.code, 0, json.stderr);
    const objects = json.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const summary = objects.pop() as Record<string, unknown>;
    assert.equal(summary.type, 'summary');
    assert.equal(summary.validDigests, 72);
    assert.equal(summary.validLogs, 18);
    assert.equal(objects.length, 72 + 18);
    assert.ok(objects.every((o) => o.ok === true && o.verdict === 'valid' && typeof o.location === 'string'));
  });

  test('a digest whose signature metadata was replaced (PutObject as admin) is INVALID, as the aws CLI says', async () => {
    const { s3 } = sandboxClients(sandbox);
    try {
      const key = sandbox.world.digestKeys['us-west-2'][30];
      const original = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      const body = Buffer.from(await (original.Body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray());
      const signature = original.Metadata?.signature ?? '';
      const altered = `${signature.slice(0, -4)}${signature.endsWith('0000') ? 'ffff' : '0000'}`;
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, Metadata: { ...original.Metadata, signature: altered } }));
      const lines = await sameAsAwsCli('us-west-2');
      assert.ok(lines.includes(`Digest file\ts3://${bucket}/${key}\tINVALID: signature verification failed`), lines.join('\n'));
    } finally {
      s3.destroy();
    }
  });

  test('a deleted log: "INVALID: not found", as the aws CLI says; bad input is a usage error', async () => {
    const { s3 } = sandboxClients(sandbox);
    try {
      const key = Object.values(sandbox.world.logKeys['eu-central-1']).flat()[4];
      await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
      const lines = await sameAsAwsCli('eu-central-1');
      assert.ok(lines.includes(`Log file\ts3://${bucket}/${key}\tINVALID: not found`), lines.join('\n'));
    } finally {
      s3.destroy();
    }
    const usage = await runCli(['validate', 'management', '--start-time', 'yesterday', ...as()], env);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /--start-time needs an ISO-8601 time such as 2026-11-24T00:00:00Z, not "yesterday"/);
    const badAccount = await runCli(['validate', 'management', '--start-time', START, '--account-id', '12345', ...as()], env);
    assert.equal(badAccount.code, 2);
    assert.match(badAccount.stderr, /--account-id needs a 12-digit account id, not "12345"/);
    const missing = await runCli(['validate', 'no-such-trail', '--start-time', START, '--region', 'us-west-2', ...as()], env);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /No trail "no-such-trail" in us-west-2\./);
    // Without kms:Decrypt the (SSE-KMS) digests cannot be read: the walk stops with the key and the context to ask for.
    const denied = await runCli(
      ['validate', 'management', '--start-time', START, '--end-time', END, '--profile', 'auditor', '--endpoint-url', sandbox.endpoint],
      env,
    );
    assert.equal(denied.code, 1);
    assert.match(denied.stderr, new RegExp(`may not decrypt it: it is encrypted with KMS key ${sandbox.world.keys.healthy.arn}`));
    assert.match(denied.stderr, /Ask for kms:Decrypt/);
  });

  // Deliberate difference: the aws CLI v1 on this machine hashes only the first gzip member, so a forged member appended
  // to a log passes as valid; aws CLI v2 (since 2026-05) and we report it.
  test('a log with an appended gzip member: INVALID: unexpected data after end of compressed stream (aws CLI v1 says valid)', async () => {
    const { s3 } = sandboxClients(sandbox);
    const key = Object.values(sandbox.world.logKeys['eu-central-1']).flat()[7];
    try {
      const original = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      const body = Buffer.from(await (original.Body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray());
      await s3.send(
        new PutObjectCommand({ Bucket: bucket, Key: key, Body: Buffer.concat([body, gzipSync('{"Records":[{"eventName":"Forged"}]}')]) }),
      );
    } finally {
      s3.destroy();
    }
    const [mine, theirs] = await Promise.all([ours('eu-central-1'), awsValidate('eu-central-1')]);
    assert.equal(mine.code, 1);
    assert.ok(
      verdictLines(mine.stdout).includes(`Log file\ts3://${bucket}/${key}\tINVALID: unexpected data after end of compressed stream`),
      mine.stdout,
    );
    assert.ok(verdictLines(theirs.stdout + theirs.stderr).includes(`Log file\ts3://${bucket}/${key}\tvalid`));
  });
});
