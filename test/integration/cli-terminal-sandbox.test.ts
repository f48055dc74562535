// Issue 12, item 5: S3 keys, log values and endpoint text reach the terminal only escaped — checked by running the
// built CLI (`node dist/cli.js`, a real process writing to a pipe) against hostile objects in the sandbox.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { startSandbox, type Sandbox } from '../sandbox';
import { AwsClients } from '../../src/aws/clients';
import { CLI, cleanEnv, gzipText, runCli, useEnv, writeProfiles, type Profiles } from './awsTestSupport';

/** Window title (OSC 0), screen clear (CSI 2J), an OSC 8 link, a C1 CSI, a bare CR, a bidi override, DEL. */
const HOSTILE =
  '\u001b]0;pwned\u0007\u001b[2J\u001b]8;;https://evil.example\u001b\\click\u001b]8;;\u001b\\ \u009b31m red\rover \u202eevil\u202c\u007f';
/** As an S3 key: without the slashes (a slash makes it a folder in `ls`). */
const HOSTILE_KEY = HOSTILE.split('/').join('_');
const RAW = ['\u001b', '\u0007', '\u009b', '\u202e', '\u202c', '\u007f'];

function assertNoRaw(output: string, what: string): void {
  for (const raw of RAW) assert.ok(!output.includes(raw), `${what}: a raw U+${raw.charCodeAt(0).toString(16).padStart(4, '0')}`);
  assert.ok(!/\r(?!\n)/.test(output), `${what}: a bare CR`);
}

describe('CLI output is escaped for the terminal', { timeout: 240_000 }, () => {
  let sandbox: Sandbox;
  let profiles: Profiles;
  let env: Record<string, string>;
  let dir: string;
  const as = (): string[] => ['--profile', 'admin', '--endpoint-url', sandbox.endpoint];
  const folder = 'hostile/';

  before(async () => {
    sandbox = await startSandbox();
    const { admin } = sandbox.principals;
    profiles = writeProfiles({ admin: { accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey, region: sandbox.region } });
    env = cleanEnv(profiles.env);
    useEnv(profiles.env);
    dir = mkdtempSync(join(tmpdir(), 'ct-terminal-'));
    const record = {
      eventVersion: '1.08',
      userIdentity: { type: 'IAMUser', userName: HOSTILE, arn: `arn:aws:iam::111122223333:user/${HOSTILE}`, accountId: '111122223333' },
      eventTime: '2026-11-25T01:00:00Z',
      eventSource: 'kms.amazonaws.com',
      eventName: 'Decrypt',
      awsRegion: 'us-west-2',
      userAgent: HOSTILE,
      errorCode: HOSTILE,
      requestParameters: { encryptionContext: { 'aws:s3:arn': `arn:aws:s3:::bucket/${HOSTILE}` } },
    };
    const log = JSON.stringify({ Records: [record] });
    writeFileSync(join(dir, 'hostile.json'), log);
    const clients = new AwsClients({ profile: 'admin', regions: [sandbox.region], endpointUrl: sandbox.endpoint });
    try {
      const s3 = clients.s3(sandbox.region);
      const bucket = sandbox.world.buckets.logs.name;
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: `${folder}${HOSTILE_KEY}.json.gz`, Body: gzipText(log) }));
      // Invalid JSON with raw control characters: `cat` shows it as stored, but escaped.
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: `${folder}raw.json.gz`, Body: gzipText(`{"Records": "${HOSTILE}"`) }));
    } finally {
      clients.dispose();
    }
  });

  after(async () => {
    await sandbox?.stop();
    profiles?.cleanup();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('ls: an S3 key with ESC sequences, CR and a bidi override is printed escaped, still recognisable', async () => {
    const result = await runCli(['ls', `s3://${sandbox.world.buckets.logs.name}/${folder}`, ...as()], env);
    assert.equal(result.code, 0, result.stderr);
    assertNoRaw(result.stdout, 'ls');
    assert.ok(result.stdout.includes('\\u001b]0;pwned\\u0007\\u001b[2J'), result.stdout);
    // The sandbox's listing, like S3's XML without encoding-type=url, turns the CR into a newline: escaped in its cell.
    assert.ok(result.stdout.includes('\\u009b31m red\\u000aover \\u202eevil\\u202c\\u007f.json.gz'), result.stdout);
    assert.equal(result.stdout.trimEnd().split('\n').length, 3, 'a header and two rows');
  });

  test('cat: pretty-printed JSON stays the same JSON; invalid JSON shown as stored is escaped too', async () => {
    const bucket = sandbox.world.buckets.logs.name;
    const good = await runCli(['cat', `s3://${bucket}/${folder}${HOSTILE_KEY}.json.gz`, ...as()], env);
    assert.equal(good.code, 0, good.stderr);
    assertNoRaw(good.stdout, 'cat');
    assert.equal((JSON.parse(good.stdout) as { Records: { userAgent: string }[] }).Records[0].userAgent, HOSTILE);
    const raw = await runCli(['cat', `s3://${bucket}/${folder}raw.json.gz`, '--raw', ...as()], env);
    assert.equal(raw.code, 0, raw.stderr);
    assertNoRaw(raw.stdout, 'cat --raw');
    assert.ok(raw.stdout.includes('\\u001b]0;pwned'));
  });

  test('explain (text and --all) and an error that names a hostile key', async () => {
    const file = join(dir, 'hostile.json');
    for (const args of [['--path', 'Records[0].userAgent'], ['--path', 'Records[0].errorCode'], ['--all']]) {
      const result = await runCli(['explain', file, ...args], env);
      assert.equal(result.code, 0, result.stderr);
      assertNoRaw(result.stdout, `explain ${args.join(' ')}`);
    }
    // The story of the record names the user: shown, escaped.
    const text = await runCli(['explain', file, '--path', 'Records[0].errorCode'], env);
    assert.ok(text.stdout.includes('IAM user \\u001b]0;pwned\\u0007\\u001b[2J\\u001b]8;;https://evil'), text.stdout);
    assert.ok(text.stdout.includes('\\u009b31m red\\u000dover \\u202eevil\\u202c\\u007f tried to decrypt'), text.stdout);
    const missing = await runCli(['cat', `s3://${sandbox.world.buckets.logs.name}/${folder}missing-${HOSTILE}.json.gz`, ...as()], env);
    assert.equal(missing.code, 1);
    assertNoRaw(missing.stderr, 'cat error');
    assert.ok(missing.stderr.includes('\\u001b]0;pwned'), missing.stderr);
  });
});

test('stdout on a full disk (/dev/full: ENOSPC): one sentence on stderr and exit 1, no stack trace (main printed one)', () => {
  const full = openSync('/dev/full', 'w');
  try {
    const result = spawnSync(process.execPath, [CLI, 'explain', '--help'], {
      stdio: ['ignore', full, 'pipe'],
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.equal(result.status, 1);
    assert.match(
      result.stderr,
      /^Cannot write the output: ENOSPC: no space left on device, write\. Check the disk or the pipe it goes to\.\n$/,
    );
  } finally {
    closeSync(full);
  }
});
