/**
 * The Find Events engine (src/aws/search) on the sandbox: cancellation stops every request (counted at the sandbox),
 * Ctrl-C in the CLI does the same and still prints the summary, throttling (S3's 503 SlowDown for KMS) slows the
 * search down and retries, hostile files are reported without stopping it, an organization trail's layout is searched.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { AwsClients } from '../../src/aws/clients';
import { searchLogs } from '../../src/aws/search';
import { parseQuery, resolveTimeRange, type SearchHit, type SearchProgress } from '../../src/core/search';
import { startSandbox, type Sandbox, type SearchWorld } from '../sandbox';
import { CLI, cleanEnv, runMain, useEnv, writeProfiles, type Profiles } from './awsTestSupport';
import { sandboxClients } from './helpers/sandboxClients';

async function until(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('search engine on the search world', { timeout: 300_000 }, () => {
  let sandbox: Sandbox;
  let search: SearchWorld;
  let profiles: Profiles;
  let clients: AwsClients;

  before(async () => {
    sandbox = await startSandbox({ world: { search: true } });
    search = sandbox.world.search!;
    const { admin, orgAdmin } = sandbox.principals;
    profiles = writeProfiles({ admin: { ...admin, region: sandbox.region }, orgAdmin: { ...orgAdmin, region: sandbox.region } });
    useEnv(profiles.env);
    clients = new AwsClients({ profile: 'admin', endpointUrl: sandbox.endpoint });
  });
  after(async () => {
    clients?.dispose();
    profiles?.cleanup();
    await sandbox?.stop();
  });

  const wholeWorld = () =>
    parseQuery(`trail:${search.trail.name} from:${search.days[0]} to:${search.days[search.days.length - 1]} name:Decrypt`);

  test('cancelling stops every request: the reads in flight are aborted, no request reaches the sandbox afterwards', async () => {
    const query = wholeWorld();
    sandbox.faults.pause('GetObject');
    const abort = new AbortController();
    try {
      const running = searchLogs(clients, query, resolveTimeRange(query, Date.now()), {
        signal: abort.signal,
        concurrency: 6,
        confirmAboveFiles: 1000,
      });
      await until(() => sandbox.faults.heldCount() >= 6, 'six GetObject requests held at the sandbox');
      const before = sandbox.requests.count();
      const cancelledAt = Date.now();
      abort.abort();
      const summary = await running;
      assert.ok(Date.now() - cancelledAt < 2000, `the search returned ${Date.now() - cancelledAt} ms after the cancel`);
      assert.equal(summary.cancelled, true);
      assert.equal(summary.filesRead, 0);
      assert.equal(summary.failures.length, 0, 'a cancellation is not a failure');
      await new Promise((resolve) => setTimeout(resolve, 1000));
      assert.equal(sandbox.requests.count(), before, 'no request after the cancel');
      assert.equal(sandbox.requests.count('GetObject'), 6, 'never more reads than the concurrency');
    } finally {
      sandbox.faults.resume();
    }
  });

  test('Ctrl-C in the CLI: the search stops, the summary says Cancelled, exit 130, no further request', async () => {
    sandbox.requests.reset();
    sandbox.faults.pause('GetObject');
    try {
      const env = cleanEnv(profiles.env);
      const child = spawn(
        process.execPath,
        [
          CLI,
          'search',
          search.trail.name,
          '--from',
          search.days[0],
          '--to',
          search.days[1],
          'name:Decrypt',
          '--profile',
          'admin',
          '--endpoint-url',
          sandbox.endpoint,
        ],
        { env, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.once('close', resolve));
      await until(() => sandbox.faults.heldCount() >= 8, 'eight held reads (the default concurrency is more)');
      child.kill('SIGINT');
      const code = await exited;
      const count = sandbox.requests.count();
      assert.equal(code, 130, stderr);
      assert.match(stderr, /^Cancelled: 0 of \d+ files read/m);
      await new Promise((resolve) => setTimeout(resolve, 500));
      assert.equal(sandbox.requests.count(), count);
    } finally {
      sandbox.faults.resume();
    }
  });

  test('KMS throttling inside GetObject (S3 503 SlowDown): fewer files at once, retried, every file read, the same results', async () => {
    const p = search.planted.roleDecrypts;
    const query = parseQuery(
      `trail:${search.trail.name} from:${search.days[0]} to:${search.days[search.days.length - 1]} principal:${p.roleArn} name:Decrypt key:${p.keyArn}`,
    );
    const range = resolveTimeRange(query, Date.now());
    // 24 internal Decrypts fail: the first eight reads fail all three of the SDK's attempts and reach the engine throttled.
    sandbox.faults.add({ operation: 'Decrypt', via: 's3', kind: 'throttle', times: 24 });
    const concurrency: number[] = [];
    const hits: SearchHit[] = [];
    try {
      const summary = await searchLogs(clients, query, range, {
        concurrency: 8,
        confirmAboveFiles: 1000,
        onHit: (hit) => hits.push(hit),
        onProgress: (progress: SearchProgress) => concurrency.push(progress.concurrency),
      });
      assert.ok(summary.throttled >= 1, `throttled ${summary.throttled}`);
      assert.ok(Math.min(...concurrency) < 8, `the concurrency went down: ${Math.min(...concurrency)}`);
      assert.deepEqual(summary.failures.map((f) => f.code).sort(), ['KeyDisabled', 'TruncatedGzip']);
      assert.deepEqual(hits.map((hit) => hit.record.eventID).sort(), [...p.eventIds].sort());
    } finally {
      sandbox.faults.clear();
    }
  });

  test('KMS throttling that does not stop: the file is reported throttled after the retries, in KMS words, and the search ends', async () => {
    // One file: the range is the minute of its name, and no late margin.
    const key = search.logKeys['eu-central-1'][search.days[1]][0];
    const stamp = /_(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})Z_/.exec(key)!;
    const query = parseQuery(
      `trail:${search.trail.name} from:${stamp[1]}-${stamp[2]}-${stamp[3]}T${stamp[4]}:${stamp[5]} to:${stamp[1]}-${stamp[2]}-${stamp[3]}T${stamp[4]}:${stamp[5]}:59 region:eu-central-1`,
    );
    sandbox.faults.add({ operation: 'Decrypt', via: 's3', kind: 'throttle' });
    try {
      const summary = await searchLogs(clients, query, resolveTimeRange(query, Date.now()), { concurrency: 4, lateMinutes: 0 });
      assert.ok(summary.filesPlanned >= 1 && summary.filesPlanned <= 2, `${summary.filesPlanned} files`);
      assert.equal(summary.failures.length, summary.filesPlanned);
      assert.equal(summary.throttled, 4 * summary.filesPlanned, "each read four times (each after the SDK's own retries)");
      const failure = summary.failures[0];
      assert.equal(failure.code, 'Throttled');
      assert.match(failure.what, /^KMS kept throttling the decryption of s3:\/\//);
      assert.match(failure.why ?? '', /KMS request quota/);
      assert.match(failure.todo ?? '', /fewer files at once/);
    } finally {
      sandbox.faults.clear();
    }
  });

  test('hostile files: not JSON, no Records, and control characters in values — reported or escaped, the rest searched', async () => {
    const s3 = sandboxClients(sandbox).s3;
    const folder = `AWSLogs/${sandbox.accountId}/CloudTrail/us-west-2/2026/11/13/`;
    const name = (minute: string, id: string) => `${folder}${sandbox.accountId}_CloudTrail_us-west-2_20261113T20${minute}Z_${id}.json.gz`;
    const evil = {
      eventVersion: '1.11',
      eventTime: '2026-11-13T20:01:00Z',
      eventSource: 'kms.amazonaws.com',
      eventName: 'Decrypt\u001b[2J\u001b]0;pwned\u0007',
      userIdentity: { type: 'IAMUser', arn: 'arn:aws:iam::111122223333:user/mallory\u202etxt.exe', userName: 'mallory\u202etxt.exe' },
      awsRegion: 'us-west-2',
      eventID: 'ffffffff-0000-4000-8000-000000000001',
    };
    const put = (key: string, body: Buffer) => s3.send(new PutObjectCommand({ Bucket: search.trail.bucket, Key: key, Body: body }));
    await put(name('02', 'hostile0notjson1'), gzipSync('{"Records": [ {"eventName": "Decrypt", '));
    await put(name('03', 'hostile0norecord'), gzipSync('{"Events": [{"eventName": "Decrypt"}]}'));
    await put(name('04', 'hostile0controls'), gzipSync(JSON.stringify({ Records: [evil] })));
    const result = await runMain([
      'search',
      search.trail.name,
      '--from',
      '2026-11-13T20:00Z',
      '--to',
      '2026-11-13T20:05Z',
      '--region',
      'us-west-2',
      'name:Decrypt*',
      '--profile',
      'admin',
      '--endpoint-url',
      sandbox.endpoint,
    ]);
    assert.equal(result.code, 1, result.stderr);
    // eslint-disable-next-line no-control-regex -- the test looks for control characters
    assert.ok(!/[\u0000-\u0008\u000b-\u001f\u007f\u202e]/.test(result.stdout + result.stderr), 'no control character reaches the terminal');
    assert.match(result.stdout, /Decrypt\\u001b\[2J\\u001b\]0;pwned\\u0007\s+IAM user mallory\\u202etxt\.exe/);
    assert.match(result.stderr, /hostile0notjson1\.json\.gz is not a CloudTrail log file: it is not valid JSON/);
    assert.match(result.stderr, /hostile0norecord\.json\.gz is not a CloudTrail log file: it has no "Records" array/);
    assert.doesNotMatch(result.stderr, /"eventName": "Decrypt", /, 'no log text in the explanation');
  });

  test('an organization trail: the organization id is found in the bucket, one member account searched', async () => {
    const org = sandbox.world.organization!;
    const member = org.memberAccountIds[0];
    const trail = org.trails.organization;
    const result = await runMain([
      'search',
      trail.arn,
      '--from',
      trail.days[0],
      '--to',
      trail.days[0],
      '--account',
      member,
      '--max-results',
      '200',
      '--json',
      '--profile',
      'orgAdmin',
      '--endpoint-url',
      sandbox.endpoint,
    ]);
    assert.equal(result.code, 0, result.stderr);
    const items = result.stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { source: { key: string }; record: { recipientAccountId: string } });
    assert.ok(items.length > 0);
    for (const item of items) {
      assert.ok(item.source.key.startsWith(`AWSLogs/${org.id}/${member}/CloudTrail/`), item.source.key);
      assert.equal(item.record.recipientAccountId, member);
    }
    assert.match(result.stderr, new RegExp(`Where: trail ${trail.arn}, s3://${trail.bucket}/AWSLogs/${org.id}/`));
  });
});
