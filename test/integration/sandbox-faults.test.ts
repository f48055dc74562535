/**
 * The fault matrix beyond error responses: faults on the KMS calls S3 makes internally, a silent endpoint (per
 * operation or all, paused and resumed at run time), a trickled body — with the SDK v3 clients and the aws CLI.
 */
import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { DescribeTrailsCommand } from '@aws-sdk/client-cloudtrail';
import { DecryptCommand, EncryptCommand } from '@aws-sdk/client-kms';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { startSandbox, type Sandbox } from '../sandbox/index';
import { sandboxClients } from './helpers/sandboxClients';
import { awsCli, type AwsCli } from './helpers/sandboxAwsCli';

interface Failure {
  name: string;
  message: string;
  code?: string;
  $metadata?: { httpStatusCode?: number };
}

describe('sandbox fault matrix', { timeout: 300_000 }, () => {
  let sandbox: Sandbox;
  let cli: AwsCli;
  let bucket: string;
  let logKey: string;

  before(async () => {
    sandbox = await startSandbox({ world: { organization: false } });
    cli = awsCli(sandbox);
    bucket = sandbox.world.buckets.logs.name;
    logKey = sandbox.world.logKeys['us-west-2']['2026-11-25'][0];
  });
  after(async () => {
    cli?.dispose();
    await sandbox?.stop();
  });

  const one = () => sandboxClients(sandbox, { maxAttempts: 1 });
  /** A client that gives up after `ms` without an answer (the SDK's own request timeout). */
  const impatient = (ms: number) =>
    new S3Client({
      endpoint: sandbox.endpoint,
      region: sandbox.region,
      forcePathStyle: true,
      maxAttempts: 1,
      credentials: sandbox.principals.admin,
      requestHandler: new NodeHttpHandler({ requestTimeout: ms, connectionTimeout: ms, throwOnRequestTimeout: true }),
    });

  it('a KMS fault fires on the Decrypt S3 makes for GetObject, as S3 reports it; `via` narrows a rule', async () => {
    sandbox.faults.add({ operation: 'Decrypt', kind: 'throttle', times: 1 });
    await assert.rejects(one().s3.send(new GetObjectCommand({ Bucket: bucket, Key: logKey })), (e: Failure) => {
      assert.equal(e.name, 'SlowDown');
      assert.equal(e.$metadata?.httpStatusCode, 503);
      assert.equal(e.message, 'Please reduce your request rate for operations involving AWS KMS.');
      return true;
    });
    sandbox.faults.add({ operation: 'Decrypt', kind: 'internalError', times: 1, via: 's3' });
    await assert.rejects(one().s3.send(new GetObjectCommand({ Bucket: bucket, Key: logKey })), (e: Failure) => e.name === 'InternalError');
    // A rule for direct KMS requests only leaves S3's internal call alone, and the other way round.
    sandbox.faults.add({ operation: 'Decrypt', kind: 'throttle', times: 1, via: 'request' });
    const got = await one().s3.send(new GetObjectCommand({ Bucket: bucket, Key: logKey }));
    await got.Body!.transformToByteArray();
    const enc = await one().kms.send(new EncryptCommand({ KeyId: 'alias/cloudtrail-logs', Plaintext: Buffer.from('x') }));
    await assert.rejects(
      one().kms.send(new DecryptCommand({ CiphertextBlob: enc.CiphertextBlob })),
      (e: Failure) => e.name === 'ThrottlingException',
    );
    assert.deepEqual(sandbox.faults.list(), []);
    // PutObject: the GenerateDataKey S3 makes.
    sandbox.faults.add({ operation: 'GenerateDataKey', kind: 'expiredToken', times: 1 });
    await assert.rejects(
      one().s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'fault-probe', Body: 'x', ServerSideEncryption: 'aws:kms' })),
      (e: Failure) => e.name === 'ExpiredToken',
    );
    // A rule for `*` does not also fire inside S3 (it already hit the S3 request).
    sandbox.faults.add({ operation: '*', kind: 'throttle', times: 1 });
    await assert.rejects(one().s3.send(new GetObjectCommand({ Bucket: bucket, Key: logKey })), (e: Failure) => e.name === 'SlowDown');
    const after = await one().s3.send(new GetObjectCommand({ Bucket: bucket, Key: logKey }));
    await after.Body!.transformToByteArray();
  });

  it('internal connection faults: reset drops the GetObject, silent never answers it, truncate cuts its body', async () => {
    sandbox.faults.add({ operation: 'Decrypt', kind: 'reset', times: 1, via: 's3' });
    await assert.rejects(one().s3.send(new GetObjectCommand({ Bucket: bucket, Key: logKey })), (e: Failure) => {
      assert.match(`${e.code ?? ''} ${e.message}`, /ECONNRESET|socket hang up/);
      return true;
    });
    sandbox.faults.add({ operation: 'Decrypt', kind: 'silent', times: 1, via: 's3' });
    await assert.rejects(impatient(400).send(new GetObjectCommand({ Bucket: bucket, Key: logKey })), (e: Failure) => {
      assert.match(e.name, /TimeoutError/);
      return true;
    });
    sandbox.faults.add({ operation: 'Decrypt', kind: 'truncate', times: 1, via: 's3' });
    const out = await one().s3.send(new GetObjectCommand({ Bucket: bucket, Key: logKey }));
    await assert.rejects(out.Body!.transformToByteArray());
  });

  it('silent rule: the request is read and never answered; the client times out; other operations still answer', async () => {
    sandbox.faults.add({ operation: 'ListObjectsV2', kind: 'silent', times: 1 });
    const before = sandbox.requests.count('ListObjectsV2');
    await assert.rejects(impatient(300).send(new ListObjectsV2Command({ Bucket: bucket, MaxKeys: 1 })), (e: Failure) =>
      /TimeoutError/.test(e.name),
    );
    assert.equal(sandbox.requests.count('ListObjectsV2'), before + 1, 'the request arrived');
    const trails = await one().cloudtrail.send(new DescribeTrailsCommand({}));
    assert.ok((trails.trailList ?? []).length > 0);
    const list = await impatient(5000).send(new ListObjectsV2Command({ Bucket: bucket, MaxKeys: 1 }));
    assert.equal(list.KeyCount, 1, 'used up after one request');
  });

  it('pause and resume: a hung endpoint holds requests, then answers those still waiting', async () => {
    sandbox.faults.pause();
    assert.deepEqual(sandbox.faults.paused(), ['*']);
    const waiting = one().cloudtrail.send(new DescribeTrailsCommand({}));
    await assert.rejects(impatient(300).send(new ListObjectsV2Command({ Bucket: bucket, MaxKeys: 1 })), (e: Failure) =>
      /TimeoutError/.test(e.name),
    );
    await waitFor(() => sandbox.faults.heldCount() >= 1);
    sandbox.faults.resume();
    assert.deepEqual(sandbox.faults.paused(), []);
    const trails = await waiting;
    assert.ok((trails.trailList ?? []).length > 0, 'the held request got its answer after resume');
    // One operation only.
    sandbox.faults.pause('GetObject');
    const held = one().s3.send(new GetObjectCommand({ Bucket: bucket, Key: logKey }));
    const listed = await one().s3.send(new ListObjectsV2Command({ Bucket: bucket, MaxKeys: 1 }));
    assert.equal(listed.KeyCount, 1);
    await waitFor(() => sandbox.faults.heldCount() === 1);
    sandbox.faults.resume('GetObject');
    const body = await (await held).Body!.transformToByteArray();
    assert.ok(JSON.parse(gunzipSync(body).toString()).Records.length > 0);
  });

  it('trickle: headers at once, then the body a few bytes at a time, complete and correct', async () => {
    const reference = Buffer.from(
      await (await one().s3.send(new GetObjectCommand({ Bucket: bucket, Key: logKey }))).Body!.transformToByteArray(),
    );
    sandbox.faults.add({
      operation: 'GetObject',
      kind: 'trickle',
      times: 1,
      bytesPerChunk: Math.ceil(reference.length / 8),
      intervalMs: 40,
    });
    const out = await one().s3.send(new GetObjectCommand({ Bucket: bucket, Key: logKey }));
    assert.equal(out.ContentLength, reference.length);
    let chunks = 0;
    const parts: Buffer[] = [];
    for await (const chunk of out.Body as AsyncIterable<Buffer>) {
      chunks++;
      parts.push(chunk);
    }
    assert.ok(chunks >= 4, `arrived in ${chunks} pieces`);
    assert.deepEqual(Buffer.concat(parts), reference);
    // Slow enough that a reader who stops waiting after half a second has had almost nothing.
    sandbox.faults.add({ operation: 'GetObject', kind: 'trickle', times: 1, bytesPerChunk: 16, intervalMs: 1000 });
    const slow = await one().s3.send(new GetObjectCommand({ Bucket: bucket, Key: logKey }));
    const stream = slow.Body as NodeJS.ReadableStream & { destroy(): void };
    let received = 0;
    stream.on('data', (c: Buffer) => (received += c.length));
    stream.on('error', () => undefined);
    await new Promise((resolve) => setTimeout(resolve, 500));
    stream.destroy();
    assert.ok(received < reference.length / 4, `${received} of ${reference.length} bytes after 0.5 s`);
  });

  it('the same controls over HTTP for another process: pause, resume, faults, status, request counts', async () => {
    const control = (method: string, action: string, body?: unknown) =>
      fetch(`${sandbox.controlUrl}${action}`, { method, body: body === undefined ? undefined : JSON.stringify(body) }).then(async (r) => ({
        status: r.status,
        json: (await r.json()) as { paused?: string[]; held?: number; faults?: unknown[]; count?: number; error?: string },
      }));
    assert.match(sandbox.controlUrl, /^http:\/\/127\.0\.0\.1:\d+\/__sandbox\/[0-9a-f]{32}\/$/);
    assert.deepEqual((await control('POST', 'pause?operation=DescribeTrails')).json.paused, ['DescribeTrails']);
    const waiting = one().cloudtrail.send(new DescribeTrailsCommand({}));
    await waitFor(() => sandbox.faults.heldCount() === 1);
    assert.equal((await control('GET', 'status')).json.held, 1);
    await control('POST', 'resume');
    assert.ok(((await waiting).trailList ?? []).length > 0);
    assert.equal((await control('POST', 'faults', { operation: 'ListObjectsV2', kind: 'throttle', times: 1 })).status, 200);
    await assert.rejects(one().s3.send(new ListObjectsV2Command({ Bucket: bucket, MaxKeys: 1 })), (e: Failure) => e.name === 'SlowDown');
    const bad = await control('POST', 'faults', { operation: 'GetObject', kind: 'explode' });
    assert.equal(bad.status, 400);
    assert.match(bad.json.error ?? '', /Invalid fault rule/);
    await control('POST', 'faults', [{ operation: 'GetObject', kind: 'reset' }]);
    assert.equal((await control('DELETE', 'faults')).json.faults?.length, 0);
    assert.ok(((await control('GET', 'requests?operation=ListObjectsV2')).json.count ?? 0) >= 1);
    // Without the token the path is just an (unsigned) S3 request.
    const guess = await fetch(`${sandbox.endpoint}/__sandbox/0000/pause`, { method: 'POST' });
    assert.equal(guess.status, 403);
    assert.deepEqual(sandbox.faults.paused(), []);
  });

  it('modelled latency: every answer waits the set time, requests overlap (a timer, not a queue), set over HTTP too', async () => {
    const control = (action: string) => fetch(`${sandbox.controlUrl}${action}`, { method: 'POST' });
    const list = () => one().s3.send(new ListObjectsV2Command({ Bucket: bucket, MaxKeys: 1 }));
    try {
      assert.equal((await control('latency?ms=300')).status, 200);
      let start = performance.now();
      await list();
      const single = performance.now() - start;
      assert.ok(single >= 290, `one answer after ${Math.round(single)} ms, expected ≥ 300`);
      start = performance.now();
      await Promise.all(Array.from({ length: 6 }, list));
      const six = performance.now() - start;
      assert.ok(six >= 290, `six answers after ${Math.round(six)} ms`);
      assert.ok(six < 6 * 300, `six concurrent requests did not overlap: ${Math.round(six)} ms`);
      assert.equal((await control('latency?ms=-1')).status, 400, 'a negative latency is refused');
      assert.equal(sandbox.faults.latencyMs, 300, 'the refused value changed nothing');
    } finally {
      sandbox.faults.setLatency(0);
    }
  });

  it('bad rules are refused: via "s3" on an operation S3 does not call, non-positive sizes', () => {
    assert.throws(
      () => sandbox.faults.add({ operation: 'DescribeKey', kind: 'throttle', via: 's3' }),
      /via "s3" applies to the KMS calls S3 makes/,
    );
    assert.throws(
      () => sandbox.faults.add({ operation: 'GetObject', kind: 'trickle', intervalMs: 0 }),
      /intervalMs must be a positive integer/,
    );
    assert.throws(() => sandbox.faults.add({ operation: 'GetObject', kind: 'reset', times: 0 }), /times must be a positive integer/);
  });

  it('aws CLI: a silent S3 times out with --cli-read-timeout; a throttled internal Decrypt is retried and succeeds', async () => {
    sandbox.faults.add({ operation: 'ListObjectsV2', kind: 'silent' });
    try {
      const r = await cli.run(['s3', 'ls', `s3://${bucket}/`, '--cli-read-timeout', '1', '--cli-connect-timeout', '1'], {
        timeoutMs: 60_000,
      });
      assert.notEqual(r.code, 0);
      assert.match(r.stderr, /Read timeout/i);
    } finally {
      sandbox.faults.clear();
    }
    sandbox.faults.add({ operation: 'Decrypt', kind: 'throttle', times: 1, via: 's3' });
    const cat = await cli.run([], { shell: `aws s3 cp s3://${bucket}/${logKey} - | gunzip | head -c 12` });
    assert.equal(cat.stdout, '{"Records":[', cat.stderr);
    assert.deepEqual(sandbox.faults.list(), [], 'the CLI retried past the throttle');
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
  assert.ok(condition(), 'condition not met within 4 s');
}
