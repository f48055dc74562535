/**
 * Organization layouts against a moto server, seeded through the real SDK: an organization (Organizations
 * CreateOrganization/CreateAccount), organization trails with and without a key prefix, a trail not marked as one whose
 * logs sit under an organization level, SSE-KMS logs per member account. moto enforces no IAM: permissions are the
 * sandbox tests' part.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CloudTrailClient, CreateTrailCommand } from '@aws-sdk/client-cloudtrail';
import { CreateKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { CreateAccountCommand, CreateOrganizationCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { AwsClients } from '../../src/aws/clients';
import { detectLogLayout } from '../../src/aws/logLocations';
import { organizationOfAccount } from '../../src/aws/logObjects';
import { organizationAccountNames } from '../../src/aws/organizations';
import { gzipText, makeLogDocument, runMain, startMoto, useEnv, writeProfiles, type Moto, type Profiles } from './awsTestSupport';
import { MOTO_ACCOUNT, MOTO_KEYS, MOTO_REGION } from './motoWorld';

interface OrgWorld {
  organizationId: string;
  members: Array<{ id: string; name: string }>;
  /** bucket → key prefix ('' or 'x/') */
  buckets: { plain: string; prefixed: string; prefix: string };
  logKeys: Record<string, string[]>;
  legacyKey: string;
}

const DAY = '2026-11-27';

/** The object keys of `ls --json` (one page, or one per region). */
function keysOf(stdout: string): string[] {
  const parsed = JSON.parse(stdout) as { objects: { key: string }[] } | { objects: { key: string }[] }[];
  return (Array.isArray(parsed) ? parsed : [parsed]).flatMap((page) => page.objects.map((object) => object.key));
}

async function seedOrganization(endpoint: string): Promise<OrgWorld> {
  const common = { region: MOTO_REGION, endpoint, credentials: MOTO_KEYS };
  const organizations = new OrganizationsClient({ ...common, region: 'us-east-1' });
  const kms = new KMSClient(common);
  const s3 = new S3Client({ ...common, forcePathStyle: true, requestChecksumCalculation: 'WHEN_REQUIRED' });
  const cloudTrail = new CloudTrailClient(common);
  try {
    const organizationId = (await organizations.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }))).Organization?.Id ?? '';
    const members: OrgWorld['members'] = [];
    for (const name of ['Workloads Prod', 'Workloads Dev']) {
      const status = await organizations.send(
        new CreateAccountCommand({ AccountName: name, Email: `${name.replace(' ', '.')}@example.com` }),
      );
      members.push({ id: status.CreateAccountStatus?.AccountId ?? '', name });
    }
    const key = (await kms.send(new CreateKeyCommand({ Description: 'organization trail' }))).KeyMetadata?.Arn ?? '';
    const buckets = { plain: 'moto-org-logs', prefixed: 'moto-controltower-logs', prefix: `${organizationId}/` };
    for (const bucket of [buckets.plain, buckets.prefixed])
      await s3.send(new CreateBucketCommand({ Bucket: bucket, CreateBucketConfiguration: { LocationConstraint: MOTO_REGION } }));
    await cloudTrail.send(
      new CreateTrailCommand({
        Name: 'org-trail',
        S3BucketName: buckets.plain,
        KmsKeyId: key,
        IsOrganizationTrail: true,
        IsMultiRegionTrail: true,
      }),
    );
    await cloudTrail.send(
      new CreateTrailCommand({
        Name: 'ct-trail',
        S3BucketName: buckets.prefixed,
        S3KeyPrefix: organizationId,
        KmsKeyId: key,
        IsOrganizationTrail: true,
      }),
    );
    await cloudTrail.send(
      new CreateTrailCommand({ Name: 'was-org-trail', S3BucketName: buckets.plain, S3KeyPrefix: 'legacy', KmsKeyId: key }),
    );
    const logKeys: Record<string, string[]> = {};
    const put = async (bucket: string, objectKey: string, account: string) =>
      s3.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: objectKey,
          Body: gzipText(makeLogDocument(account, MOTO_REGION, 3)),
          ServerSideEncryption: 'aws:kms',
          SSEKMSKeyId: key,
        }),
      );
    for (const [bucket, prefix] of [
      [buckets.plain, ''],
      [buckets.prefixed, buckets.prefix],
    ] as const) {
      for (const { id } of [{ id: MOTO_ACCOUNT }, ...members]) {
        const keys: string[] = [];
        for (const minute of ['0205', '2104']) {
          const objectKey = `${prefix}AWSLogs/${organizationId}/${id}/CloudTrail/${MOTO_REGION}/2026/11/27/${id}_CloudTrail_${MOTO_REGION}_20261127T${minute}Z_abcdefghijklmnop.json.gz`;
          await put(bucket, objectKey, id);
          keys.push(objectKey);
        }
        logKeys[`${bucket}/${id}`] = keys;
      }
    }
    const legacyKey = `legacy/AWSLogs/${organizationId}/${MOTO_ACCOUNT}/CloudTrail/${MOTO_REGION}/2026/11/27/${MOTO_ACCOUNT}_CloudTrail_${MOTO_REGION}_20261127T1200Z_abcdefghijklmnop.json.gz`;
    await put(buckets.plain, legacyKey, MOTO_ACCOUNT);
    return { organizationId, members, buckets, logKeys, legacyKey };
  } finally {
    for (const c of [organizations, kms, s3, cloudTrail]) c.destroy();
  }
}

describe('organization layouts against moto', { timeout: 240_000 }, () => {
  let moto: Moto;
  let world: OrgWorld;
  let profiles: Profiles;
  let clients: AwsClients;
  const global = (): string[] => ['--profile', 'moto', '--endpoint-url', moto.endpoint];

  before(async () => {
    moto = await startMoto();
    world = await seedOrganization(moto.endpoint);
    profiles = writeProfiles({ moto: { ...MOTO_KEYS, region: MOTO_REGION } });
    useEnv({ ...profiles.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' });
    clients = new AwsClients({ profile: 'moto', endpointUrl: moto.endpoint });
  });

  after(async () => {
    clients?.dispose();
    await moto?.stop();
    profiles?.cleanup();
  });

  test('the layout with and without a key prefix: organization, its accounts, regions', async () => {
    const accounts = [MOTO_ACCOUNT, ...world.members.map((m) => m.id)].sort();
    const plain = await detectLogLayout(clients, { bucket: world.buckets.plain, prefix: '' });
    assert.deepEqual(plain.keyPrefixes, ['', 'legacy/'], "the bucket's AWSLogs/ and another trail's prefix beside it");
    assert.deepEqual(plain.logRoots, ['AWSLogs/', 'legacy/AWSLogs/']);
    assert.deepEqual(plain.organizations, [
      { id: world.organizationId, accounts, awsLogs: 'AWSLogs/' },
      { id: world.organizationId, accounts: [MOTO_ACCOUNT], awsLogs: 'legacy/AWSLogs/' },
    ]);
    assert.deepEqual(plain.regions, [MOTO_REGION]);
    const prefixed = await detectLogLayout(clients, { bucket: world.buckets.prefixed, prefix: '' });
    assert.deepEqual(prefixed.keyPrefixes, [world.buckets.prefix]);
    assert.deepEqual(prefixed.organizations, [{ id: world.organizationId, accounts, awsLogs: `${world.buckets.prefix}AWSLogs/` }]);
  });

  test('account names from Organizations ListAccounts', async () => {
    const names = await organizationAccountNames(clients);
    assert.equal(names.unavailable, undefined);
    for (const member of world.members) assert.equal(names.names.get(member.id), member.name);
  });

  test('ls by organization trail (with and without prefix) and by location, per member account; cat decrypts one', async () => {
    for (const [trail, bucket] of [
      ['org-trail', world.buckets.plain],
      ['ct-trail', world.buckets.prefixed],
    ] as const) {
      const accounts = await runMain(['ls', trail, ...global()]);
      assert.equal(accounts.code, 0, accounts.stderr);
      for (const member of world.members)
        assert.match(accounts.stdout, new RegExp(`PRE\\s+s3://${bucket}/\\S*AWSLogs/${world.organizationId}/${member.id}/`));
      for (const member of world.members) {
        const day = await runMain(['ls', trail, '--account-id', member.id, '--date', DAY, '--region', MOTO_REGION, '--json', ...global()]);
        assert.equal(day.code, 0, day.stderr);
        assert.deepEqual(
          (JSON.parse(day.stdout) as { objects: { key: string }[] }).objects.map((o) => o.key),
          world.logKeys[`${bucket}/${member.id}`],
        );
        const location = await runMain(['ls', `s3://${bucket}`, '--account-id', member.id, '--date', DAY, '--json', ...global()]);
        assert.equal(location.code, 0, location.stderr);
        assert.deepEqual(keysOf(location.stdout), world.logKeys[`${bucket}/${member.id}`]);
      }
    }
    const key = world.logKeys[`${world.buckets.prefixed}/${world.members[1].id}`][1];
    const cat = await runMain(['cat', `s3://${world.buckets.prefixed}/${key}`, ...global()]);
    assert.equal(cat.code, 0, cat.stderr);
    assert.equal(
      (JSON.parse(cat.stdout) as { Records: { recipientAccountId: string }[] }).Records[0].recipientAccountId,
      world.members[1].id,
    );
  });

  test('a trail not marked as an organization trail whose logs sit under an organization level is browsed correctly', async () => {
    const trail = { bucket: world.buckets.plain, keyPrefix: 'legacy', account: MOTO_ACCOUNT, isOrganizationTrail: false };
    assert.equal(await organizationOfAccount(clients, trail, MOTO_ACCOUNT), world.organizationId);
    const root = await runMain(['ls', 'was-org-trail', ...global()]);
    assert.equal(root.code, 0, root.stderr);
    assert.match(
      root.stdout,
      new RegExp(`PRE\\s+s3://${world.buckets.plain}/legacy/AWSLogs/${world.organizationId}/${MOTO_ACCOUNT}/CloudTrail/`),
    );
    const day = await runMain(['ls', 'was-org-trail', '--date', DAY, '--json', ...global()]);
    assert.equal(day.code, 0, day.stderr);
    assert.deepEqual(keysOf(day.stdout), [world.legacyKey]);
  });

  test('empty listings name the organization level that holds the logs', async () => {
    const empty = await runMain(['ls', `s3://${world.buckets.prefixed}/${world.buckets.prefix}AWSLogs/${MOTO_ACCOUNT}/`, ...global()]);
    assert.equal(empty.code, 0, empty.stderr);
    assert.equal(
      empty.stdout,
      `Nothing under s3://${world.buckets.prefixed}/${world.buckets.prefix}AWSLogs/${MOTO_ACCOUNT}/. s3://${world.buckets.prefixed}/${world.buckets.prefix}AWSLogs/ holds ${world.organizationId}/: an organization's logs — use --account-id or ls s3://${world.buckets.prefixed}/${world.buckets.prefix}AWSLogs/${world.organizationId}/\n`,
    );
    const nothing = await runMain(['ls', `s3://${world.buckets.plain}/nowhere/`, '--date', DAY, ...global()]);
    assert.equal(nothing.code, 1);
    assert.match(
      nothing.stderr,
      /No CloudTrail logs under s3:\/\/moto-org-logs\/nowhere\/\. Nothing under s3:\/\/moto-org-logs\/nowhere\//,
    );
  });
});
