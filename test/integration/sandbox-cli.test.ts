import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startSandbox, type Principal, type Sandbox } from '../sandbox/index';
import { awsCli, type AwsCli } from './helpers/sandboxAwsCli';

/** The real `aws` CLI (v1) against the sandbox: keeps the emulation honest about wire formats and the digest chain. */
describe('sandbox through the real aws CLI', () => {
  let sandbox: Sandbox;
  let cli: AwsCli;
  const run: AwsCli['run'] = (args, o) => cli.run(args, o);
  const json = async (args: string[], o: { principal?: Principal; region?: string } = {}) => {
    const r = await run([...args, '--output', 'json'], o);
    assert.equal(r.code, 0, `aws ${args.join(' ')} failed: ${r.stderr}`);
    return JSON.parse(r.stdout) as Record<string, unknown>;
  };

  before(async () => {
    sandbox = await startSandbox();
    cli = awsCli(sandbox);
  });
  after(async () => {
    await sandbox.stop();
    cli.dispose();
  });

  it('cloudtrail describe-trails, kms list-aliases / describe-key, sts get-caller-identity', async () => {
    const trails = (await json(['cloudtrail', 'describe-trails'])).trailList as Array<Record<string, unknown>>;
    assert.deepEqual(
      trails.map((t) => t.Name),
      ['management', 'data-events'],
    );
    assert.equal(trails[0].KmsKeyId, sandbox.world.keys.healthy.arn);
    const aliases = (await json(['kms', 'list-aliases'])).Aliases as Array<Record<string, unknown>>;
    assert.ok(aliases.some((a) => a.AliasName === 'alias/cloudtrail-logs' && a.TargetKeyId === sandbox.world.keys.healthy.keyId));
    const key = (await json(['kms', 'describe-key', '--key-id', 'alias/cloudtrail-logs'])).KeyMetadata as Record<string, unknown>;
    assert.equal(key.Arn, sandbox.world.keys.healthy.arn);
    assert.equal(key.KeySpec, 'SYMMETRIC_DEFAULT');
    const who = await json(['sts', 'get-caller-identity'], { principal: sandbox.principals.auditor });
    assert.equal(who.Arn, sandbox.principals.auditor.arn);
  });

  it('s3 ls --recursive, s3api head-object, s3 cp … - | gunzip', async () => {
    const bucket = sandbox.world.buckets.logs.name;
    const ls = await run(['s3', 'ls', '--recursive', `s3://${bucket}/org-audit/AWSLogs/111122223333/CloudTrail/eu-central-1/`]);
    assert.equal(ls.code, 0, ls.stderr);
    const listed = ls.stdout
      .trim()
      .split('\n')
      .map((line) => line.trim().split(/\s+/).pop());
    assert.deepEqual(listed, Object.values(sandbox.world.logKeys['eu-central-1']).flat());

    const key = sandbox.world.logKeys['us-west-2']['2026-11-25'][0];
    const head = await json(['s3api', 'head-object', '--bucket', bucket, '--key', key]);
    assert.equal(head.ServerSideEncryption, 'aws:kms');
    assert.equal(head.SSEKMSKeyId, sandbox.world.keys.healthy.arn);

    const cat = await run([], { shell: `aws s3 cp 's3://${bucket}/${key}' - | gunzip` });
    assert.equal(cat.code, 0, cat.stderr);
    const doc = JSON.parse(cat.stdout) as { Records: Array<{ eventTime: string }> };
    assert.ok(doc.Records.length > 0 && doc.Records.every((r) => r.eventTime.startsWith('2026-11-2')));
  });

  it('the auditor reading an SSE-KMS log gets the AccessDenied that names kms:Decrypt', async () => {
    const key = sandbox.world.logKeys['us-west-2']['2026-11-25'][0];
    const r = await run(['s3api', 'get-object', '--bucket', sandbox.world.buckets.logs.name, '--key', key, '/dev/null'], {
      principal: sandbox.principals.auditor,
    });
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /AccessDenied/);
    assert.match(r.stderr, /not authorized to perform: kms:Decrypt on resource: arn:aws:kms:us-west-2:111122223333:key\/1234abcd/);
  });

  it('cloudtrail lookup-events', async () => {
    const out = await json([
      'cloudtrail',
      'lookup-events',
      '--lookup-attributes',
      'AttributeKey=EventName,AttributeValue=ConsoleLogin',
      '--max-results',
      '5',
      '--no-paginate',
    ]);
    const events = out.Events as Array<Record<string, unknown>>;
    assert.equal(events.length, 5);
    assert.ok(events.every((e) => e.EventName === 'ConsoleLogin' && typeof e.CloudTrailEvent === 'string'));
  });

  it('cloudtrail validate-logs: every seeded log valid except the tampered one (home region chain)', async () => {
    const r = await run([
      'cloudtrail',
      'validate-logs',
      '--trail-arn',
      sandbox.world.trails.management.arn,
      '--start-time',
      '2026-11-24T00:00:00Z',
      '--end-time',
      '2026-11-27T01:00:00Z',
      '--verbose',
    ]);
    assert.equal(r.code, 1, 'exit code 1 because one log is invalid');
    // Invalid lines go to stderr, valid ones to stdout.
    const lines = `${r.stdout}\n${r.stderr}`.split('\n');
    const bucket = sandbox.world.buckets.logs.name;
    for (const key of Object.values(sandbox.world.logKeys['us-west-2']).flat()) {
      const expected = key === sandbox.world.tamperedLogKey ? "INVALID: hash value doesn't match" : 'valid';
      assert.ok(lines.includes(`Log file\ts3://${bucket}/${key}\t${expected}`), `${key} should be ${expected}`);
    }
    for (const key of sandbox.world.digestKeys['us-west-2'])
      assert.ok(lines.includes(`Digest file\ts3://${bucket}/${key}\tvalid`), `digest ${key} valid`);
    assert.match(r.stdout, /72\/72 digest files valid/);
    assert.match(r.stdout, /17\/18 log files valid, 1\/18 log files INVALID/);
  });

  // validate-logs takes the digest (source) region from --region only, not from AWS_DEFAULT_REGION.
  it('cloudtrail validate-logs --region eu-central-1: the other region chain is all valid', async () => {
    const r = await run([
      'cloudtrail',
      'validate-logs',
      '--trail-arn',
      sandbox.world.trails.management.arn,
      '--start-time',
      '2026-11-24T00:00:00Z',
      '--end-time',
      '2026-11-27T01:00:00Z',
      '--region',
      'eu-central-1',
    ]);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /72\/72 digest files valid/);
    assert.match(r.stdout, /18\/18 log files valid/);
  });
});
