/**
 * `trails`, `keys`, `ls`, `cat` and the AWS layer against a moto server (python3 -m moto.server), seeded through the SDK.
 * moto does not enforce IAM or KMS on GetObject, so the denial tests live in the sandbox tests.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AwsClients } from '../../src/aws/clients';
import { fetchLog } from '../../src/aws/fetchLog';
import { listLogFolder } from '../../src/aws/logObjects';
import { listTrails } from '../../src/aws/trails';
import { describeTrailKey } from '../../src/aws/keys';
import { CancelledError, ExplainedError } from '../../src/core/errors';
import type { KeyInfo, TrailInfo } from '../../src/core/model';
import { cleanEnv, runCli, runMain, startMoto, useEnv, writeProfiles, type Moto, type Profiles } from './awsTestSupport';
import { MOTO_ACCOUNT, MOTO_KEYS, MOTO_REGION, seedMoto, type MotoWorld } from './motoWorld';

describe('against moto', { timeout: 180_000 }, () => {
  let moto: Moto;
  let world: MotoWorld;
  let profiles: Profiles;
  let env: Record<string, string>;
  let clients: AwsClients;
  const global = (): string[] => ['--profile', 'moto', '--endpoint-url', moto.endpoint];

  before(async () => {
    moto = await startMoto();
    world = await seedMoto(moto.endpoint);
    profiles = writeProfiles({ moto: { ...MOTO_KEYS, region: MOTO_REGION } });
    env = cleanEnv({ ...profiles.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' });
    useEnv({ ...profiles.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' });
    clients = new AwsClients({ profile: 'moto', endpointUrl: moto.endpoint });
  });

  after(async () => {
    clients?.dispose();
    await moto?.stop();
    profiles?.cleanup();
  });

  test('trails (spawned CLI): every trail with its key and the key problems in words', async () => {
    const result = await runCli(['trails', ...global()], env);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^NAME\s+HOME\s+BUCKET\s+KEY/m);
    assert.match(result.stdout, /management\s+us-west-2\s+s3:\/\/moto-cloudtrail-logs\/\s+alias\/cloudtrail-logs\s+Enabled\s+yes/);
    assert.match(result.stdout, /disabled-key .*Disabled.*DISABLED/);
    assert.match(result.stdout, /asymmetric-key .*NOT-SYMMETRIC/);
    assert.match(result.stdout, /asymmetric-key: Key spec is RSA_2048: CloudTrail and S3 accept only symmetric/);
    assert.equal(result.stderr, '');
  });

  test('trails --json (in-process main): status, key, flags as plain data', async () => {
    const result = await runMain(['trails', '--json', ...global()]);
    assert.equal(result.code, 0, result.stderr);
    const trails = JSON.parse(result.stdout) as TrailInfo[];
    assert.deepEqual(
      trails.map((trail) => trail.name),
      ['asymmetric-key', 'disabled-key', 'management'],
    );
    const management = trails.find((trail) => trail.name === 'management');
    assert.equal(management?.arn, world.trailArn);
    assert.equal(management?.status?.isLogging, true);
    assert.equal(management?.isMultiRegion, true);
    assert.equal(management?.key?.alias, 'alias/cloudtrail-logs');
    assert.equal(management?.key?.arn, world.healthyKeyArn);
    assert.equal(management?.key?.keySpec, 'SYMMETRIC_DEFAULT');
    assert.ok(!management?.key?.flags.some((flag) => flag.severity === 'error'));
    assert.deepEqual(
      trails
        .find((trail) => trail.name === 'disabled-key')
        ?.key?.flags.map((flag) => flag.code)
        .filter((code) => code !== 'rotationDisabled'),
      ['disabled'],
    );
    assert.deepEqual(
      trails.find((trail) => trail.name === 'asymmetric-key')?.key?.flags.map((flag) => flag.code),
      ['notSymmetric'],
    );
    assert.equal(trails.find((trail) => trail.name === 'disabled-key')?.keyPrefix, 'disabled');
  });

  test('listTrails folds the same trail seen from two regions and reports a region that fails without failing', async () => {
    const failing: string[] = [];
    const trails = await listTrails(clients, [MOTO_REGION, 'us-east-1'], { onRegionError: (region) => failing.push(region) });
    const management = trails.find((trail) => trail.name === 'management');
    assert.ok(management);
    assert.equal(trails.filter((trail) => trail.name === 'management').length, 1);
    assert.deepEqual(management.seenInRegions, ['us-east-1', MOTO_REGION]);
    assert.equal(management.homeRegion, MOTO_REGION);
    assert.deepEqual(failing, []);
  });

  test('keys --json: alias, spec, state, rotation', async () => {
    const result = await runMain(['keys', '--json', ...global()]);
    assert.equal(result.code, 0, result.stderr);
    const keys = JSON.parse(result.stdout) as KeyInfo[];
    assert.equal(keys.length, 3);
    const healthy = keys.find((key) => key.arn === world.healthyKeyArn);
    assert.equal(healthy?.alias, 'alias/cloudtrail-logs');
    assert.equal(healthy?.keyState, 'Enabled');
    assert.equal(healthy?.rotationEnabled, false);
    assert.equal(keys.find((key) => key.arn === world.disabledKeyArn)?.keyState, 'Disabled');
    assert.equal(keys.find((key) => key.arn === world.asymmetricKeyArn)?.keySpec, 'RSA_2048');
  });

  test('keys (spawned): a table', async () => {
    const result = await runCli(['keys', ...global()], env);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^REGION\s+KEY-ID\s+ALIAS\s+SPEC\s+STATE/m);
    assert.match(result.stdout, /alias\/cloudtrail-logs\s+SYMMETRIC_DEFAULT\s+Enabled/);
  });

  test('describeTrailKey flags a key in another region than the bucket and in another account', async () => {
    const key = await describeTrailKey(clients, world.healthyKeyArn, { bucketRegion: 'eu-west-1', trailAccount: '999999999999' });
    assert.deepEqual(
      key.flags.map((flag) => flag.code).filter((code) => code !== 'rotationDisabled'),
      ['otherRegion', 'otherAccount'],
    );
    assert.match(key.flags[0].message, /key is in us-west-2 but the bucket is in eu-west-1/);
  });

  test('ls <trail>: the log root', async () => {
    const result = await runCli(['ls', 'management', ...global()], env);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, new RegExp(`PRE\\s+s3://${world.bucket}/AWSLogs/${MOTO_ACCOUNT}/CloudTrail/`));
    assert.match(result.stdout, /CloudTrail-Digest\//);
  });

  test("ls <trail-arn> --date: the day's files of every region, or of --region only", async () => {
    const all = await runMain(['ls', world.trailArn, '--date', world.day, '--json', ...global()]);
    assert.equal(all.code, 0, all.stderr);
    const pages = JSON.parse(all.stdout) as { prefix: string; objects: { key: string }[] }[];
    assert.deepEqual(
      pages.map((page) => page.prefix),
      [`AWSLogs/${MOTO_ACCOUNT}/CloudTrail/us-east-1/2026/11/27/`, `AWSLogs/${MOTO_ACCOUNT}/CloudTrail/us-west-2/2026/11/27/`],
    );
    assert.deepEqual(
      pages[1].objects.map((object) => object.key),
      world.logKeys,
    );
    const one = await runCli(['ls', 'management', '--date', world.day, ...global(), '--region', MOTO_REGION], env);
    assert.equal(one.code, 0, one.stderr);
    assert.equal(one.stdout.trim().split('\n').length, 1 + world.logKeys.length);
    const digests = await runMain(['ls', 'management', '--date', world.day, '--digests', '--region', MOTO_REGION, ...global()]);
    assert.match(digests.stdout, /CloudTrail-Digest_us-west-2_management_us-west-2_20261127T010000Z\.json\.gz/);
  });

  test('ls s3://bucket/prefix: one folder level', async () => {
    const result = await runMain(['ls', `s3://${world.bucket}/AWSLogs`, ...global()]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, new RegExp(`PRE\\s+s3://${world.bucket}/AWSLogs/${MOTO_ACCOUNT}/`));
  });

  test('listLogFolder pages with continuation tokens', async () => {
    const prefix = `AWSLogs/${MOTO_ACCOUNT}/CloudTrail/${MOTO_REGION}/2026/11/27/`;
    const first = await listLogFolder(clients, { bucket: world.bucket, prefix }, { pageSize: 2 });
    assert.equal(first.objects.length, 2);
    assert.ok(first.nextToken);
    const second = await listLogFolder(clients, { bucket: world.bucket, prefix }, { pageSize: 2, continuationToken: first.nextToken });
    assert.equal(second.objects.length, 1);
    assert.equal(second.nextToken, undefined);
    assert.equal(second.objects[0].name, world.logKeys[2].slice(prefix.length));
  });

  test('cat (spawned): pretty JSON with the very records that were stored', async () => {
    const result = await runCli(['cat', `s3://${world.bucket}/${world.logKeys[0]}`, ...global()], env);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, `${JSON.stringify(JSON.parse(world.logText), null, 2)}\n`);
  });

  test('cat of an object ARN and of plain (not gzipped) JSON', async () => {
    const result = await runMain(['cat', `arn:aws:s3:::${world.bucket}/${world.plainKey}`, ...global()]);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout), JSON.parse(world.logText));
  });

  test('fetchLog: SSE facts, sizes, gzip detection', async () => {
    const fetched = await fetchLog(clients, { bucket: world.bucket, key: world.logKeys[1] });
    assert.equal(fetched.text, world.logText);
    assert.equal(fetched.sse.algorithm, 'aws:kms');
    assert.ok(fetched.sse.kmsKeyId?.endsWith(world.healthyKeyArn.split('/')[1]), fetched.sse.kmsKeyId);
    assert.equal(fetched.gzipped, true);
    assert.equal(fetched.uncompressedBytes, Buffer.byteLength(world.logText));
    assert.ok(fetched.compressedBytes < fetched.uncompressedBytes);
    assert.equal(fetched.region, MOTO_REGION);
  });

  test('fetchLog: size limit and cancellation', async () => {
    await assert.rejects(
      fetchLog(clients, { bucket: world.bucket, key: world.logKeys[0] }, { maxBytes: 1000 }),
      (error: ExplainedError) => error.code === 'TooLarge' && /larger than the limit of 1000 B/.test(error.message),
    );
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(fetchLog(clients, { bucket: world.bucket, key: world.logKeys[0] }, { signal: controller.signal }), CancelledError);
  });

  test('cat errors say why, on stderr, exit 1, no stack', async () => {
    const cases: [string, RegExp][] = [
      [world.corruptKey, /is not a readable gzip file/],
      [world.truncatedKey, /ends before its gzip stream is complete/],
      ['AWSLogs/nope.json.gz', /There is no object s3:\/\/moto-cloudtrail-logs\/AWSLogs\/nope\.json\.gz\..*NoSuchKey/],
    ];
    for (const [key, message] of cases) {
      const result = await runCli(['cat', `s3://${world.bucket}/${key}`, ...global()], env);
      assert.equal(result.code, 1, key);
      assert.match(result.stderr, message);
      assert.doesNotMatch(result.stderr, /\n\s+at /);
      assert.equal(result.stdout, '');
    }
    const noBucket = await runMain(['cat', 's3://no-such-bucket-here/x.json.gz', ...global()]);
    assert.equal(noBucket.code, 1);
    assert.match(noBucket.stderr, /The bucket no-such-bucket-here does not exist/);
    const tooBig = await runMain(['cat', `s3://${world.bucket}/${world.logKeys[0]}`, '--max-mb', '0.001', ...global()]);
    assert.equal(tooBig.code, 1);
    assert.match(tooBig.stderr, /larger than the limit/);
  });

  test('a profile that does not exist: exit 1 and what to do', async () => {
    const result = await runCli(['trails', '--profile', 'nobody', '--endpoint-url', moto.endpoint], env);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /credentials/i);
    assert.match(result.stderr, /aws sso login --profile nobody/);
  });

  test('usage errors exit 2 with the usage', async () => {
    for (const args of [
      ['cat'],
      ['cat', 'not-a-location'],
      ['ls', 'management', '--date', '2026-02-30'],
      ['ls'],
      ['trails', '--region', 'mars'],
      ['trails', '--bogus'],
      ['nonsense'],
      ['ls', `s3://${world.bucket}/x`, '--account-id', '12345'],
    ]) {
      const result = await runMain([...args, ...global()]);
      assert.equal(result.code, 2, args.join(' '));
      assert.match(result.stderr, /Usage: cloudtrail-kms/, args.join(' '));
    }
    const spawned = await runCli(['ls'], env);
    assert.equal(spawned.code, 2);
    // An s3:// location with --date is read as a log location (issue 15): one without CloudTrail logs says so.
    const location = await runMain(['ls', `s3://${world.bucket}/x`, '--date', '2026-11-27', ...global()]);
    assert.equal(location.code, 1);
    assert.match(
      location.stderr,
      /No CloudTrail logs under s3:\/\/moto-cloudtrail-logs\/x\/\. Nothing under s3:\/\/moto-cloudtrail-logs\/x\//,
    );
  });

  test('ls of an unknown trail names the trails there', async () => {
    const result = await runMain(['ls', 'nope', ...global()]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /No trail "nope" in us-west-2\. The trails there are: asymmetric-key, disabled-key, management\./);
  });
});
