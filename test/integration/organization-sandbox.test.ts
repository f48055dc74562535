/**
 * Organizations and log-archive accounts (issue 15) against the sandbox's organization world: the AWS layer the tree
 * uses (layout detection, accounts with names, days newest first, keys across accounts), and `ls` / `cat` / `validate`
 * for two member accounts — validate compared verdict by verdict with the real `aws cloudtrail validate-logs
 * --account-id` on the same world — as the management account, a member and the log-archive reader.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AwsClients } from '../../src/aws/clients';
import { fetchLog } from '../../src/aws/fetchLog';
import { describeTrailKey } from '../../src/aws/keys';
import { DayPager } from '../../src/aws/logDays';
import { detectLogLayout } from '../../src/aws/logLocations';
import { organizationAccountNames } from '../../src/aws/organizations';
import { listTrails } from '../../src/aws/trails';
import { layoutSummary } from '../../src/core/logs/layoutHints';
import { startSandbox, type OrganizationWorld, type Sandbox } from '../sandbox';
import { awsCli, validateVerdicts, type AwsCli } from './helpers/sandboxAwsCli';
import { cleanEnv, runCli, runMain, useEnv, writeProfiles, type Profiles } from './awsTestSupport';

type Who = 'orgAdmin' | 'memberAuditor' | 'logArchiveReader';

describe('organization trails and log-archive locations against the sandbox', { timeout: 600_000 }, () => {
  let sandbox: Sandbox;
  let org: OrganizationWorld;
  let profiles: Profiles;
  let env: Record<string, string>;
  let cli: AwsCli;
  const clients: Partial<Record<Who, AwsClients>> = {};
  const as = (who: Who): string[] => ['--profile', who, '--endpoint-url', sandbox.endpoint];
  const client = (who: Who): AwsClients =>
    (clients[who] ??= new AwsClients({ profile: who, endpointUrl: sandbox.endpoint, regions: [sandbox.region] }));
  const members = (): string[] => org.memberAccountIds;

  before(async () => {
    sandbox = await startSandbox();
    org = sandbox.world.organization!;
    const p = sandbox.principals;
    const profile = (who: Who) => ({ accessKeyId: p[who].accessKeyId, secretAccessKey: p[who].secretAccessKey, region: sandbox.region });
    profiles = writeProfiles({
      orgAdmin: profile('orgAdmin'),
      memberAuditor: profile('memberAuditor'),
      logArchiveReader: profile('logArchiveReader'),
    });
    env = cleanEnv(profiles.env);
    useEnv(profiles.env);
    cli = awsCli(sandbox);
  });

  after(async () => {
    for (const c of Object.values(clients)) c?.dispose();
    cli?.dispose();
    await sandbox?.stop();
    profiles?.cleanup();
  });

  test('the log-archive reader finds the layout of both buckets: organization, accounts, regions, the Control Tower prefix', async () => {
    const plain = await detectLogLayout(client('logArchiveReader'), { bucket: org.trails.organization.bucket, prefix: '' });
    assert.deepEqual(plain.keyPrefixes, ['']);
    assert.deepEqual(plain.logRoots, ['AWSLogs/']);
    assert.deepEqual(plain.organizations, [{ id: org.id, accounts: org.accounts.map((a) => a.id).sort(), awsLogs: 'AWSLogs/' }]);
    assert.deepEqual(plain.regions, [...org.regions].sort());
    assert.equal(layoutSummary(plain), `organization ${org.id} · 4 accounts · ${[...org.regions].sort().join(', ')}`);
    const tower = await detectLogLayout(client('logArchiveReader'), { bucket: org.trails.controlTower.bucket, prefix: '' });
    assert.deepEqual(tower.keyPrefixes, [`${org.id}/`], 'AWSLogs/ one folder down (the Control Tower prefix) is found');
    assert.deepEqual(tower.logRoots, [`${org.id}/AWSLogs/`]);
    const inside = await detectLogLayout(client('logArchiveReader'), {
      bucket: org.trails.controlTower.bucket,
      prefix: `${org.id}/AWSLogs/${org.id}/${members()[0]}`,
    });
    assert.deepEqual(inside.logRoots, [`${org.id}/AWSLogs/${org.id}/${members()[0]}/`]);
    assert.deepEqual(
      inside.organizations.map((o) => o.accounts),
      [[members()[0]]],
    );
    const none = await detectLogLayout(client('orgAdmin'), { bucket: org.trails.organization.bucket, prefix: 'no-such-prefix/' });
    assert.match(none.notFound ?? '', /Nothing under s3:\/\/aws-cloudtrail-logs-321098765432-org\/no-such-prefix\//);
  });

  test('account names: the management account reads them; a member and the log-archive reader get ids and the reason', async () => {
    const admin = await organizationAccountNames(client('orgAdmin'));
    assert.equal(admin.unavailable, undefined);
    assert.deepEqual(Object.fromEntries(admin.names), Object.fromEntries(org.accounts.map((a) => [a.id, a.name])));
    for (const who of ['memberAuditor', 'logArchiveReader'] as const) {
      const names = await organizationAccountNames(client(who));
      assert.equal(names.names.size, 0);
      assert.match(
        names.unavailable ?? '',
        /only the management account or a delegated administrator may call \(organizations:ListAccounts\)/,
        who,
      );
    }
  });

  test("a member account's day, newest first, then its files decrypted by the log-archive reader", async () => {
    const trail = org.trails.organization;
    const member = members()[1];
    const region = org.regions[0];
    const pager = new DayPager(client('logArchiveReader'), {
      bucket: trail.bucket,
      prefix: `AWSLogs/${org.id}/${member}/CloudTrail/${region}/`,
    });
    const page = await pager.next();
    assert.deepEqual(
      page.days.map((d) => d.prefix.split('/').slice(-4, -1).join('-')),
      Object.keys(trail.logKeys[member][region]).sort().reverse(),
    );
    assert.equal(page.more, false);
    const key = trail.logKeys[member][region][trail.days[0]][0];
    const fetched = await fetchLog(client('logArchiveReader'), { bucket: trail.bucket, key });
    assert.ok((JSON.parse(fetched.text) as { Records: unknown[] }).Records.length > 0);
    assert.equal(fetched.sse.kmsKeyId, trail.key.arn);
  });

  test("keys across accounts: a member describes the organization's key; the log-archive reader gets an explanation, not a broken key", async () => {
    const memberView = await listTrails(client('memberAuditor'), [sandbox.region]);
    const orgTrail = memberView.find((t) => t.arn === org.trails.organization.arn);
    assert.ok(orgTrail?.isOrganizationTrail);
    assert.equal(orgTrail?.account, org.managementAccountId);
    assert.equal(orgTrail?.key?.keyState, 'Enabled', orgTrail?.keyError);
    assert.ok(!orgTrail?.key?.flags.some((f) => f.severity === 'error'));
    const reader = await describeTrailKey(client('logArchiveReader'), org.trails.organization.key.arn, {
      callerAccount: org.logArchiveAccountId,
    });
    assert.deepEqual(
      reader.flags.map((f) => [f.code, f.severity]),
      [['describeDenied', 'info']],
    );
    assert.match(
      reader.flags[0].message,
      new RegExp(`belongs to account ${org.managementAccountId}, not yours \\(${org.logArchiveAccountId}\\).*kms:DescribeKey`),
    );
    const admin = await describeTrailKey(client('orgAdmin'), org.trails.organization.key.arn, { callerAccount: org.managementAccountId });
    assert.equal(admin.alias, org.trails.organization.key.alias);
  });

  test('ls for two member accounts: by trail as the management account, by location as the log-archive reader', async () => {
    for (const trail of [org.trails.organization, org.trails.controlTower]) {
      for (const member of members()) {
        const day = trail.days[trail.days.length - 1];
        const expected = org.regions.map((region) => trail.logKeys[member][region][day] ?? []);
        const byTrail = await runMain(['ls', trail.name, '--account-id', member, '--date', day, '--json', ...as('orgAdmin')]);
        assert.equal(byTrail.code, 0, byTrail.stderr);
        const pages = JSON.parse(byTrail.stdout) as { prefix: string; objects: { key: string }[] }[];
        const byRegion = (ps: typeof pages) =>
          org.regions.map((region) => ps.find((p) => p.prefix.includes(`/${region}/`))?.objects.map((o) => o.key) ?? []);
        assert.deepEqual(byRegion(pages), expected, `${trail.name} ${member}`);
        const bucketUri = `s3://${trail.bucket}`;
        const byLocation = await runMain(['ls', bucketUri, '--account-id', member, '--date', day, '--json', ...as('logArchiveReader')]);
        assert.equal(byLocation.code, 0, byLocation.stderr);
        assert.deepEqual(byRegion(JSON.parse(byLocation.stdout) as typeof pages), expected, `location ${trail.name} ${member}`);
      }
    }
    const accounts = await runCli(['ls', org.trails.organization.name, ...as('orgAdmin')], env);
    assert.equal(accounts.code, 0, accounts.stderr);
    for (const { id } of org.accounts) assert.match(accounts.stdout, new RegExp(`PRE\\s+s3://\\S+/AWSLogs/${org.id}/${id}/`));
    assert.match(accounts.stderr, /organization trail: these are its member accounts; give --account-id to list one/);
  });

  test('empty listings say what is there instead', async () => {
    const bucket = org.trails.organization.bucket;
    const direct = await runCli(['ls', `s3://${bucket}/AWSLogs/${members()[0]}/`, ...as('logArchiveReader')], env);
    assert.equal(direct.code, 0, direct.stderr);
    assert.equal(
      direct.stdout,
      `Nothing under s3://${bucket}/AWSLogs/${members()[0]}/. s3://${bucket}/AWSLogs/ holds ${org.id}/: an organization's logs — use --account-id or ls s3://${bucket}/AWSLogs/${org.id}/\n`,
    );
    const day = await runMain([
      'ls',
      org.trails.organization.name,
      '--account-id',
      members()[0],
      '--date',
      '2026-11-20',
      '--region',
      'us-west-2',
      ...as('orgAdmin'),
    ]);
    assert.equal(day.code, 0, day.stderr);
    assert.match(day.stdout, /^Nothing under s3:\/\/\S+\/2026\/11\/20\/\. s3:\/\/\S+\/us-west-2\/2026\/11\/ holds days 26\/\.\n$/);
    const needAccount = await runMain(['ls', org.trails.organization.name, '--date', '2026-11-26', ...as('orgAdmin')]);
    assert.equal(needAccount.code, 1);
    assert.match(
      needAccount.stderr,
      new RegExp(
        `organization trail: its logs are kept per member account\\. The accounts under s3://${bucket}/AWSLogs/${org.id}/: ${org.accounts
          .map((a) => a.id)
          .sort()
          .join(', ')}\\. Give --account-id`,
      ),
    );
    const which = await runMain(['ls', `s3://${bucket}`, '--date', '2026-11-26', ...as('logArchiveReader')]);
    assert.equal(which.code, 1);
    assert.match(
      which.stderr,
      /holds the logs of 4 accounts: choose one\. The accounts there: 210987654321, 321098765432, 432109876543, 543210987654\. Give --account-id/,
    );
    const denied = await runMain(['ls', org.trails.organization.name, '--account-id', members()[0], ...as('memberAuditor')]);
    assert.equal(denied.code, 1);
    assert.match(denied.stderr, /s3:ListBucket/);
  });

  test('cat of a member account log as the log-archive reader equals `aws s3 cp … - | gunzip`', async () => {
    for (const member of members()) {
      const trail = org.trails.controlTower;
      const key = trail.logKeys[member][org.regions[1]][trail.days[0]][0];
      const uri = `s3://${trail.bucket}/${key}`;
      const ours = await runCli(['cat', uri, '--raw', ...as('logArchiveReader')], env);
      assert.equal(ours.code, 0, ours.stderr);
      const theirs = await cli.run([], { principal: sandbox.principals.logArchiveReader, shell: `aws s3 cp '${uri}' - | gunzip` });
      assert.equal(theirs.code, 0, theirs.stderr);
      assert.equal(ours.stdout.replace(/\n$/, ''), theirs.stdout.replace(/\n$/, ''));
    }
  });

  test('validate --account-id for two member accounts gives the verdicts of `aws cloudtrail validate-logs --account-id`; so does the s3:// location', async () => {
    const trail = org.trails.organization;
    const region = org.regions[1];
    for (const member of members()) {
      const window = ['--start-time', trail.validationWindow.start, '--end-time', trail.validationWindow.end, '--region', region];
      const [ours, location, theirs] = await Promise.all([
        runCli(['validate', trail.arn, '--account-id', member, ...window, ...as('orgAdmin')], env),
        runCli(['validate', `s3://${trail.bucket}`, '--account-id', member, ...window, ...as('orgAdmin')], env),
        cli.run(['cloudtrail', 'validate-logs', '--trail-arn', trail.arn, '--account-id', member, ...window, '--verbose'], {
          principal: sandbox.principals.orgAdmin,
        }),
      ]);
      assert.equal(theirs.code, 0, theirs.stderr);
      assert.equal(ours.code, 0, ours.stderr);
      assert.equal(location.code, 0, location.stderr);
      const expected = validateVerdicts(theirs.stdout);
      assert.equal(expected.digests.size, trail.digestKeys[member][region].length);
      for (const run of [ours, location]) {
        const got = validateVerdicts(run.stdout);
        assert.deepEqual([...got.digests].sort(), [...expected.digests].sort(), member);
        assert.deepEqual([...got.logs].sort(), [...expected.logs].sort(), member);
      }
      assert.match(location.stdout, new RegExp(`for trail ${trail.name} \\(home region us-west-2, from its digest files\\)`));
    }
    const needAccount = await runMain(['validate', trail.name, '--start-time', trail.validationWindow.start, ...as('orgAdmin')]);
    assert.equal(needAccount.code, 1);
    assert.match(
      needAccount.stderr,
      /organization trail: give --account-id.*Each member account has its own digest chain\. The accounts under s3:\/\/\S+: 210987654321, /s,
    );
    const reader = await runMain([
      'validate',
      `s3://${trail.bucket}`,
      '--account-id',
      members()[0],
      '--start-time',
      trail.validationWindow.start,
      ...as('logArchiveReader'),
    ]);
    assert.equal(reader.code, 1, 'the log-archive reader may not call CloudTrail ListPublicKeys');
    assert.match(reader.stderr, /ListPublicKeys/);
  });
});
