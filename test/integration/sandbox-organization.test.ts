/**
 * The organization world: organization trails in the management account, logs of every account in a log-archive
 * bucket, seen from the management account, a member account and the log-archive reader — with the real SDK v3
 * clients and the real `aws` CLI (validate-logs --account-id on two member accounts, both trails).
 */
import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { DescribeTrailsCommand, GetTrailStatusCommand, ListTrailsCommand, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import { DescribeKeyCommand, GetKeyPolicyCommand } from '@aws-sdk/client-kms';
import { GetObjectCommand, ListBucketsCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { startSandbox, type OrganizationWorld, type Principal, type Sandbox } from '../sandbox/index';
import { sandboxClients } from './helpers/sandboxClients';
import { awsCli, validateVerdicts, type AwsCli } from './helpers/sandboxAwsCli';
import { organizations } from './helpers/signedCall';

interface Named {
  name: string;
  message: string;
  $metadata?: { httpStatusCode?: number };
}

describe('sandbox organization world', { timeout: 300_000 }, () => {
  let sandbox: Sandbox;
  let org: OrganizationWorld;
  let cli: AwsCli;
  const as = (principal: Principal, region?: string) => sandboxClients(sandbox, { principal, region, maxAttempts: 1 });

  before(async () => {
    sandbox = await startSandbox();
    org = sandbox.world.organization!;
    cli = awsCli(sandbox);
  });
  after(async () => {
    cli?.dispose();
    await sandbox?.stop();
  });

  it('exports the organization: accounts, trails, keys, log and digest keys in the organization layout', () => {
    assert.equal(org.id, 'o-a1b2c3d4e5');
    assert.deepEqual(
      org.accounts.map((a) => a.id),
      [org.managementAccountId, org.logArchiveAccountId, ...org.memberAccountIds],
    );
    assert.equal(sandbox.principals.orgAdmin.accountId, org.managementAccountId);
    assert.equal(sandbox.principals.memberAuditor.accountId, org.memberAccountIds[0]);
    assert.equal(sandbox.principals.logArchiveReader.accountId, org.logArchiveAccountId);
    for (const trail of [org.trails.organization, org.trails.controlTower]) {
      const base = `${trail.s3KeyPrefix ? `${trail.s3KeyPrefix}/` : ''}AWSLogs/${org.id}/`;
      for (const { id } of org.accounts) {
        for (const region of org.regions) {
          const logs = Object.values(trail.logKeys[id][region]).flat();
          assert.ok(logs.length >= 2, `${trail.name} ${id} ${region} has logs`);
          for (const key of logs) {
            assert.ok(key.startsWith(`${base}${id}/CloudTrail/${region}/2026/11/`), key);
            assert.match(
              key.slice(key.lastIndexOf('/') + 1),
              new RegExp(`^${id}_CloudTrail_${region}_\\d{8}T\\d{4}Z_[A-Za-z0-9]{16}\\.json\\.gz$`),
            );
          }
          const digests = trail.digestKeys[id][region];
          assert.equal(digests.length, trail.name === 'organization-trail' ? 24 : 6);
          for (const key of digests) {
            assert.ok(key.startsWith(`${base}${id}/CloudTrail-Digest/${region}/2026/11/`), key);
            assert.match(key, new RegExp(`/${id}_CloudTrail-Digest_${region}_${trail.name}_us-west-2_\\d{8}T\\d{6}Z\\.json\\.gz$`));
          }
        }
      }
    }
    assert.equal(org.trails.controlTower.s3KeyPrefix, org.id, 'the Control Tower layout: the organization id as the prefix');
  });

  it('management account: organization trails, the organization and its accounts', async () => {
    const { cloudtrail, sts } = as(sandbox.principals.orgAdmin);
    assert.equal((await sts.send(new GetCallerIdentityCommand({}))).Account, org.managementAccountId);
    const trails = (await cloudtrail.send(new DescribeTrailsCommand({}))).trailList ?? [];
    assert.deepEqual(trails.map((t) => [t.Name, t.IsOrganizationTrail, t.IsMultiRegionTrail, t.KmsKeyId]).sort(), [
      [org.trails.controlTower.name, true, true, org.trails.controlTower.kmsKeyArn],
      [org.trails.organization.name, true, true, org.trails.organization.kmsKeyArn],
    ]);
    const status = await cloudtrail.send(new GetTrailStatusCommand({ Name: org.trails.organization.name }));
    assert.equal(status.IsLogging, true);
    // Organizations (no SDK v3 client installed here: a signed awsJson call; the aws CLI below uses it too).
    const described = (await organizations(sandbox, sandbox.principals.orgAdmin, 'DescribeOrganization')).json!.Organization as Record<
      string,
      string
    >;
    assert.equal(described.Id, org.id);
    assert.equal(described.MasterAccountId, org.managementAccountId);
    const accounts = (await organizations(sandbox, sandbox.principals.orgAdmin, 'ListAccounts')).json!.Accounts as Array<
      Record<string, string>
    >;
    assert.deepEqual(
      accounts.map((a) => [a.Id, a.Name]),
      org.accounts.map((a) => [a.id, a.name]),
    );
    // The default (standalone) account is not in the organization and sees none of it.
    const outside = await organizations(sandbox, sandbox.principals.admin, 'DescribeOrganization');
    assert.equal(outside.status, 400);
    assert.equal(outside.errorCode, 'AWSOrganizationsNotInUseException');
    const standalone = (await as(sandbox.principals.admin).cloudtrail.send(new DescribeTrailsCommand({}))).trailList ?? [];
    assert.deepEqual(
      standalone.map((t) => t.Name),
      ['management', 'data-events'],
    );
  });

  it('member account: sees the organization trails as the management account’s (shadow) trails, status by ARN only', async () => {
    const member = sandbox.principals.memberAuditor;
    for (const region of org.regions) {
      const trails = (await as(member, region).cloudtrail.send(new DescribeTrailsCommand({}))).trailList ?? [];
      assert.deepEqual(trails.map((t) => t.TrailARN).sort(), [org.trails.controlTower.arn, org.trails.organization.arn].sort());
      for (const t of trails) {
        assert.equal(t.IsOrganizationTrail, true);
        assert.equal(t.HomeRegion, 'us-west-2');
        assert.ok(t.TrailARN?.includes(`:${org.managementAccountId}:trail/`), 'the ARN names the management account');
      }
      const own = await as(member, region).cloudtrail.send(new DescribeTrailsCommand({ includeShadowTrails: false }));
      assert.deepEqual(own.trailList, [], 'without shadow trails a member has none of its own');
      const listed = (await as(member, region).cloudtrail.send(new ListTrailsCommand({}))).Trails ?? [];
      assert.equal(listed.length, 2);
    }
    const { cloudtrail } = as(member);
    await assert.rejects(cloudtrail.send(new GetTrailStatusCommand({ Name: org.trails.organization.name })), (e: Named) => {
      assert.equal(e.name, 'TrailNotFoundException');
      assert.match(e.message, new RegExp(`for the user: ${member.accountId}`));
      return true;
    });
    const status = await cloudtrail.send(new GetTrailStatusCommand({ Name: org.trails.organization.arn }));
    assert.equal(status.IsLogging, true);
    // It may describe the key (the key policy names the member accounts) but neither read the bucket nor decrypt.
    const key = await as(member).kms.send(new DescribeKeyCommand({ KeyId: org.trails.organization.kmsKeyArn }));
    assert.equal(key.KeyMetadata?.AWSAccountId, org.managementAccountId);
    await assert.rejects(as(member).kms.send(new GetKeyPolicyCommand({ KeyId: org.trails.organization.kmsKeyArn })), (e: Named) => {
      assert.equal(e.name, 'NotFoundException', 'GetKeyPolicy does not work across accounts');
      return true;
    });
    await assert.rejects(
      as(member).s3.send(new ListObjectsV2Command({ Bucket: org.trails.organization.bucket, Prefix: 'AWSLogs/' })),
      (e: Named) => {
        assert.equal(e.name, 'AccessDenied');
        assert.equal(
          e.message,
          `User: ${member.arn} is not authorized to perform: s3:ListBucket on resource: "arn:aws:s3:::${org.trails.organization.bucket}" because no resource-based policy allows the s3:ListBucket action`,
        );
        return true;
      },
    );
    const names = ((await as(member).s3.send(new ListBucketsCommand({}))).Buckets ?? []).map((b) => b.Name);
    assert.deepEqual(names, [], 'the log-archive buckets belong to another account');
    assert.equal(((await organizations(sandbox, member, 'DescribeOrganization')).json!.Organization as { Id: string }).Id, org.id);
    assert.equal((await organizations(sandbox, member, 'ListAccounts')).errorCode, 'AccessDeniedException');
    // Its event history holds its own account's events.
    const events = await as(member).cloudtrail.send(new LookupEventsCommand({ EndTime: sandbox.world.now, MaxResults: 5 }));
    assert.ok((events.Events ?? []).length > 0);
    for (const e of events.Events ?? []) {
      assert.equal((JSON.parse(e.CloudTrailEvent!) as { recipientAccountId: string }).recipientAccountId, member.accountId);
    }
  });

  it('log-archive reader: lists and reads the buckets, decrypts with the management account’s keys, may not call CloudTrail', async () => {
    const reader = sandbox.principals.logArchiveReader;
    const { s3, cloudtrail } = as(reader);
    const buckets = ((await s3.send(new ListBucketsCommand({}))).Buckets ?? []).map((b) => b.Name).sort();
    assert.deepEqual(buckets, [org.trails.controlTower.bucket, org.trails.organization.bucket].sort());
    const top = await s3.send(new ListObjectsV2Command({ Bucket: org.trails.organization.bucket, Prefix: 'AWSLogs/', Delimiter: '/' }));
    assert.deepEqual(
      top.CommonPrefixes?.map((p) => p.Prefix),
      [`AWSLogs/${org.id}/`],
    );
    const accounts = await s3.send(
      new ListObjectsV2Command({ Bucket: org.trails.organization.bucket, Prefix: `AWSLogs/${org.id}/`, Delimiter: '/' }),
    );
    assert.deepEqual(
      accounts.CommonPrefixes?.map((p) => p.Prefix),
      [...org.accounts.map((a) => a.id)].sort().map((id) => `AWSLogs/${org.id}/${id}/`),
    );
    const prefixed = await s3.send(new ListObjectsV2Command({ Bucket: org.trails.controlTower.bucket, Delimiter: '/' }));
    assert.deepEqual(
      prefixed.CommonPrefixes?.map((p) => p.Prefix),
      [`${org.id}/`],
    );
    for (const trail of [org.trails.organization, org.trails.controlTower]) {
      const member = org.memberAccountIds[1];
      const key = Object.values(trail.logKeys[member]['eu-central-1']).flat()[0];
      const got = await s3.send(new GetObjectCommand({ Bucket: trail.bucket, Key: key }));
      assert.equal(got.SSEKMSKeyId, trail.kmsKeyArn);
      const doc = JSON.parse(gunzipSync(await got.Body!.transformToByteArray()).toString()) as {
        Records: Array<{ recipientAccountId: string; awsRegion: string }>;
      };
      assert.ok(doc.Records.length > 0);
      for (const r of doc.Records) {
        assert.equal(r.recipientAccountId, member);
        assert.equal(r.awsRegion, 'eu-central-1');
      }
    }
    await assert.rejects(cloudtrail.send(new DescribeTrailsCommand({})), (e: Named) => {
      assert.equal(e.name, 'AccessDeniedException');
      assert.match(e.message, /cloudtrail:DescribeTrails/);
      return true;
    });
  });

  it('aws CLI as the management account: validate-logs --account-id for two member accounts, both trails, both regions', async () => {
    const runs = [org.trails.organization, org.trails.controlTower].flatMap((trail) =>
      org.memberAccountIds.flatMap((account) => org.regions.map((region) => ({ trail, account, region }))),
    );
    // Two CLI processes at a time (each takes seconds to start).
    for (let i = 0; i < runs.length; i += 2) {
      await Promise.all(
        runs.slice(i, i + 2).map(async ({ trail, account, region }) => {
          const r = await cli.run(
            [
              'cloudtrail',
              'validate-logs',
              '--trail-arn',
              trail.arn,
              '--account-id',
              account,
              '--start-time',
              trail.validationWindow.start,
              '--end-time',
              trail.validationWindow.end,
              '--region',
              region,
              '--verbose',
            ],
            { principal: sandbox.principals.orgAdmin },
          );
          assert.equal(r.code, 0, `${trail.name} ${account} ${region}: ${r.stdout}\n${r.stderr}`);
          const { digests, logs } = validateVerdicts(r.stdout);
          const expectedDigests = trail.digestKeys[account][region].map((k) => `s3://${trail.bucket}/${k}`);
          const expectedLogs = Object.values(trail.logKeys[account][region])
            .flat()
            .map((k) => `s3://${trail.bucket}/${k}`);
          assert.deepEqual([...digests.keys()].sort(), expectedDigests.sort());
          assert.deepEqual([...logs.keys()].sort(), expectedLogs.sort());
          assert.ok([...digests.values(), ...logs.values()].every((v) => v === 'valid'));
          const n = expectedDigests.length;
          assert.match(r.stdout, new RegExp(`${n}/${n} digest files valid`));
        }),
      );
    }
  });

  it('aws CLI: without --account-id validate-logs refuses an organization trail; member and log-archive views', async () => {
    const missing = await cli.run(
      [
        'cloudtrail',
        'validate-logs',
        '--trail-arn',
        org.trails.organization.arn,
        '--start-time',
        org.trails.organization.validationWindow.start,
      ],
      { principal: sandbox.principals.orgAdmin },
    );
    assert.notEqual(missing.code, 0);
    assert.match(missing.stderr, /--account-id/);
    const member = await cli.json(['cloudtrail', 'describe-trails'], { principal: sandbox.principals.memberAuditor });
    assert.equal((member.trailList as unknown[]).length, 2);
    const status = await cli.json(['cloudtrail', 'get-trail-status', '--name', org.trails.organization.arn], {
      principal: sandbox.principals.memberAuditor,
    });
    assert.equal(status.IsLogging, true);
    const described = await cli.json(['organizations', 'describe-organization'], { principal: sandbox.principals.memberAuditor });
    assert.equal((described.Organization as { Id: string }).Id, org.id);
    const reader = sandbox.principals.logArchiveReader;
    const ls = await cli.run(['s3', 'ls', `s3://${org.trails.controlTower.bucket}/${org.id}/AWSLogs/${org.id}/`], { principal: reader });
    assert.equal(ls.code, 0, ls.stderr);
    for (const { id } of org.accounts) assert.match(ls.stdout, new RegExp(`PRE ${id}/`));
    const key = Object.values(org.trails.organization.logKeys[org.memberAccountIds[0]]['us-west-2']).flat()[0];
    const cat = await cli.run([], {
      principal: reader,
      shell: `aws s3 cp s3://${org.trails.organization.bucket}/${key} - | gunzip | head -c 12`,
    });
    assert.equal(cat.code, 0, cat.stderr);
    assert.equal(cat.stdout, '{"Records":[');
    const denied = await cli.run(['cloudtrail', 'describe-trails'], { principal: reader });
    assert.notEqual(denied.code, 0);
    assert.match(denied.stderr, /AccessDenied/);
  });
});
