import assert from 'node:assert/strict';
import { createHash, createPublicKey, createVerify } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import {
  CloudTrailServiceException,
  DescribeTrailsCommand,
  GetTrailCommand,
  GetTrailStatusCommand,
  ListPublicKeysCommand,
  ListTrailsCommand,
  LookupEventsCommand,
  paginateLookupEvents,
} from '@aws-sdk/client-cloudtrail';
import { GetObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import { startSandbox, type Sandbox } from '../sandbox/index';
import { sandboxClients } from './helpers/sandboxClients';

interface Rec {
  eventName: string;
  eventSource: string;
  eventTime: string;
  awsRegion: string;
  errorCode?: string;
  userIdentity: { type?: string; invokedBy?: string };
  requestParameters: { encryptionContext?: Record<string, string> } | null;
}

describe('sandbox CloudTrail (real SDK v3 client) and the seeded world', () => {
  let sandbox: Sandbox;
  let clients: ReturnType<typeof sandboxClients>;
  const getText = async (key: string) => {
    const out = await clients.s3.send(new GetObjectCommand({ Bucket: sandbox.world.buckets.logs.name, Key: key }));
    return gunzipSync(Buffer.from(await out.Body!.transformToByteArray()));
  };
  const records = async (key: string) => (JSON.parse((await getText(key)).toString()) as { Records: Rec[] }).Records;

  before(async () => {
    sandbox = await startSandbox();
    clients = sandboxClients(sandbox);
  });
  after(() => sandbox.stop());

  it('DescribeTrails: home trails in us-west-2, the multi-region shadow in eu-central-1', async () => {
    const home = await clients.cloudtrail.send(new DescribeTrailsCommand({}));
    assert.deepEqual(
      home.trailList?.map((t) => t.Name),
      ['management', 'data-events'],
    );
    const m = home.trailList![0];
    assert.equal(m.TrailARN, sandbox.world.trails.management.arn);
    assert.equal(m.KmsKeyId, sandbox.world.keys.healthy.arn);
    assert.equal(m.S3KeyPrefix, 'org-audit');
    assert.equal(m.LogFileValidationEnabled, true);
    assert.equal(m.IsMultiRegionTrail, true);
    assert.equal(home.trailList![1].KmsKeyId, undefined);

    const eu = sandboxClients(sandbox, { region: 'eu-central-1' }).cloudtrail;
    const shadow = await eu.send(new DescribeTrailsCommand({}));
    assert.deepEqual(
      shadow.trailList?.map((t) => [t.Name, t.HomeRegion]),
      [['management', 'us-west-2']],
    );
    const noShadow = await eu.send(new DescribeTrailsCommand({ includeShadowTrails: false }));
    assert.deepEqual(noShadow.trailList, []);
    const byName = await clients.cloudtrail.send(new DescribeTrailsCommand({ trailNameList: ['data-events'] }));
    assert.deepEqual(
      byName.trailList?.map((t) => t.Name),
      ['data-events'],
    );
  });

  it('GetTrail, GetTrailStatus and ListTrails', async () => {
    const trail = await clients.cloudtrail.send(new GetTrailCommand({ Name: 'management' }));
    assert.equal(trail.Trail?.HomeRegion, 'us-west-2');
    const status = await clients.cloudtrail.send(new GetTrailStatusCommand({ Name: sandbox.world.trails.management.arn }));
    assert.equal(status.IsLogging, true);
    assert.ok(status.LatestDeliveryTime instanceof Date && status.LatestDeliveryTime.toISOString().startsWith('2026-11-26'));
    assert.ok(
      status.LatestDigestDeliveryTime instanceof Date && status.LatestDigestDeliveryTime.toISOString().startsWith('2026-11-27T00:0'),
    );
    const list = await clients.cloudtrail.send(new ListTrailsCommand({}));
    assert.deepEqual(list.Trails?.map((t) => t.Name).sort(), ['data-events', 'management']);
    await assert.rejects(
      clients.cloudtrail.send(new GetTrailCommand({ Name: 'nope' })),
      (e: CloudTrailServiceException) => e.name === 'TrailNotFoundException',
    );
  });

  it('LookupEvents filters by EventName, EventSource, ResourceName, Username and time, newest first, paged', async () => {
    const { cloudtrail } = clients;
    const byName = await cloudtrail.send(
      new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'ConsoleLogin' }] }),
    );
    assert.ok(byName.Events!.length > 0);
    assert.ok(byName.Events!.every((e) => e.EventName === 'ConsoleLogin'));
    const times = byName.Events!.map((e) => e.EventTime!.getTime());
    assert.deepEqual(
      times,
      [...times].sort((a, b) => b - a),
    );

    const start = new Date('2026-11-25T00:00:00Z');
    const end = new Date('2026-11-25T12:00:00Z');
    const pages: string[] = [];
    for await (const page of paginateLookupEvents(
      { client: cloudtrail, pageSize: 10 },
      { LookupAttributes: [{ AttributeKey: 'EventSource', AttributeValue: 'kms.amazonaws.com' }], StartTime: start, EndTime: end },
    )) {
      for (const e of page.Events ?? []) {
        assert.equal(e.EventSource, 'kms.amazonaws.com');
        assert.ok(e.EventTime! >= start && e.EventTime! <= end);
        pages.push(e.EventId!);
      }
    }
    assert.ok(pages.length > 10, `expected several pages, got ${pages.length} events`);
    assert.equal(new Set(pages).size, pages.length);

    const byKey = await cloudtrail.send(
      new LookupEventsCommand({
        LookupAttributes: [{ AttributeKey: 'ResourceName', AttributeValue: sandbox.world.keys.healthy.arn }],
        MaxResults: 50,
      }),
    );
    assert.equal(byKey.Events?.length, 50);
    const byUser = await cloudtrail.send(
      new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: 'Username', AttributeValue: 'auditor' }] }),
    );
    assert.ok(byUser.Events!.some((e) => e.EventName === 'Decrypt'));

    const insights = await cloudtrail.send(new LookupEventsCommand({ EventCategory: 'insight' }));
    assert.deepEqual(insights.Events, []);
    await assert.rejects(
      cloudtrail.send(new LookupEventsCommand({ MaxResults: 51 })),
      (e: CloudTrailServiceException) => e.name === 'InvalidMaxResultsException',
    );
    await assert.rejects(
      cloudtrail.send(new LookupEventsCommand({ StartTime: end, EndTime: start })),
      (e: CloudTrailServiceException) => e.name === 'InvalidTimeRangeException',
    );
    await assert.rejects(
      cloudtrail.send(new LookupEventsCommand({ NextToken: 'bm9wZQ==' })),
      (e: CloudTrailServiceException) => e.name === 'InvalidNextTokenException',
    );

    const eu = sandboxClients(sandbox, { region: 'eu-central-1' }).cloudtrail;
    const euEvents = await eu.send(new LookupEventsCommand({ MaxResults: 20 }));
    assert.ok(euEvents.Events!.every((e) => (JSON.parse(e.CloudTrailEvent!) as Rec).awsRegion === 'eu-central-1'));
  });

  it("the seed's three KMS events are true: trail setup, delivery of a file that exists, a reader's Decrypt", async () => {
    const [first, second] = sandbox.world.logKeys['us-west-2']['2026-11-24'];
    const setup = await records(first);
    const trailGdk = setup.find(
      (r) =>
        r.eventName === 'GenerateDataKey' && r.userIdentity.invokedBy === 'cloudtrail.amazonaws.com' && r.userIdentity.type === 'IAMUser',
    );
    assert.ok(trailGdk, 'trail configuration GenerateDataKey');

    // The GenerateDataKey S3 made for the first file is delivered in the next file, naming the first file.
    const deliveries = (await records(second)).filter(
      (r) => r.eventName === 'GenerateDataKey' && r.userIdentity.invokedBy === 'cloudtrail.amazonaws.com',
    );
    const named = deliveries.map((r) => r.requestParameters?.encryptionContext?.['aws:s3:arn']);
    assert.ok(named.includes(`arn:aws:s3:::${sandbox.world.buckets.logs.name}/${first}`), 'delivery GenerateDataKey names the first file');
    for (const arn of named) {
      const key = arn!.slice(`arn:aws:s3:::${sandbox.world.buckets.logs.name}/`.length);
      await clients.s3.send(new HeadObjectCommand({ Bucket: sandbox.world.buckets.logs.name, Key: key }));
    }

    const all = (await Promise.all(Object.values(sandbox.world.logKeys['us-west-2']).flat().map(records))).flat();
    const reads = all.filter((r) => r.eventName === 'Decrypt' && r.requestParameters?.encryptionContext?.['aws:cloudtrail:arn']);
    assert.ok(reads.some((r) => !r.errorCode) && reads.some((r) => r.errorCode === 'AccessDenied'));
    const kinds = new Set(all.map((r) => `${r.eventSource}:${r.eventName}`));
    for (const expected of [
      's3.amazonaws.com:ListBuckets',
      'sts.amazonaws.com:AssumeRole',
      'signin.amazonaws.com:ConsoleLogin',
      'ec2.amazonaws.com:RunInstances',
      'kms.amazonaws.com:GenerateDataKeyWithoutPlaintext',
      'secretsmanager.amazonaws.com:GetSecretValue',
      'iam.amazonaws.com:CreateUser',
    ]) {
      assert.ok(kinds.has(expected), `world has ${expected}`);
    }
    const contexts = all.flatMap((r) => Object.keys(r.requestParameters?.encryptionContext ?? {}));
    for (const k of ['aws:lambda:FunctionArn', 'SecretARN', 'SecretVersionId', 'aws:ebs:id'])
      assert.ok(contexts.includes(k), `world has context ${k}`);
  });

  it('digests are chained and signed with the key ListPublicKeys serves (SHA256withRSA, string to sign per the CLI)', async () => {
    const keys = await clients.cloudtrail.send(
      new ListPublicKeysCommand({ StartTime: new Date('2026-11-24T00:00:00Z'), EndTime: new Date('2026-11-27T02:00:00Z') }),
    );
    const pub = keys.PublicKeyList![0];
    const der = Buffer.from(pub.Value!);
    assert.equal(pub.Fingerprint, createHash('md5').update(der).digest('hex'));
    assert.deepEqual([...der.subarray(0, 4)], [0x30, 0x82, 0x01, 0x0a]);
    const publicKey = createPublicKey({ key: der, format: 'der', type: 'pkcs1' });

    const digestKeys = sandbox.world.digestKeys['eu-central-1'];
    assert.equal(digestKeys.length, 72);
    let previousSignature: string | null = null;
    for (const key of digestKeys.slice(0, 6)) {
      const head = await clients.s3.send(new HeadObjectCommand({ Bucket: sandbox.world.buckets.logs.name, Key: key }));
      const inflated = await getText(key);
      const digest = JSON.parse(inflated.toString()) as Record<string, string | null>;
      assert.equal(digest.digestS3Object, key);
      assert.equal(digest.previousDigestSignature, previousSignature);
      const toSign = `${digest.digestEndTime}\n${digest.digestS3Bucket}/${digest.digestS3Object}\n${createHash('sha256').update(inflated).digest('hex')}\n${digest.previousDigestSignature ?? 'null'}`;
      assert.ok(
        createVerify('RSA-SHA256').update(toSign).verify(publicKey, Buffer.from(head.Metadata!.signature!, 'hex')),
        `signature of ${key}`,
      );
      previousSignature = head.Metadata!.signature!;
    }
  });
});
