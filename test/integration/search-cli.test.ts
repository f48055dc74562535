/**
 * `cloudtrail-kms search` on the sandbox's search world: exactly the planted event ids, the same sets as the independent
 * baseline (aws s3 cp --recursive + gunzip + Python), failed files reported while the rest is searched, the delivery
 * margin, the cost question, and only the folders the range needs listed.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ResultItem } from '../../src/core/results/model';
import { startSandbox, type Sandbox, type SearchWorld } from '../sandbox';
import { runMain, useEnv, writeProfiles, type Profiles } from './awsTestSupport';
import { awsCli, type AwsCli } from './helpers/sandboxAwsCli';
import { searchWorldBaseline, type SearchBaseline } from './helpers/searchBaseline';

describe('search CLI on the search world', { timeout: 300_000 }, () => {
  let sandbox: Sandbox;
  let search: SearchWorld;
  let profiles: Profiles;
  let cli: AwsCli;
  let dir: string;
  let baseline: SearchBaseline;
  let all: string[];

  before(async () => {
    sandbox = await startSandbox({ world: { search: true, organization: false } });
    search = sandbox.world.search!;
    const { admin, auditor } = sandbox.principals;
    profiles = writeProfiles({
      admin: { ...admin, region: sandbox.region },
      auditor: { ...auditor, region: sandbox.region },
    });
    useEnv(profiles.env);
    cli = awsCli(sandbox);
    dir = mkdtempSync(join(tmpdir(), 'ct-search-cli-'));
    baseline = await searchWorldBaseline(sandbox, cli, dir);
    all = ['--from', search.days[0], '--to', search.days[search.days.length - 1]];
  });
  after(async () => {
    cli?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
    profiles?.cleanup();
    await sandbox?.stop();
  });

  const as = (who: 'admin' | 'auditor') => ['--profile', who, '--endpoint-url', sandbox.endpoint];
  async function searchJson(args: string[], who: 'admin' | 'auditor' = 'admin') {
    const result = await runMain(['search', search.trail.name, ...args, '--json', ...as(who)]);
    const items = result.stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as ResultItem);
    const ids = items.flatMap((item) => (item.record ? [(item.record as { eventID: string }).eventID] : []));
    const failed = items.filter((item) => item.severity === 'error').map((item) => item.source?.key);
    return { ...result, items, ids: ids.sort(), failed: failed.sort() };
  }
  const sorted = (ids: string[]) => [...ids].sort();
  const unsearchable = () => sorted([search.files.disabledKey.key, search.files.corrupt.key]);

  test('the role’s Decrypts with one key (alias resolved first): exactly the planted ids, the same as the aws CLI baseline', async () => {
    const p = search.planted.roleDecrypts;
    const result = await searchJson([...all, 'name:Decrypt', `principal:${p.roleArn}`, `key:${p.keyAlias}`]);
    assert.equal(result.code, 1, 'two files cannot be searched: exit 1');
    assert.deepEqual(result.ids, sorted(p.eventIds));
    assert.deepEqual(result.ids, sorted(baseline.found.role));
    assert.deepEqual(result.failed, unsearchable());
    for (const item of result.items.filter((i) => i.record)) {
      const where = search.planted.events[(item.record as { eventID: string }).eventID];
      assert.equal(item.source?.key, where.objectKey, 'the source names the file that holds the event');
      assert.equal(item.time, where.eventTime);
      assert.match(item.label, /^Decrypt by role payments-batch/);
    }
    assert.match(result.stderr, /Searched: 195 of 197 files read .* 8 matches, 2 failures/);
    assert.match(result.stderr, /files delivered from 5 min before the range to 60 min after it/);
  });

  test('failed calls, an encryption-context value (exact and by prefix): the planted sets, the same as the baseline', async () => {
    const ctx = search.planted.encryptionContext;
    const failed = await searchJson([...all, 'error:any']);
    assert.deepEqual(failed.ids, sorted(search.planted.failures.eventIds));
    assert.deepEqual(failed.ids, sorted(baseline.found.failed));
    for (const item of failed.items.filter((i) => i.record)) assert.equal(item.severity, 'warning', 'a failed call is a warning');
    const exact = await searchJson([...all, `ctx:${ctx.key}=${ctx.exactValue}`]);
    assert.deepEqual(exact.ids, sorted(ctx.exactEventIds));
    assert.deepEqual(exact.ids, sorted(baseline.found.exact));
    const prefix = await searchJson([...all, `ctx:${ctx.key}="${ctx.prefix}"*`]);
    assert.deepEqual(prefix.ids, sorted(ctx.prefixEventIds));
    assert.deepEqual(prefix.ids, sorted(baseline.found.prefix));
  });

  test('a one-hour range: events at the edges in or out as [from, to) says, the late file found; only the folders of the range listed', async () => {
    const b = search.planted.boundary;
    sandbox.requests.reset();
    const result = await searchJson(['--from', b.from, '--to', b.to, '--region', b.region, `principal:${b.principalArn}`]);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(result.ids, sorted(b.insideEventIds));
    assert.deepEqual(result.ids, sorted(baseline.found.inside));
    assert.ok(result.ids.includes(search.files.lateDelivery.eventIds[0]), 'the event delivered 50 minutes late');
    // The account folder, then one day folder (the window ends the same day): no region listing (--region given).
    assert.equal(sandbox.requests.count('ListObjectsV2'), 2);
    // Files named from 5 min before the range to 60 min after it: the at-start file, the late file, the hour's files.
    const delivered = (key: string) => {
      const stamp = /_(\d{8}T\d{4}Z)_/.exec(key)?.[1] ?? '';
      return Date.parse(`${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:00Z`);
    };
    const inWindow = (key: string) => delivered(key) >= Date.parse(b.from) - 5 * 60_000 && delivered(key) < Date.parse(b.to) + 60 * 60_000;
    const expected = search.logKeys[b.region][b.from.slice(0, 10)].filter(inWindow);
    assert.equal(sandbox.requests.count('GetObject'), expected.length, `reads ${expected.join(', ')}`);

    const narrow = await searchJson([
      '--from',
      b.from,
      '--to',
      b.to,
      '--region',
      b.region,
      '--late-minutes',
      '30',
      `principal:${b.principalArn}`,
    ]);
    // Thirty minutes: events in files delivered more than 30 minutes after the range's end are missed, as the summary says.
    const expectedNarrow = b.insideEventIds.filter((id) => delivered(search.planted.events[id].objectKey) < Date.parse(b.to) + 30 * 60_000);
    assert.ok(expectedNarrow.length > 0 && expectedNarrow.length < b.insideEventIds.length);
    assert.deepEqual(narrow.ids, sorted(expectedNarrow));
    assert.match(narrow.stderr, /to 30 min after it\. Events delivered more than 30 min late are missed/);
  });

  test('as the auditor: the file it may not decrypt, the disabled key and the truncated gzip are reported, the rest is searched', async () => {
    const p = search.planted.roleDecrypts;
    const result = await searchJson([...all, 'name:Decrypt', `principal:${p.roleArn}`, `key:${p.keyArn}`], 'auditor');
    assert.equal(result.code, 1);
    assert.deepEqual(result.ids, sorted(p.eventIds.filter((id) => !p.inDeniedFile.includes(id))));
    assert.deepEqual(result.failed, sorted([...unsearchable(), search.files.deniedToAuditor.key]));
    const denied = result.items.find((item) => item.source?.key === search.files.deniedToAuditor.key);
    assert.match(denied?.label ?? '', /may not decrypt it: it is encrypted with KMS key arn:aws:kms:us-west-2:111122223333:key\//);
    assert.match(denied?.detail ?? '', /Ask for kms:Decrypt on arn:aws:kms:/);
    const corrupt = result.items.find((item) => item.source?.key === search.files.corrupt.key);
    assert.match(corrupt?.label ?? '', /ends before its gzip stream is complete/);
    assert.match(result.stderr, /Not searched \(1 file, KmsDecryptDenied\)/);
    assert.match(result.stderr, /Not searched \(1 file, TruncatedGzip\)/);
  });

  test('a table by default: one line per event, control characters never reach the terminal', async () => {
    const b = search.planted.boundary;
    const result = await runMain([
      'search',
      search.trail.name,
      '--from',
      b.from,
      '--to',
      b.to,
      `principal:${b.principalArn}`,
      ...as('admin'),
    ]);
    assert.equal(result.code, 0, result.stderr);
    const lines = result.stdout.trimEnd().split('\n');
    assert.match(lines[0], /^TIME\s+REGION\s+EVENT\s+PRINCIPAL\s+ERROR\s+FILE#RECORD$/);
    assert.equal(lines.length - 1, b.insideEventIds.length);
    for (const line of lines.slice(1))
      assert.match(line, /^2026-11-12T0[23]:\d\d:\d\dZ\s+us-west-2\s+PutKeyPolicy\s+IAM user boundary-probe\s+-\s+\S+\.json\.gz#\d+$/);
  });

  test('the cost question: above --confirm-above the search is refused (exit 2, the count of KMS requests, no file read) unless --yes', async () => {
    sandbox.requests.reset();
    const refused = await runMain(['search', search.trail.name, ...all, 'name:Decrypt', '--confirm-above', '100', ...as('admin')]);
    assert.equal(refused.code, 2);
    assert.match(
      refused.stderr,
      /This search would read 197 log files \(.* compressed, 12 day folders\), 197 KMS Decrypt requests: S3 decrypts each SSE-KMS log with arn:aws:kms:/,
    );
    assert.match(refused.stderr, /Add --yes to search anyway/);
    assert.equal(sandbox.requests.count('GetObject'), 0);
    const allowed = await runMain([
      'search',
      search.trail.name,
      ...all,
      'name:Decrypt',
      '--confirm-above',
      '100',
      '--yes',
      '--max-results',
      '3',
      ...as('admin'),
    ]);
    assert.equal(allowed.code, 0, allowed.stderr);
    assert.match(allowed.stderr, /Stopped at 3 results \(the maximum\)/);
  });

  test('usage errors: the bad token is pointed at; a missing start; bad numbers', async () => {
    const bad = await runMain(['search', search.trail.name, ...all, 'nmae:Decrypt', ...as('admin')]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /Unknown field "nmae"/);
    const lines = bad.stderr.split('\n');
    const at = lines.findIndex((line) => line.includes('nmae:Decrypt'));
    assert.equal(lines[at + 1].indexOf('^'), lines[at].indexOf('nmae'), 'the caret is under the bad token');
    const noStart = await runMain(['search', search.trail.name, 'name:Decrypt', ...as('admin')]);
    assert.equal(noStart.code, 2);
    assert.match(noStart.stderr, /needs a start: --from T/);
    for (const args of [
      ['--concurrency', '0'],
      ['--max-results', 'x'],
      ['--account', '12345'],
    ]) {
      const result = await runMain(['search', search.trail.name, ...all, ...args, ...as('admin')]);
      assert.equal(result.code, 2, args.join(' '));
    }
  });

  test('an alias that does not exist is matched by its text and the summary says so', async () => {
    const result = await runMain([
      'search',
      search.trail.name,
      '--from',
      search.planted.boundary.from,
      '--to',
      search.planted.boundary.to,
      'key:alias/no-such-alias',
      ...as('admin'),
    ]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /Alias alias\/no-such-alias could not be resolved to its key \(KMS key alias\/no-such-alias was not found/);
  });
});
