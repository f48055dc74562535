/** The AWS layer (src/aws) against the sandbox: real SDK clients over HTTP, real SigV4, real SSE-KMS, injected faults. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { startSandbox, type Sandbox } from '../sandbox';
import { AwsClients } from '../../src/aws/clients';
import { fetchLog, ReusableBytes } from '../../src/aws/fetchLog';
import { describeTrailKey, listKeys } from '../../src/aws/keys';
import { listLogFolder, resolveTrailLogRoot } from '../../src/aws/logObjects';
import { listTrails } from '../../src/aws/trails';
import { CancelledError, ExplainedError } from '../../src/core/errors';
import { parseLogObjectKey } from '../../src/core/logs/logLayout';
import { useEnv, writeProfiles, type Profiles } from './awsTestSupport';

const isExplained =
  (code: string, message?: RegExp) =>
  (error: unknown): boolean => {
    assert.ok(error instanceof ExplainedError, `expected ExplainedError ${code}, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    if (message) assert.match(error.message, message);
    return true;
  };

describe('AWS layer against the sandbox', { timeout: 240_000 }, () => {
  let sandbox: Sandbox;
  let profiles: Profiles;
  let admin: AwsClients;
  let auditor: AwsClients;
  const regions = ['us-west-2', 'eu-central-1'];

  before(async () => {
    sandbox = await startSandbox({ world: { bigLogMB: 8 } });
    const { admin: a, auditor: b } = sandbox.principals;
    profiles = writeProfiles({
      admin: { accessKeyId: a.accessKeyId, secretAccessKey: a.secretAccessKey, region: sandbox.region },
      auditor: { accessKeyId: b.accessKeyId, secretAccessKey: b.secretAccessKey, region: sandbox.region },
    });
    useEnv(profiles.env);
    admin = new AwsClients({ profile: 'admin', regions, endpointUrl: sandbox.endpoint });
    auditor = new AwsClients({ profile: 'auditor', regions, endpointUrl: sandbox.endpoint });
  });

  after(async () => {
    admin?.dispose();
    auditor?.dispose();
    await sandbox?.stop();
    profiles?.cleanup();
  });

  test('client factory: profile credentials, default region from the profile, caller identity', async () => {
    assert.equal(await admin.defaultRegion(), 'us-west-2');
    assert.deepEqual(await admin.regions(), regions);
    assert.deepEqual(await auditor.callerIdentity(), { account: sandbox.accountId, arn: sandbox.principals.auditor.arn });
    assert.equal(admin.s3('us-west-2'), admin.s3('us-west-2'), 'clients are reused per region');
    assert.equal((await new AwsClients({ profile: 'admin', regions: ['all'] }).regions()).includes('ap-southeast-2'), true);
  });

  test('listTrails: shadow copies folded, status read in the home region, key described with alias and rotation', async () => {
    const trails = await listTrails(admin);
    const { management, dataEvents } = sandbox.world.trails;
    assert.deepEqual(trails.map((trail) => trail.name).sort(), [dataEvents.name, management.name].sort());
    const m = trails.find((trail) => trail.name === management.name);
    assert.ok(m);
    assert.equal(m.arn, management.arn);
    assert.equal(m.homeRegion, 'us-west-2');
    assert.deepEqual(m.seenInRegions, ['eu-central-1', 'us-west-2']);
    assert.equal(m.keyPrefix, management.s3KeyPrefix);
    assert.equal(m.isMultiRegion, true);
    assert.equal(m.logFileValidation, true);
    assert.equal(typeof m.status?.isLogging, 'boolean');
    assert.equal(m.statusError, undefined);
    assert.equal(m.key?.arn, sandbox.world.keys.healthy.arn);
    assert.equal(m.key?.alias, sandbox.world.keys.healthy.alias);
    assert.equal(m.key?.rotationEnabled, true);
    assert.deepEqual(m.key?.flags, []);
    const d = trails.find((trail) => trail.name === dataEvents.name);
    assert.equal(d?.kmsKeyArn, undefined);
    assert.deepEqual(d?.seenInRegions, ['us-west-2']);
  });

  test('listTrails goes on when one region fails, and throws an explanation when all fail', async () => {
    sandbox.faults.add({ operation: 'DescribeTrails', kind: 'expiredToken', times: 1 });
    const failed: string[] = [];
    const trails = await listTrails(admin, regions, {
      onRegionError: (region, error) => {
        failed.push(region);
        assert.equal(error.code, 'Credentials');
      },
    });
    assert.equal(failed.length, 1);
    assert.ok(trails.some((trail) => trail.name === 'management'));
    sandbox.faults.add({ operation: 'DescribeTrails', kind: 'expiredToken', times: 2 });
    await assert.rejects(
      listTrails(admin, regions),
      isExplained('Credentials', /credentials \(profile admin\) have expired.*aws sso login --profile admin/),
    );
    sandbox.faults.clear();
  });

  test('describeTrailKey: disabled, pending deletion, asymmetric, other region', async () => {
    const { disabled, pendingDeletion, asymmetric, healthy } = sandbox.world.keys;
    const codes = async (arn: string, context = {}) =>
      (await describeTrailKey(admin, arn, context)).flags.map((flag) => flag.code).filter((code) => code !== 'rotationDisabled');
    assert.deepEqual(await codes(disabled.arn), ['disabled']);
    assert.deepEqual(await codes(pendingDeletion.arn), ['pendingDeletion']);
    assert.deepEqual(await codes(asymmetric.arn), ['notSymmetric']);
    assert.deepEqual(await codes(healthy.arn, { bucketRegion: 'eu-central-1' }), ['otherRegion']);
    const info = await describeTrailKey(admin, pendingDeletion.arn, {});
    assert.equal(info.keyState, 'PendingDeletion');
    assert.ok(info.deletionDate);
    const missing = await describeTrailKey(admin, 'arn:aws:kms:us-west-2:111122223333:key/00000000-0000-0000-0000-000000000000', {});
    assert.deepEqual(
      missing.flags.map((flag) => flag.code),
      ['notFound'],
    );
  });

  test('listKeys: every key of the region with alias, spec, state and manager', async () => {
    const keys = await listKeys(admin, 'us-west-2');
    const byAlias = new Map(keys.map((key) => [key.alias, key]));
    assert.equal(byAlias.get(sandbox.world.keys.healthy.alias)?.keyState, 'Enabled');
    assert.equal(byAlias.get(sandbox.world.keys.disabled.alias)?.keyState, 'Disabled');
    assert.equal(byAlias.get(sandbox.world.keys.asymmetric.alias)?.keySpec, 'RSA_2048');
    assert.equal(byAlias.get('alias/aws/ebs')?.keyManager, 'AWS');
  });

  test('log folders: root, then CloudTrail/region/year/month/day, a page at a time', async () => {
    const m = (await listTrails(admin, ['us-west-2'], { skipDetails: true })).find((trail) => trail.name === 'management');
    assert.ok(m);
    const root = await resolveTrailLogRoot(admin, m);
    assert.equal(root, `org-audit/AWSLogs/${sandbox.accountId}/`);
    const top = await listLogFolder(admin, { bucket: m.bucket, prefix: root });
    assert.deepEqual(
      top.folders.map((folder) => folder.name),
      ['CloudTrail-Digest', 'CloudTrail'],
    ); // S3 order: '-' sorts before '/'
    const regionFolders = await listLogFolder(admin, { bucket: m.bucket, prefix: `${root}CloudTrail/` });
    assert.deepEqual(
      regionFolders.folders.map((folder) => folder.name),
      ['eu-central-1', 'us-west-2'],
    );
    const dayKeys = sandbox.world.logKeys['us-west-2']['2026-11-25'];
    const dayPrefix = `${root}CloudTrail/us-west-2/2026/11/25/`;
    const first = await listLogFolder(admin, { bucket: m.bucket, prefix: dayPrefix }, { pageSize: 4 });
    assert.equal(first.objects.length, 4);
    assert.ok(first.nextToken);
    const rest = await listLogFolder(admin, { bucket: m.bucket, prefix: dayPrefix }, { continuationToken: first.nextToken });
    assert.deepEqual(
      [...first.objects, ...rest.objects].map((object) => object.key),
      dayKeys,
    );
    assert.ok(parseLogObjectKey(dayKeys[0]));
    assert.equal((await listLogFolder(admin, { bucket: m.bucket, prefix: dayPrefix }, { pageSize: 5000 })).objects.length, dayKeys.length);
  });

  test('fetchLog as admin: decrypted, gunzipped, SSE facts', async () => {
    const key = sandbox.world.logKeys['us-west-2']['2026-11-24'][0];
    const progress: number[] = [];
    const fetched = await fetchLog(
      admin,
      { bucket: sandbox.world.buckets.logs.name, key },
      { onProgress: (received) => progress.push(received) },
    );
    const records = (JSON.parse(fetched.text) as { Records: unknown[] }).Records;
    assert.ok(records.length > 0);
    assert.equal(fetched.gzipped, true);
    assert.equal(fetched.sse.algorithm, 'aws:kms');
    assert.equal(fetched.sse.kmsKeyId, sandbox.world.keys.healthy.arn);
    assert.equal(progress.at(-1), fetched.compressedBytes);
    assert.equal(fetched.uncompressedBytes, Buffer.byteLength(fetched.text));
  });

  test('fetchLog into a reused buffer: each fetch its own exact bytes, grown for a big log, a retried body from its first byte', async () => {
    const bucket = sandbox.world.buckets.logs.name;
    const [first, second] = sandbox.world.logKeys['us-west-2']['2026-11-24'];
    const bigKey = sandbox.world.scale?.bigLogKey ?? '';
    const into = new ReusableBytes();
    const expected = async (key: string): Promise<Buffer> => fetchLog(admin, { bucket, key }).then((log) => Buffer.from(log.bytes));
    const a = await fetchLog(admin, { bucket, key: first }, { into });
    assert.ok(Buffer.from(a.bytes).equals(await expected(first)));
    assert.equal(a.bytes.buffer, into.buffer.buffer, 'the bytes are a view on the lent buffer, not a copy');
    const small = into.buffer;
    const b = await fetchLog(admin, { bucket, key: second }, { into });
    assert.ok(Buffer.from(b.bytes).equals(await expected(second)));
    assert.equal(into.buffer, small, 'a file no larger than the buffer reuses it');
    const big = await fetchLog(admin, { bucket, key: bigKey }, { into });
    assert.equal(big.bytes.length, sandbox.world.scale?.bigLogUncompressedBytes);
    assert.ok(into.buffer.length >= big.bytes.length && into.buffer !== small, 'grown for the big log');
    assert.ok(Buffer.from(big.bytes).equals(await expected(bigKey)));
    try {
      // Half of the big log's body, then the socket closes: the retry writes into the same buffer from its start, and
      // the cut attempt's gunzip (holding compressed bytes it had not inflated yet) must not write into it any more.
      const whole = await expected(bigKey);
      for (let round = 0; round < 3; round++) {
        sandbox.faults.add({ operation: 'GetObject', kind: 'truncate', times: 1 });
        const again = await fetchLog(admin, { bucket, key: bigKey }, { into });
        const bytes = Buffer.from(again.bytes);
        await new Promise((resolve) => setTimeout(resolve, 50)); // time for a stray write to land
        assert.ok(bytes.equals(whole) && Buffer.from(again.bytes).equals(whole), `round ${round}: the bytes of the retry alone`);
      }
      // Every attempt cut: once fetchLog has failed, nothing writes into the lent buffer any more (it goes to the next file).
      sandbox.faults.add({ operation: 'GetObject', kind: 'truncate' });
      for (let round = 0; round < 3; round++) {
        const lent = new ReusableBytes();
        lent.buffer = Buffer.alloc(whole.length + 1024 * 1024);
        await assert.rejects(fetchLog(admin, { bucket, key: bigKey }, { into: lent }), ExplainedError);
        const snapshot = Buffer.from(lent.buffer);
        await new Promise((resolve) => setTimeout(resolve, 300));
        assert.ok(lent.buffer.equals(snapshot), `round ${round}: written after the failure`);
      }
    } finally {
      sandbox.faults.clear();
    }
  });

  test('fetchLog as auditor: may reach but not decrypt — key, encryption context and kms:Decrypt named', async () => {
    const key = sandbox.world.logKeys['us-west-2']['2026-11-24'][0];
    const bucket = sandbox.world.buckets.logs.name;
    const { healthy } = sandbox.world.keys;
    await assert.rejects(
      fetchLog(auditor, { bucket, key }, { trailArn: sandbox.world.trails.management.arn }),
      isExplained('KmsDecryptDenied'),
    );
    const error = (await fetchLog(auditor, { bucket, key }).then(
      () => undefined,
      (e: unknown) => e,
    )) as ExplainedError;
    assert.match(
      error.message,
      new RegExp(
        `^You \\(${sandbox.principals.auditor.arn}\\) can reach s3://${bucket}/${key.replace(/[.]/g, '\\.')} but may not decrypt it: it is encrypted with KMS key ${healthy.arn} \\(${healthy.alias}\\)\\.`,
      ),
    );
    assert.match(error.message, new RegExp(`encryption context aws:s3:arn=arn:aws:s3:::${bucket}/`));
    assert.match(error.message, new RegExp(`Ask for kms:Decrypt on ${healthy.arn}`));
  });

  test('fetchLog of logs under a disabled and a pending-deletion key', async () => {
    const bucket = sandbox.world.buckets.logs.name;
    await assert.rejects(
      fetchLog(admin, { bucket, key: sandbox.world.objects.disabledKeyLog }),
      isExplained('KeyDisabled', new RegExp(`KMS key ${sandbox.world.keys.disabled.arn} is disabled.*enable-key`)),
    );
    await assert.rejects(
      fetchLog(admin, { bucket, key: sandbox.world.objects.pendingDeletionKeyLog }),
      isExplained('KeyInvalidState', /pending deletion.*cancel-key-deletion/),
    );
  });

  test('throttling is retried by the SDK, and explained when it outlasts the retries', async () => {
    const bucket = sandbox.world.buckets.logs.name;
    const key = sandbox.world.logKeys['eu-central-1']['2026-11-24'][0];
    sandbox.requests.reset();
    sandbox.faults.add({ operation: 'GetObject', kind: 'throttle', times: 1 });
    const fetched = await fetchLog(admin, { bucket, key });
    assert.ok(fetched.text.startsWith('{'));
    assert.equal(sandbox.requests.count('GetObject'), 2);
    sandbox.requests.reset();
    sandbox.faults.add({ operation: 'GetObject', kind: 'throttle' });
    await assert.rejects(
      fetchLog(admin, { bucket, key }),
      isExplained('Throttled', /AWS kept throttling GetObject on s3:\/\/.*retried with backoff/),
    );
    assert.equal(sandbox.requests.count('GetObject'), 3);
    sandbox.faults.clear();
    sandbox.faults.add({ operation: 'DescribeKey', kind: 'internalError' });
    const trails = await listTrails(admin, ['us-west-2']);
    assert.match(trails.find((trail) => trail.name === 'management')?.keyError ?? '', /server error \(500\)/);
    sandbox.faults.clear();
  });

  test('a body cut mid-download: retried, then explained', async () => {
    const bucket = sandbox.world.buckets.logs.name;
    const key = sandbox.world.logKeys['us-west-2']['2026-11-26'][0];
    try {
      sandbox.faults.add({ operation: 'GetObject', kind: 'truncate', times: 1 });
      assert.ok((await fetchLog(admin, { bucket, key })).text.length > 0);
      sandbox.faults.add({ operation: 'GetObject', kind: 'truncate' });
      // The sandbox may drop the socket before the headers leave (then the SDK sees a reset), or mid-body.
      await assert.rejects(fetchLog(admin, { bucket, key }), (error: unknown) => {
        assert.ok(error instanceof ExplainedError);
        assert.ok(['DownloadInterrupted', 'Network'].includes(error.code), error.code);
        assert.match(error.message, /stopped after \d+ of \d+ bytes|Could not reach AWS for GetObject/);
        return true;
      });
    } finally {
      sandbox.faults.clear();
    }
  });

  test('a truncated gzip object and a non-gzip, non-JSON object', async () => {
    // The sandbox has no broken object; admin may PutObject, so make them (SSE-KMS by the bucket default).
    const { PutObjectCommand } = await import('@aws-sdk/client-s3');
    const bucket = sandbox.world.buckets.logs.name;
    const key = sandbox.world.logKeys['us-west-2']['2026-11-24'][1];
    const whole = await fetchLog(admin, { bucket, key });
    const { gzipSync } = await import('node:zlib');
    const gz = gzipSync(Buffer.from(whole.text));
    assert.equal(gunzipSync(gz).length, whole.uncompressedBytes);
    await admin
      .s3('us-west-2')
      .send(new PutObjectCommand({ Bucket: bucket, Key: 'broken/truncated.json.gz', Body: gz.subarray(0, gz.length - 100) }));
    await assert.rejects(
      fetchLog(admin, { bucket, key: 'broken/truncated.json.gz' }),
      isExplained('TruncatedGzip', /ends before its gzip stream is complete/),
    );
    await admin.s3('us-west-2').send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: 'broken/garbage.json.gz',
        Body: Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0xff, 0xff, 0xff, 0xff]),
      }),
    );
    await assert.rejects(fetchLog(admin, { bucket, key: 'broken/garbage.json.gz' }), isExplained('CorruptGzip'));
  });

  test('cancellation in the middle of a download (abort from onProgress)', async () => {
    const bigKey = sandbox.world.scale?.bigLogKey;
    assert.ok(bigKey, 'the sandbox made the big log');
    const controller = new AbortController();
    let calls = 0;
    const started = Date.now();
    await assert.rejects(
      fetchLog(
        admin,
        { bucket: sandbox.world.buckets.logs.name, key: bigKey },
        {
          signal: controller.signal,
          onProgress: (received, total) => {
            calls++;
            assert.ok(total === undefined || received < total);
            if (calls === 1) controller.abort();
          },
        },
      ),
      CancelledError,
    );
    assert.ok(calls >= 1);
    assert.ok(Date.now() - started < 30_000);
    const whole = await fetchLog(admin, { bucket: sandbox.world.buckets.logs.name, key: bigKey });
    assert.equal(whole.uncompressedBytes, sandbox.world.scale?.bigLogUncompressedBytes);
  });

  test('size limit stops early on the uncompressed size', async () => {
    const bigKey = sandbox.world.scale?.bigLogKey ?? '';
    await assert.rejects(
      fetchLog(admin, { bucket: sandbox.world.buckets.logs.name, key: bigKey }, { maxBytes: 1024 * 1024 }),
      isExplained('TooLarge', /larger than the limit of 1\.0 MiB/),
    );
  });

  test('a missing object and bucket', async () => {
    await assert.rejects(fetchLog(admin, { bucket: sandbox.world.buckets.logs.name, key: 'no/such.json.gz' }), isExplained('NoSuchKey'));
    await assert.rejects(fetchLog(admin, { bucket: 'no-such-bucket-at-all', key: 'x', region: 'us-west-2' }), isExplained('NoSuchBucket'));
  });
});
