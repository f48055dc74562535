import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startSandbox, type Principal, type Sandbox } from '../sandbox/index';

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The real `aws` CLI (v1) against the sandbox: keeps the emulation honest about wire formats and the digest chain. */
describe('sandbox through the real aws CLI', () => {
  let sandbox: Sandbox;
  let dir: string;

  const run = (args: string[], o: { principal?: Principal; region?: string; shell?: string } = {}) =>
    new Promise<CliResult>((resolve) => {
      const p = o.principal ?? sandbox.principals.admin;
      const env = {
        PATH: process.env.PATH,
        HOME: dir,
        AWS_ENDPOINT_URL: sandbox.endpoint,
        AWS_ACCESS_KEY_ID: p.accessKeyId,
        AWS_SECRET_ACCESS_KEY: p.secretAccessKey,
        AWS_DEFAULT_REGION: o.region ?? sandbox.region,
        AWS_CONFIG_FILE: join(dir, 'config'),
        AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
        AWS_PAGER: '',
      };
      const [file, argv] = o.shell ? ['sh', ['-c', o.shell]] : ['aws', args];
      execFile(file, argv, { env, timeout: 60_000, maxBuffer: 32 * 1024 * 1024 }, (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 127) : 0;
        resolve({ code, stdout: String(stdout), stderr: String(stderr) });
      });
    });
  const json = async (args: string[], o: { principal?: Principal; region?: string } = {}) => {
    const r = await run([...args, '--output', 'json'], o);
    assert.equal(r.code, 0, `aws ${args.join(' ')} failed: ${r.stderr}`);
    return JSON.parse(r.stdout) as Record<string, unknown>;
  };

  before(async () => {
    sandbox = await startSandbox();
    dir = mkdtempSync(join(tmpdir(), 'ct-sandbox-cli-'));
    writeFileSync(join(dir, 'config'), '[default]\ns3 =\n  addressing_style = path\n');
    writeFileSync(join(dir, 'credentials'), '');
  });
  after(async () => {
    await sandbox.stop();
    rmSync(dir, { recursive: true, force: true });
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
    const r = await run(
      ['s3api', 'get-object', '--bucket', sandbox.world.buckets.logs.name, '--key', key, join(dir, 'should-not-exist.gz')],
      { principal: sandbox.principals.auditor },
    );
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
