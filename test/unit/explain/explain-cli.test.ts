import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { main } from '../../../src/cli';
import { seed } from './corpus';

const dir = mkdtempSync(join(tmpdir(), 'ct-explain-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(['explain', ...args], {
    stdout: {
      write: (t: string) => {
        stdout += t;
      },
    },
    stderr: {
      write: (t: string) => {
        stderr += t;
      },
    },
  });
  return { code, stdout, stderr };
}

const logFile = JSON.stringify({ Records: [JSON.parse(seed('configured')), JSON.parse(seed('stored')), JSON.parse(seed('read'))] });

test('--all prints one JSON line per object key, with titles, text and typed links; .json.gz works the same', async () => {
  const plain = await cli(file('log.json', logFile), '--all');
  const gz = await cli(file('log.json.gz', gzipSync(logFile)), '--all');
  assert.equal(plain.code, 0, plain.stderr);
  assert.equal(gz.stdout, plain.stdout);
  const lines = plain.stdout
    .trim()
    .split('\n')
    .map(
      (line) =>
        JSON.parse(line) as { path: string; offset: number; title: string | null; text: string; links: { kind: string; target: string }[] },
    );
  assert.ok(lines.length > 100);
  for (const line of lines) {
    assert.deepEqual(Object.keys(line), ['path', 'offset', 'title', 'text', 'links', 'specific']);
    assert.ok(line.title, line.path);
    assert.equal(logFile[line.offset], '"');
  }
  const context = lines.find((l) => l.path === 'Records[1].requestParameters.encryptionContext.aws:s3:arn');
  assert.ok(context, 'no line for the encryption context key');
  assert.deepEqual(
    context.links
      .filter((l) => l.kind !== 'doc')
      .map((l) => l.kind)
      .sort(),
    ['kmsKey', 's3Object', 'trail'],
  );
  assert.match(
    context.links.find((l) => l.kind === 's3Object')?.target ?? '',
    /^s3:\/\/example-bucket-for-CT-logs\/AWSLogs\/111122223333\/CloudTrail\/us-west-2\/2015\/11\/11\//,
  );
});

test('--all gives title null for keys nothing is known about', async () => {
  const event = { ...JSON.parse(seed('read')), somethingNew: { inner: 1 } };
  const { code, stdout } = await cli(file('new.json', JSON.stringify(event)), '--all');
  assert.equal(code, 0);
  const lines = stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { path: string; title: string | null });
  assert.equal(lines.find((l) => l.path === 'somethingNew')?.title, null);
  assert.equal(lines.find((l) => l.path === 'somethingNew.inner')?.title, null);
});

test('--path and --offset explain one place; --json prints the same line shape', async () => {
  const path = file('one.json', logFile);
  const byPath = await cli(path, '--path', 'Records[2].userIdentity.type', '--json');
  assert.equal(byPath.code, 0, byPath.stderr);
  const line = JSON.parse(byPath.stdout) as { path: string; offset: number; title: string };
  assert.equal(line.path, 'Records[2].userIdentity.type');
  assert.equal(line.title, 'userIdentity.type — Kind of principal');
  const byOffset = await cli(path, '--offset', String(line.offset + 2));
  assert.equal(byOffset.code, 0);
  assert.match(byOffset.stdout, /^userIdentity\.type — Kind of principal\n\(Records\[2\]\.userIdentity\.type, characters \d+-\d+\)/);
  const quoted = await cli(path, '--path', 'Records[0].requestParameters.encryptionContext["aws:cloudtrail:arn"]');
  assert.equal(quoted.code, 0, quoted.stderr);
  assert.match(quoted.stdout, /Encryption context set by AWS CloudTrail/);
  assert.match(quoted.stdout, /trail: arn:aws:cloudtrail:us-west-2:111122223333:trail\/Default/);
});

test('usage errors exit 2 with the usage text', async () => {
  const path = file('u.json', logFile);
  for (const args of [
    [],
    [path],
    [path, '--all', '--offset', '3'],
    [path, '--offset', '-1'],
    [path, '--offset'],
    [path, '--bogus'],
    [path, path, '--all'],
    [path, '--path', '..x'],
    [path, '--offset', String(logFile.length + 5)],
  ]) {
    const result = await cli(...args);
    assert.equal(result.code, 2, `${args.join(' ')} → ${result.stderr}`);
    assert.ok(result.stderr.length > 0);
  }
  const help = await cli('--help');
  assert.equal(help.code, 0);
  assert.match(help.stdout, /--offset N/);
});

test('unreadable or invalid input exits 1 with a message that says what is wrong', async () => {
  const cases: [string, RegExp][] = [
    [join(dir, 'missing.json'), /Cannot read .*missing\.json: ENOENT/],
    [file('broken.json', logFile.slice(0, 500)), /is not valid JSON .*Expected a CloudTrail log file/],
    [
      file('broken.json.gz', Buffer.concat([gzipSync(logFile).subarray(0, 40)])),
      /broken\.json\.gz ends before its gzip stream is complete/,
    ],
    [file('package.json', JSON.stringify({ name: 'x', version: '1.0.0' })), /does not look like CloudTrail JSON/],
  ];
  for (const [path, message] of cases) {
    const result = await cli(path, '--all');
    assert.equal(result.code, 1, path);
    assert.match(result.stderr, message);
    assert.equal(result.stdout, '');
  }
  const nothing = await cli(file('n.json', logFile), '--offset', '0');
  assert.equal(nothing.code, 1);
  assert.match(nothing.stderr, /Nothing to explain at offset 0/);
  const missingPath = await cli(file('m.json', logFile), '--path', 'Records[9].eventName');
  assert.equal(missingPath.code, 1);
  assert.match(missingPath.stderr, /has nothing at Records\[9\]\.eventName/);
});

test('--all marks generic catch-all explanations specific: false, known fields specific: true', async () => {
  const event = JSON.parse(seed('read')) as Record<string, Record<string, unknown>>;
  event.requestParameters.someNewMember = 'x';
  event.requestParameters.encryptionContext = { 'aws:newservice:id': 'y', Department: 'z' };
  const { code, stdout } = await cli(file('specific.json', JSON.stringify(event)), '--all');
  assert.equal(code, 0);
  const lines = new Map(
    stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { path: string; specific: boolean })
      .map((l) => [l.path, l.specific]),
  );
  assert.equal(lines.get('requestParameters.someNewMember'), false);
  assert.equal(
    lines.get('requestParameters.encryptionContext["aws:newservice:id"]') ??
      lines.get('requestParameters.encryptionContext.aws:newservice:id'),
    false,
  );
  assert.equal(lines.get('requestParameters.encryptionContext.Department'), true);
  assert.equal(lines.get('requestParameters.encryptionContext'), true);
  assert.equal(lines.get('eventName'), true);
});
