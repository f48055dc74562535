import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, it } from 'node:test';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import { LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import { GetObjectCommand, ListBucketsCommand, ListObjectsV2Command, paginateListObjectsV2 } from '@aws-sdk/client-s3';
import { startSandbox, type Sandbox } from '../sandbox/index';
import { sandboxClients } from './helpers/sandboxClients';

async function inventory(sandbox: Sandbox): Promise<string[]> {
  const { s3, cloudtrail } = sandboxClients(sandbox);
  const out: string[] = [];
  for (const bucket of [sandbox.world.buckets.logs.name, sandbox.world.buckets.dataEvents.name]) {
    for await (const page of paginateListObjectsV2({ client: s3 }, { Bucket: bucket })) {
      for (const o of page.Contents ?? []) out.push(`${bucket}/${o.Key} ${o.ETag} ${o.Size} ${o.LastModified?.toISOString()}`);
    }
  }
  const events = await cloudtrail.send(new LookupEventsCommand({ EndTime: sandbox.world.now, MaxResults: 50 }));
  out.push(...(events.Events ?? []).map((e) => e.CloudTrailEvent!));
  return out;
}

describe('sandbox world seeding', () => {
  it('is deterministic: two sandboxes hold the same objects, bytes and events', async () => {
    const a = await startSandbox();
    const b = await startSandbox();
    try {
      assert.notEqual(a.port, b.port);
      assert.deepEqual(JSON.parse(JSON.stringify(a.world)), JSON.parse(JSON.stringify(b.world)));
      const [ia, ib] = await Promise.all([inventory(a), inventory(b)]);
      assert.equal(ia.length, 36 + 144 + 2 + 6 + 50, '36 logs, 144 digests, 2 old logs, 6 data-event logs, 50 events');
      assert.deepEqual(ia, ib);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });

  it('world: false starts empty', async () => {
    const sandbox = await startSandbox({ world: false });
    try {
      assert.equal(sandbox.world.seeded, false);
      const buckets = await sandboxClients(sandbox).s3.send(new ListBucketsCommand({}));
      assert.deepEqual(buckets.Buckets ?? [], []);
    } finally {
      await sandbox.stop();
    }
  });

  it('scale: 10,000 files in one day and a 50 MB log, streamed', async () => {
    const sandbox = await startSandbox({ world: { filesInOneDay: 10_000, bigLogMB: 50 } });
    try {
      const { s3 } = sandboxClients(sandbox);
      const scale = sandbox.world.scale!;
      assert.equal(scale.busyDayFileCount, 10_000);
      const first = await s3.send(new ListObjectsV2Command({ Bucket: sandbox.world.buckets.logs.name, Prefix: scale.busyDayPrefix }));
      assert.equal(first.KeyCount, 1000);
      assert.equal(first.IsTruncated, true);
      let count = 0;
      for await (const page of paginateListObjectsV2(
        { client: s3 },
        { Bucket: sandbox.world.buckets.logs.name, Prefix: scale.busyDayPrefix },
      ))
        count += page.KeyCount ?? 0;
      assert.equal(count, 10_000);

      const out = await s3.send(new GetObjectCommand({ Bucket: sandbox.world.buckets.logs.name, Key: scale.bigLogKey }));
      let inflated = 0;
      let head = '';
      await new Promise<void>((resolve, reject) => {
        const gunzip = createGunzip();
        (out.Body as Readable).pipe(gunzip);
        gunzip.on('data', (chunk: Buffer) => {
          if (head.length < 20) head += chunk.subarray(0, 20).toString();
          inflated += chunk.length;
        });
        gunzip.on('end', resolve);
        gunzip.on('error', reject);
      });
      assert.equal(inflated, scale.bigLogUncompressedBytes);
      assert.ok(inflated >= 50 * 1024 * 1024);
      assert.ok(head.startsWith('{"Records":[{'));
    } finally {
      await sandbox.stop();
    }
  });

  it('npm run sandbox entry point: prints shell exports first, serves, stops cleanly on SIGTERM', async () => {
    const main = join(__dirname, '..', 'sandbox', 'main.js');
    const child = spawn(process.execPath, [main, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const lines: string[] = [];
      const rl = createInterface({ input: child.stdout! });
      for await (const line of rl) {
        lines.push(line);
        if (lines.length === 4) break;
      }
      assert.match(lines[0], /^export AWS_ENDPOINT_URL=http:\/\/127\.0\.0\.1:\d+$/);
      assert.match(lines[1], /^export AWS_ACCESS_KEY_ID=AKIA[A-Z0-9]{16}$/);
      assert.match(lines[2], /^export AWS_SECRET_ACCESS_KEY=\S+$/);
      assert.equal(lines[3], 'export AWS_REGION=us-west-2');
      const endpoint = lines[0].split('=')[1];
      const { STSClient, GetCallerIdentityCommand } = await import('@aws-sdk/client-sts');
      const sts = new STSClient({
        endpoint,
        region: 'us-west-2',
        credentials: { accessKeyId: lines[1].split('=')[1], secretAccessKey: lines[2].slice('export AWS_SECRET_ACCESS_KEY='.length) },
      });
      assert.equal((await sts.send(new GetCallerIdentityCommand({}))).Account, '111122223333');
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      assert.equal(await exited, 0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  it('npm run sandbox picks worlds: --search-days, --validation-days, --no-organization; unknown options are refused', async () => {
    const main = join(__dirname, '..', 'sandbox', 'main.js');
    const child = spawn(process.execPath, [main, '--no-organization', '--search-days', '5', '--validation-days', '1'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const lines: string[] = [];
      for await (const line of createInterface({ input: child.stdout! })) {
        lines.push(line);
        if (line.startsWith('# Ctrl-C')) break;
      }
      const text = lines.join('\n');
      assert.match(text, /# Search world: trail arn:aws:cloudtrail:us-west-2:111122223333:trail\/audit-archive .*2026-11-10\.\.2026-11-14/);
      assert.match(
        text,
        /# Validation world: trail arn:aws:cloudtrail:us-west-2:111122223333:trail\/archive, 24 digests and 48 logs per region/,
      );
      assert.doesNotMatch(text, /# Organization/);
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    const bad = spawn(process.execPath, [main, '--world', 'mars'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    bad.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    assert.equal(await new Promise<number | null>((resolve) => bad.once('exit', (c) => resolve(c))), 2);
    assert.match(stderr, /Unknown option "--world"/);
  });

  it('bad command-line values are refused with a clear message', async () => {
    const main = join(__dirname, '..', 'sandbox', 'main.js');
    const child = spawn(process.execPath, [main, '--port', 'abc'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
    assert.equal(code, 2);
    assert.match(stderr, /--port needs a non-negative integer, got "abc"/);
  });
});
