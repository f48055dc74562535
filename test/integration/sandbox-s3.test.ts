import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import {
  DeleteObjectCommand,
  GetBucketLocationCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  ListObjectsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3ServiceException,
  paginateListObjectsV2,
} from '@aws-sdk/client-s3';
import { startSandbox, type Sandbox } from '../sandbox/index';
import { sandboxClients } from './helpers/sandboxClients';

describe('sandbox S3 (real SDK v3 client)', () => {
  let sandbox: Sandbox;
  let s3: ReturnType<typeof sandboxClients>['s3'];
  let bucket: string;
  let accountPrefix: string;

  before(async () => {
    sandbox = await startSandbox();
    s3 = sandboxClients(sandbox).s3;
    bucket = sandbox.world.buckets.logs.name;
    accountPrefix = `${sandbox.world.trails.management.s3KeyPrefix}/AWSLogs/${sandbox.accountId}/`;
  });
  after(() => sandbox.stop());

  it('lists buckets with their regions', async () => {
    const out = await s3.send(new ListBucketsCommand({}));
    const names = out.Buckets?.map((b) => b.Name);
    assert.ok(names?.includes(bucket));
    assert.ok(names?.includes(sandbox.world.buckets.dataEvents.name));
    const location = await s3.send(new GetBucketLocationCommand({ Bucket: bucket }));
    assert.equal(location.LocationConstraint, 'us-west-2');
  });

  it('browses AWSLogs folders with a delimiter, the way the tree does', async () => {
    const top = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: accountPrefix, Delimiter: '/' }));
    assert.deepEqual(
      top.CommonPrefixes?.map((p) => p.Prefix),
      [`${accountPrefix}CloudTrail-Digest/`, `${accountPrefix}CloudTrail/`],
    );
    const regions = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: `${accountPrefix}CloudTrail/`, Delimiter: '/' }));
    assert.deepEqual(
      regions.CommonPrefixes?.map((p) => p.Prefix),
      [`${accountPrefix}CloudTrail/eu-central-1/`, `${accountPrefix}CloudTrail/us-west-2/`],
    );
    const day = await s3.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: `${accountPrefix}CloudTrail/us-west-2/2026/11/25/`, Delimiter: '/' }),
    );
    assert.deepEqual(
      day.Contents?.map((c) => c.Key),
      sandbox.world.logKeys['us-west-2']['2026-11-25'],
    );
    assert.equal(day.KeyCount, 6);
    assert.match(day.Contents![0].Key!, /\/111122223333_CloudTrail_us-west-2_20261125T\d{4}Z_[A-Za-z0-9]{16}\.json\.gz$/);
  });

  it('pages with max-keys, continuation tokens and start-after; common prefixes count toward max-keys', async () => {
    const days = await s3.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: `${accountPrefix}CloudTrail/us-west-2/2026/11/`, Delimiter: '/', MaxKeys: 2 }),
    );
    assert.equal(days.KeyCount, 2);
    assert.equal(days.IsTruncated, true);
    const rest = await s3.send(
      new ListObjectsV2Command({
        Bucket: bucket,
        Prefix: `${accountPrefix}CloudTrail/us-west-2/2026/11/`,
        Delimiter: '/',
        MaxKeys: 2,
        ContinuationToken: days.NextContinuationToken,
      }),
    );
    assert.equal(rest.IsTruncated, true);
    const last = await s3.send(
      new ListObjectsV2Command({
        Bucket: bucket,
        Prefix: `${accountPrefix}CloudTrail/us-west-2/2026/11/`,
        Delimiter: '/',
        MaxKeys: 2,
        ContinuationToken: rest.NextContinuationToken,
      }),
    );
    assert.equal(last.IsTruncated, false);
    assert.deepEqual(
      [...days.CommonPrefixes!, ...rest.CommonPrefixes!, ...last.CommonPrefixes!].map((p) => p.Prefix?.slice(-3)),
      ['22/', '23/', '24/', '25/', '26/'],
    );

    const all: string[] = [];
    for await (const page of paginateListObjectsV2(
      { client: s3, pageSize: 7 },
      { Bucket: bucket, Prefix: `${accountPrefix}CloudTrail/eu-central-1/` },
    )) {
      all.push(...(page.Contents ?? []).map((c) => c.Key!));
    }
    assert.deepEqual(all, Object.values(sandbox.world.logKeys['eu-central-1']).flat());

    const after = await s3.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: `${accountPrefix}CloudTrail/eu-central-1/`, StartAfter: all[9], MaxKeys: 3 }),
    );
    assert.deepEqual(
      after.Contents?.map((c) => c.Key),
      all.slice(10, 13),
    );
  });

  it('pages ListObjects v1 with Marker (as aws cloudtrail validate-logs does)', async () => {
    const prefix = `${accountPrefix}CloudTrail-Digest/us-west-2/`;
    const first = await s3.send(new ListObjectsCommand({ Bucket: bucket, Prefix: prefix, MaxKeys: 50 }));
    assert.equal(first.Contents?.length, 50);
    assert.equal(first.IsTruncated, true);
    const second = await s3.send(new ListObjectsCommand({ Bucket: bucket, Prefix: prefix, Marker: first.NextMarker }));
    assert.equal(second.IsTruncated, false);
    assert.deepEqual(
      [...first.Contents!, ...second.Contents!].map((c) => c.Key),
      sandbox.world.digestKeys['us-west-2'],
    );
  });

  it('GetObject decrypts an SSE-KMS log: a gzip CloudTrail document, with the SSE headers', async () => {
    const key = sandbox.world.logKeys['us-west-2']['2026-11-24'][2];
    const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    assert.equal(out.ServerSideEncryption, 'aws:kms');
    assert.equal(out.SSEKMSKeyId, sandbox.world.keys.healthy.arn);
    const body = Buffer.from(await out.Body!.transformToByteArray());
    assert.deepEqual([...body.subarray(0, 2)], [0x1f, 0x8b]);
    const doc = JSON.parse(gunzipSync(body).toString()) as { Records: Array<Record<string, unknown>> };
    assert.ok(doc.Records.length > 0);
    for (const r of doc.Records) {
      assert.ok(r.eventTime && r.eventName && r.eventID);
      assert.ok(r.awsRegion === 'us-west-2' || r.awsRegion === 'us-east-1', `unexpected region ${String(r.awsRegion)}`);
    }
  });

  it('serves byte ranges and HeadObject metadata', async () => {
    const key = sandbox.world.logKeys['us-west-2']['2026-11-26'][0];
    const whole = Buffer.from(await (await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }))).Body!.transformToByteArray());
    const part = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key, Range: 'bytes=5-40' }));
    assert.equal(part.ContentRange, `bytes 5-40/${whole.length}`);
    assert.deepEqual(Buffer.from(await part.Body!.transformToByteArray()), whole.subarray(5, 41));
    const tail = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key, Range: 'bytes=-17' }));
    assert.deepEqual(Buffer.from(await tail.Body!.transformToByteArray()), whole.subarray(whole.length - 17));

    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: sandbox.world.digestKeys['eu-central-1'][5] }));
    assert.equal(head.ServerSideEncryption, 'aws:kms');
    assert.equal(head.Metadata?.['signature-algorithm'], 'SHA256withRSA');
    assert.match(head.Metadata?.signature ?? '', /^[0-9a-f]{512}$/);
  });

  it('PutObject with SSE-KMS (buffer and streaming bodies) round-trips with user metadata', async () => {
    await s3.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: 'notes/a b+c.txt',
        Body: 'hello sandbox',
        ServerSideEncryption: 'aws:kms',
        SSEKMSKeyId: 'alias/cloudtrail-logs',
        Metadata: { team: 'audit' },
      }),
    );
    const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'notes/a b+c.txt' }));
    assert.equal(await got.Body!.transformToString(), 'hello sandbox');
    assert.equal(got.Metadata?.team, 'audit');
    assert.equal(got.SSEKMSKeyId, sandbox.world.keys.healthy.arn);

    const big = Buffer.alloc(300_000, 7);
    await s3.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: 'notes/stream.bin',
        Body: Readable.from([big.subarray(0, 100_000), big.subarray(100_000)]),
        ContentLength: big.length,
      }),
    );
    const back = Buffer.from(
      await (await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'notes/stream.bin' }))).Body!.transformToByteArray(),
    );
    assert.ok(back.equals(big));

    await s3.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: 'notes/bucket-key.txt',
        Body: 'bk',
        ServerSideEncryption: 'aws:kms',
        BucketKeyEnabled: true,
      }),
    );
    const bk = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'notes/bucket-key.txt' }));
    assert.equal(bk.BucketKeyEnabled, true);

    await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: 'notes/bucket-key.txt' }));
    const left = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'notes/' }));
    assert.deepEqual(
      left.Contents?.map((c) => c.Key),
      ['notes/a b+c.txt', 'notes/stream.bin'],
    );
  });

  it('missing keys and buckets fail as S3 does', async () => {
    await assert.rejects(
      s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'nope.json.gz' })),
      (e: S3ServiceException) => e.name === 'NoSuchKey' && e.$metadata.httpStatusCode === 404,
    );
    await assert.rejects(
      s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'nope.json.gz' })),
      (e: S3ServiceException) => e.$metadata.httpStatusCode === 404,
    );
    await assert.rejects(
      s3.send(new ListObjectsV2Command({ Bucket: 'no-such-bucket' })),
      (e: S3ServiceException) => e.name === 'NoSuchBucket',
    );
  });

  describe('SSE-KMS read failures', () => {
    it('auditor (no kms:Decrypt): 403 AccessDenied naming the action and the key', async () => {
      const auditor = sandboxClients(sandbox, { principal: sandbox.principals.auditor }).s3;
      const key = sandbox.world.logKeys['us-west-2']['2026-11-24'][0];
      await assert.rejects(auditor.send(new GetObjectCommand({ Bucket: bucket, Key: key })), (e: S3ServiceException) => {
        assert.equal(e.name, 'AccessDenied');
        assert.equal(e.$metadata.httpStatusCode, 403);
        assert.equal(
          e.message,
          `User: ${sandbox.principals.auditor.arn} is not authorized to perform: kms:Decrypt on resource: ${sandbox.world.keys.healthy.arn} because no identity-based policy allows the kms:Decrypt action`,
        );
        return true;
      });
      // HeadObject needs no kms:Decrypt.
      const head = await auditor.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
      assert.equal(head.SSEKMSKeyId, sandbox.world.keys.healthy.arn);
    });

    it('disabled key: 400 KMS.DisabledException', async () => {
      await assert.rejects(
        s3.send(new GetObjectCommand({ Bucket: bucket, Key: sandbox.world.objects.disabledKeyLog })),
        (e: S3ServiceException) => {
          assert.equal(e.name, 'KMS.DisabledException');
          assert.equal(e.$metadata.httpStatusCode, 400);
          assert.equal(e.message, `${sandbox.world.keys.disabled.arn} is disabled.`);
          return true;
        },
      );
    });

    it('key pending deletion: 400 KMS.KMSInvalidStateException', async () => {
      await assert.rejects(
        s3.send(new GetObjectCommand({ Bucket: bucket, Key: sandbox.world.objects.pendingDeletionKeyLog })),
        (e: S3ServiceException) => {
          assert.equal(e.name, 'KMS.KMSInvalidStateException');
          assert.equal(e.message, `${sandbox.world.keys.pendingDeletion.arn} is pending deletion.`);
          return true;
        },
      );
    });

    it('auditor may not write', async () => {
      const auditor = sandboxClients(sandbox, { principal: sandbox.principals.auditor }).s3;
      await assert.rejects(
        auditor.send(new PutObjectCommand({ Bucket: bucket, Key: 'x', Body: 'x' })),
        (e: S3ServiceException) => e.name === 'AccessDenied' && /s3:PutObject/.test(e.message),
      );
    });
  });
});
