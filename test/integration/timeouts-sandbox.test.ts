/**
 * Request timeouts against a hostile endpoint (the sandbox's silent, paused and trickle faults): the AWS layer and the
 * CLI end within their deadlines with an explained Timeout, an honest slow body is not cut, and the caller's own
 * cancel stays a cancel.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startSandbox, type Sandbox } from '../sandbox';
import { AwsClients } from '../../src/aws/clients';
import { fetchLog } from '../../src/aws/fetchLog';
import { listTrails } from '../../src/aws/trails';
import { resolveTimeouts, DEFAULT_TIMEOUTS } from '../../src/aws/timeouts';
import { CancelledError, ExplainedError } from '../../src/core/errors';
import { cleanEnv, runCli, useEnv, writeProfiles, type Profiles } from './awsTestSupport';

const isTimeout =
  (what: RegExp) =>
  (error: unknown): boolean => {
    assert.ok(error instanceof ExplainedError, `expected an explained Timeout, got ${String(error)}`);
    assert.equal(error.code, 'Timeout', error.message);
    assert.match(error.message, what);
    assert.match(error.message, /requestTimeoutSeconds|--timeout/, 'names the setting to raise');
    return true;
  };

async function within<T>(ms: number, work: Promise<T>): Promise<{ elapsedMs: number; result: PromiseSettledResult<T> }> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`still running after ${ms} ms`)), ms);
  });
  try {
    const [result] = await Promise.allSettled([Promise.race([work, limit])]);
    return { elapsedMs: Date.now() - started, result };
  } finally {
    clearTimeout(timer);
  }
}

describe('request timeouts against a hostile endpoint', { timeout: 240_000 }, () => {
  let sandbox: Sandbox;
  let profiles: Profiles;
  let env: Record<string, string>;
  let logKey: string;
  let bucket: string;
  const fast = { connectMs: 1000, attemptMs: 1000, operationMs: 4000 };
  const clients: AwsClients[] = [];
  const admin = (timeouts: Partial<typeof fast> & { minBodyBytesPerSecond?: number } = fast): AwsClients => {
    const made = new AwsClients({ profile: 'admin', regions: ['us-west-2'], endpointUrl: sandbox.endpoint, timeouts });
    clients.push(made);
    return made;
  };

  before(async () => {
    sandbox = await startSandbox({ world: { organization: false } });
    const { admin: a } = sandbox.principals;
    profiles = writeProfiles({ admin: { accessKeyId: a.accessKeyId, secretAccessKey: a.secretAccessKey, region: sandbox.region } });
    env = cleanEnv(profiles.env);
    useEnv(profiles.env);
    bucket = sandbox.world.buckets.logs.name;
    logKey = sandbox.world.logKeys['us-west-2']['2026-11-25'][0];
  });

  after(async () => {
    for (const made of clients) made.dispose();
    sandbox?.faults.resume();
    await sandbox?.stop();
    profiles?.cleanup();
  });

  test('timeouts are bounded: no zero, no negative, no endless setting', () => {
    assert.deepEqual(resolveTimeouts(), DEFAULT_TIMEOUTS);
    const odd = resolveTimeouts({ connectMs: 0, attemptMs: -5, operationMs: Number.POSITIVE_INFINITY });
    assert.ok(odd.connectMs >= 100 && odd.attemptMs >= 100);
    assert.equal(odd.operationMs, DEFAULT_TIMEOUTS.operationMs);
  });

  test('a silent endpoint: listTrails ends with an explained Timeout after the attempts, not after minutes', async () => {
    sandbox.faults.add({ operation: 'DescribeTrails', kind: 'silent' });
    try {
      const { elapsedMs, result } = await within(30_000, listTrails(admin()));
      assert.equal(result.status, 'rejected');
      isTimeout(/DescribeTrails/)((result as PromiseRejectedResult).reason);
      assert.ok(elapsedMs < 15_000, `took ${elapsedMs} ms`);
    } finally {
      sandbox.faults.clear();
    }
  });

  test('the whole-operation deadline cuts retries short', async () => {
    sandbox.faults.pause('GetObject');
    try {
      const { elapsedMs, result } = await within(
        30_000,
        fetchLog(admin({ connectMs: 1000, attemptMs: 3000, operationMs: 2000 }), { bucket, key: logKey, region: 'us-west-2' }),
      );
      assert.equal(result.status, 'rejected');
      isTimeout(/GetObject[\s\S]*took longer than 2 s/)((result as PromiseRejectedResult).reason);
      assert.ok(elapsedMs < 10_000, `took ${elapsedMs} ms`);
    } finally {
      sandbox.faults.resume('GetObject');
    }
  });

  test("the caller's cancel on a hung request stays a cancel, not a timeout", async () => {
    sandbox.faults.pause('GetObject');
    try {
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 300);
      const { result } = await within(
        30_000,
        fetchLog(
          admin({ attemptMs: 20_000, operationMs: 60_000 }),
          { bucket, key: logKey, region: 'us-west-2' },
          { signal: controller.signal },
        ),
      );
      assert.equal(result.status, 'rejected');
      assert.ok((result as PromiseRejectedResult).reason instanceof CancelledError, String((result as PromiseRejectedResult).reason));
    } finally {
      sandbox.faults.resume('GetObject');
    }
  });

  test('a trickling body is cut with an explained Timeout; an honest slow body within the rate completes', async () => {
    sandbox.faults.add({ operation: 'GetObject', kind: 'trickle', times: 1, bytesPerChunk: 16, intervalMs: 500 });
    const { elapsedMs, result } = await within(30_000, fetchLog(admin(), { bucket, key: logKey, region: 'us-west-2' }));
    assert.equal(result.status, 'rejected');
    isTimeout(/stalled after \d+ bytes/)((result as PromiseRejectedResult).reason);
    assert.ok(elapsedMs < 15_000, `took ${elapsedMs} ms`);

    // 64 bytes every 50 ms = 1,280 bytes/s, above a 200 bytes/s floor: slower than one attempt, yet it completes.
    const expected = await fetchLog(admin(), { bucket, key: logKey, region: 'us-west-2' });
    sandbox.faults.add({ operation: 'GetObject', kind: 'trickle', times: 1, bytesPerChunk: 64, intervalMs: 50 });
    const slow = await fetchLog(admin({ ...fast, operationMs: 60_000, minBodyBytesPerSecond: 200 }), {
      bucket,
      key: logKey,
      region: 'us-west-2',
    });
    assert.ok(expected.compressedBytes > 1280, `the object (${expected.compressedBytes} bytes) takes more than one attempt's second`);
    assert.deepEqual(slow.bytes, expected.bytes);
  });

  test('CLI: a paused endpoint ends every command that calls AWS with exit 1 and the explained timeout; --timeout is checked', async () => {
    const args = ['--profile', 'admin', '--endpoint-url', sandbox.endpoint, '--timeout', '1', '--operation-timeout', '3'];
    const trail = sandbox.world.trails.management.name;
    const day = '2026-11-25';
    sandbox.faults.pause();
    try {
      // The fault matrix's "silent endpoint" row for the CLI: each command's first request is held, and so is every
      // later one (the region look-up, a listing, a read, a Decrypt S3 makes).
      for (const command of [
        ['trails', '--region', 'us-west-2'],
        ['keys', '--region', 'us-west-2'],
        ['ls', trail, '--date', day],
        ['ls', `s3://${bucket}/`],
        ['cat', `s3://${bucket}/${logKey}`],
        ['validate', trail, '--start-time', `${day}T00:00:00Z`],
        ['key-policy', trail],
        ['activity', sandbox.world.keys.healthy.arn],
        ['athena-ddl', trail],
        ['search', trail, '--from', day, '--to', day, 'name:Decrypt', '--yes'],
        ['athena', trail, '--from', day, 'name:Decrypt'],
      ]) {
        const started = Date.now();
        const result = await runCli([...command, ...args], env);
        assert.equal(result.code, 1, `${command[0]}: ${result.stderr}`);
        assert.match(result.stderr, /did not answer|stalled/);
        assert.match(result.stderr, /--timeout/);
        assert.doesNotMatch(result.stderr, /at \S+ \(|TimeoutError:/, 'no stack trace');
        assert.ok(Date.now() - started < 20_000, `${command[0]} took ${Date.now() - started} ms`);
      }
    } finally {
      sandbox.faults.resume();
    }
    const bad = await runCli(['trails', '--timeout', 'soon', '--endpoint-url', sandbox.endpoint], env);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--timeout takes seconds/);
  });
});
