/** Find Events answers in the one results model, and the words of the summary, the progress and the cost question. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { groupResults, resultsToJsonLines } from '../../../src/core/results/model';
import {
  compareHitsByTime,
  estimateText,
  hitToResultItem,
  progressText,
  searchResultSet,
  summaryText,
  type FileFailure,
  type SearchHit,
  type SearchSummary,
} from '../../../src/core/search';
import { corpusRecord } from './corpusRecords';

const source = (key: string, recordIndex: number) => ({ bucket: 'b', key, region: 'us-west-2', recordIndex });
const decrypt = corpusRecord('aws-docs-kms/ct-decrypt-0.json');

function hit(record: Record<string, unknown>, key = 'AWSLogs/1/CloudTrail/us-west-2/2026/11/24/f.json.gz', index = 0): SearchHit {
  return { record, source: source(key, index) };
}

const denied: FileFailure = {
  bucket: 'b',
  key: 'AWSLogs/1/CloudTrail/us-west-2/2026/11/24/denied.json.gz',
  code: 'KmsDecryptDenied',
  what: 'You can reach s3://b/AWSLogs/1/CloudTrail/us-west-2/2026/11/24/denied.json.gz but may not decrypt it.',
  why: 'KMS refused.',
  todo: 'Ask for kms:Decrypt.',
};

test('a hit is an item of its record: label, time, source with the record index, the record itself; a failed call is a warning', () => {
  const item = hitToResultItem(hit(decrypt, 'k', 7));
  assert.equal(item.severity, 'info');
  assert.match(item.label, /^Decrypt by /);
  assert.equal(item.time, decrypt.eventTime);
  assert.deepEqual(item.source, source('k', 7));
  assert.deepEqual(item.group, ['Decrypt']);
  assert.equal(item.record, decrypt);
  const failedCall = hitToResultItem(hit({ ...decrypt, errorCode: 'AccessDenied', errorMessage: 'no' }));
  assert.equal(failedCall.severity, 'warning');
  assert.match(failedCall.label, / — AccessDenied$/);
});

test('a result set: failed files first (errors), hits after, kind search; JSON Lines round-trip', () => {
  const set = searchResultSet('Find Events: x', [hit(decrypt)], [denied], '1 event', true);
  assert.equal(set.kind, 'search');
  assert.deepEqual(
    set.items.map((item) => item.severity),
    ['error', 'info'],
  );
  assert.match(set.items[0].label, /^denied\.json\.gz: You can reach/);
  assert.deepEqual(groupResults(set.items).groups[0].name, 'Files not searched');
  const lines = resultsToJsonLines(set.items).trimEnd().split('\n');
  assert.equal(lines.length, 2);
  assert.deepEqual(JSON.parse(lines[1]).record, decrypt);
});

test('hits sort by event time, then file, then record', () => {
  const at = (time: string, key: string, index: number) => hit({ eventTime: time }, key, index);
  const hits = [
    at('2026-11-24T10:00:02Z', 'a', 0),
    at('2026-11-24T10:00:01Z', 'b', 3),
    at('2026-11-24T10:00:01Z', 'b', 1),
    at('2026-11-24T10:00:01Z', 'a', 9),
  ];
  assert.deepEqual(
    [...hits].sort(compareHitsByTime).map((h) => `${h.source.key}#${h.source.recordIndex}`),
    ['a#9', 'b#1', 'b#3', 'a#0'],
  );
});

test('the summary names the files read, the margin used, each kind of failure once with its count', () => {
  const summary: SearchSummary = {
    location: 's3://b/AWSLogs/',
    trailArn: 'arn:aws:cloudtrail:us-west-2:1:trail/t',
    range: { from: '2026-11-24T00:00:00Z', to: '2026-11-25T00:00:00Z' },
    margins: { earlyMinutes: 5, lateMinutes: 90 },
    accounts: ['111122223333'],
    regions: ['us-west-2'],
    filesPlanned: 10,
    filesRead: 7,
    filesNotParsed: 5,
    bytesRead: 2048,
    bytesScanned: 20480,
    matches: 3,
    failures: [
      denied,
      { ...denied, key: denied.key.replace('denied', 'other'), what: denied.what.replace('denied.json.gz', 'other.json.gz') },
      { ...denied, code: 'TruncatedGzip', what: 'x ends early.' },
    ],
    listRequests: 3,
    throttled: 2,
    unresolvedAliases: [{ alias: 'alias/gone', reason: 'not found' }],
    truncated: false,
    cancelled: false,
    elapsedMs: 1234,
    planMs: 100,
    maxConcurrency: 8,
  };
  const text = summaryText(summary);
  assert.match(
    text,
    /^Searched: 7 of 10 files read \(2\.0 KiB compressed, 20 KiB scanned, 5 ruled out without parsing\), 3 matches, 3 failures, in 1\.2 s\./,
  );
  assert.match(text, /files delivered from 5 min before the range to 90 min after it/);
  assert.match(text, /Not searched \(2 files, KmsDecryptDenied\)/);
  assert.match(text, /and 1 more file the same way/);
  assert.match(text, /Not searched \(1 file, TruncatedGzip\)/);
  assert.match(text, /throttled 2 reads/);
  assert.match(text, /Alias alias\/gone could not be resolved/);
  assert.match(summaryText({ ...summary, cancelled: true }), /^Cancelled: /);
  assert.match(
    progressText({ filesDone: 3, filesTotal: 10, bytesRead: 5000, bytesScanned: 1, matches: 1, failures: 1, concurrency: 4 }),
    /^3\/10 files · 4\.9 KiB · 1 match · 1 failed$/,
  );
});

test('the cost question names the files, the KMS requests and the key; or why it cannot', () => {
  const estimate = {
    files: 1234,
    bytes: 50 * 1024 * 1024,
    folders: 48,
    encryption: 'aws:kms',
    kmsKeyId: 'arn:aws:kms:us-west-2:1:key/k',
    kmsRequests: 1234,
  };
  assert.match(
    estimateText(estimate),
    /^1,234 log files \(50 MiB compressed, 48 day folders\), 1,234 KMS Decrypt requests: S3 decrypts each SSE-KMS log with arn:aws:kms:us-west-2:1:key\/k/,
  );
  assert.match(estimateText({ ...estimate, kmsRequests: undefined, bucketKey: true }), /S3 Bucket Key/);
  assert.match(
    estimateText({ files: 2, bytes: 1, folders: 1, encryption: 'AES256' }),
    /no KMS requests: the files are encrypted with AES256/,
  );
  assert.match(estimateText({ files: 2, bytes: 1, folders: 1 }), /could not be read/);
});
