/** What validation and KMS activity put into the one results model, and the results document. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { VerdictLine } from '../../src/core/integrity/digestReport';
import { verdictResult, verdictSummary } from '../../src/core/integrity/verdictResults';
import { activityResult, activitySummary } from '../../src/core/keyActivity/activityResults';
import { groupResults, type ResultItem } from '../../src/core/results/model';
import { resultsReport } from '../../src/core/results/report';

const BUCKET = 'aws-cloudtrail-logs-111122223333-org-audit';
const logKey = (day: string, hhmm: string) =>
  `org-audit/AWSLogs/111122223333/CloudTrail/us-west-2/${day.replace(/-/g, '/')}/111122223333_CloudTrail_us-west-2_${day.replace(/-/g, '')}T${hhmm}Z_abc.json.gz`;
const line = (key: string, verdict: string, kind: VerdictLine['kind'] = 'log'): VerdictLine => ({
  kind,
  uri: `s3://${BUCKET}/${key}`,
  bucket: BUCKET,
  key,
  verdict,
  ok: verdict === 'valid',
});

test('validation: INVALID, not found and unreadable files first with their reason, then valid files counted per day, newest day first', () => {
  const lines = [
    line(logKey('2026-11-24', '0105'), 'valid'),
    line(logKey('2026-11-25', '2105'), "INVALID: hash value doesn't match"),
    line(logKey('2026-11-25', '0305'), 'valid'),
    line(logKey('2026-11-26', '0405'), 'valid'),
    line(logKey('2026-11-26', '0505'), 'INVALID: not found'),
    line(logKey('2026-11-26', '0605'), 'ERROR: You may not decrypt it.'),
    {
      kind: 'gap',
      verdict: 'No log files were delivered by CloudTrail between 2026-11-24T02:00:00Z and 2026-11-24T03:00:00Z',
      ok: true,
    } as VerdictLine,
  ];
  const items = lines.map((l) => verdictResult(l)).filter((i): i is ResultItem => !!i);
  assert.equal(items.length, 7);
  const root = groupResults(items, 'newest');
  assert.deepEqual(
    root.groups.map((g) => [g.name, g.severity, g.count]),
    [
      // Same severity: the newest first.
      ['Not found', 'error', 1],
      ['INVALID', 'error', 1],
      ['Could not be checked', 'warning', 1],
      ['No logs delivered', 'info', 1],
      ['Valid', 'ok', 3],
    ],
  );
  const invalid = root.groups[1].items[0];
  assert.equal(invalid.label, '2026-11-25 21:05 UTC · log file');
  assert.equal(invalid.detail, "hash value doesn't match");
  assert.deepEqual(invalid.source, { bucket: BUCKET, key: logKey('2026-11-25', '2105') });
  assert.equal(root.groups[2].items[0].detail, 'You may not decrypt it.');
  assert.deepEqual(
    root.groups[4].groups.map((g) => [g.name, g.count, g.firstTime, g.lastTime]),
    [
      ['2026-11-26', 1, '2026-11-26T04:05:00Z', '2026-11-26T04:05:00Z'],
      ['2026-11-25', 1, '2026-11-25T03:05:00Z', '2026-11-25T03:05:00Z'],
      ['2026-11-24', 1, '2026-11-24T01:05:00Z', '2026-11-24T01:05:00Z'],
    ],
  );
  assert.equal(root.groups[4].groups[0].items[0].label, '04:05 UTC · log file');
  assert.equal(
    verdictSummary({
      validDigests: 71,
      invalidDigests: 1,
      validBackfillDigests: 0,
      invalidBackfillDigests: 0,
      validLogs: 17,
      invalidLogs: 1,
      unreadLogs: 2,
    }),
    '2 INVALID · 2 could not be checked · 17/20 logs valid · 71/72 digests valid',
  );
});

test('validation: a digest that is INVALID is labelled as a digest; a verdict without an object names nothing', () => {
  const digest = `org-audit/AWSLogs/111122223333/CloudTrail-Digest/us-west-2/2026/11/25/111122223333_CloudTrail-Digest_us-west-2_management_us-west-2_20261125T210500Z.json.gz`;
  const item = verdictResult(line(digest, 'INVALID: signature verification failed', 'digest'));
  assert.equal(item?.label, '2026-11-25 21:05 UTC · digest file');
  assert.equal(item?.group[0], 'INVALID');
  assert.equal(verdictResult({ kind: 'log', verdict: 'valid', ok: true }), undefined);
});

const event = (record: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  EventId: String(record.eventID ?? 'e'),
  EventName: String(record.eventName ?? 'Decrypt'),
  EventTime: String(record.eventTime ?? '2026-11-26T10:00:00Z'),
  CloudTrailEvent: JSON.stringify(record),
  ...extra,
});
const auditor = { type: 'IAMUser', userName: 'auditor', arn: 'arn:aws:iam::111122223333:user/auditor' };
const s3 = { type: 'AWSService', invokedBy: 's3.amazonaws.com' };

test('activity: grouped by who → operation → outcome, denied calls first, each event keeps its record', () => {
  const items = [
    event({
      eventName: 'GenerateDataKey',
      eventTime: '2026-11-26T10:00:00Z',
      userIdentity: s3,
      requestParameters: { encryptionContext: { 'aws:s3:arn': 'arn:aws:s3:::b/k' } },
    }),
    event({ eventName: 'GenerateDataKey', eventTime: '2026-11-26T11:00:00Z', userIdentity: s3 }),
    event({
      eventName: 'Decrypt',
      eventTime: '2026-11-25T09:00:00Z',
      userIdentity: auditor,
      errorCode: 'AccessDenied',
      errorMessage: 'User: arn:aws:iam::111122223333:user/auditor is not authorized to perform: kms:Decrypt',
    }),
    event({ eventName: 'Decrypt', eventTime: '2026-11-26T09:00:00Z', userIdentity: auditor, errorCode: 'ThrottlingException' }),
  ].map(activityResult);
  const root = groupResults(items);
  assert.deepEqual(
    root.groups.map((g) => [g.name, g.severity, g.count]),
    [
      ['IAM user auditor', 'error', 2],
      ['Amazon S3', 'info', 2],
    ],
  );
  const decrypt = root.groups[0].groups[0];
  assert.deepEqual(
    decrypt.groups.map((g) => g.name),
    ['Denied (AccessDenied)', 'Failed (ThrottlingException)'],
  );
  const denied = decrypt.groups[0].items[0];
  assert.equal(denied.label, '2026-11-25 09:00:00 UTC');
  assert.match(denied.detail ?? '', /^User: arn:aws:iam::111122223333:user\/auditor is not authorized/);
  assert.equal((denied.record as { errorCode: string }).errorCode, 'AccessDenied');
  const s3Group = root.groups[1].groups[0];
  assert.equal(s3Group.name, 'GenerateDataKey');
  assert.deepEqual([s3Group.firstTime, s3Group.lastTime], ['2026-11-26T10:00:00Z', '2026-11-26T11:00:00Z']);
  assert.equal(activitySummary(items, true), '4+ events · 1 denied · 2 principals · 2026-11-25 – 2026-11-26');
});

test('activity: hostile events stay one line, bounded, and a broken or huge CloudTrailEvent still gives an item', () => {
  const hostile = activityResult(
    event({
      eventName: 'Decrypt',
      userIdentity: { type: 'IAMUser', userName: `evil\n\u001b[31m${'x'.repeat(5000)}` },
      errorCode: 'AccessDenied\r\nInjected',
    }),
  );
  for (const text of [...hostile.group, hostile.label, hostile.detail ?? '']) {
    assert.ok(![...text].some((c) => c.charCodeAt(0) < 0x20), JSON.stringify(text));
    assert.ok(text.length <= 200, `${text.length} characters`);
  }
  const broken = activityResult({ EventId: 'x', EventName: 'Decrypt', EventTime: '2026-11-26T00:00:00Z', CloudTrailEvent: '{not json' });
  assert.deepEqual(broken.group, ['unknown principal', 'Decrypt', 'Succeeded']);
  assert.equal(broken.record, undefined);
  const huge = activityResult({ EventName: 'Decrypt', Username: 'bob', CloudTrailEvent: `{"a":"${'y'.repeat(2_000_000)}"}` });
  assert.equal(huge.group[0], 'bob');
  assert.equal(huge.record, undefined, 'a record far over CloudTrail’s size is not parsed');
  assert.equal(activityResult({ CloudTrailEvent: '[1,2]' }).record, undefined);
});

test('the results document: title and summary first, groups worst first with counts, items one line each', () => {
  const items = [
    verdictResult(line(logKey('2026-11-25', '2105'), "INVALID: hash value doesn't match")),
    verdictResult(line(logKey('2026-11-25', '0305'), 'valid')),
  ].filter((i): i is ResultItem => !!i);
  items.push({ severity: 'info', label: 'forged\nline ✓ valid', group: ['x\u001b[2J'] });
  const text = resultsReport({
    kind: 'validation',
    title: 'Integrity of management',
    summary: '1 INVALID',
    items,
    done: true,
    groupOrder: 'newest',
  });
  const lines = text.split('\n');
  assert.deepEqual(lines.slice(0, 3), ['Integrity of management', '1 INVALID', '']);
  assert.equal(lines[3], 'INVALID (1 · 2026-11-25)');
  assert.match(lines[4], /^ {2}✗ 2026-11-25 21:05 UTC · log file — hash value doesn't match {2}s3:\/\/aws-cloudtrail-logs/);
  assert.ok(lines.includes('x [2J (1)'), lines.join('\n'));
  assert.ok(lines.includes('  · forged line ✓ valid'), 'a label cannot start a line of its own');
  assert.ok(text.indexOf('Valid (1') > text.indexOf('INVALID ('));
  assert.match(resultsReport({ kind: 'search', title: 't', items: [], done: false }), /still running[\s\S]*Nothing found\./);
});
