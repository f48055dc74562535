import { test } from 'node:test';
import assert from 'node:assert/strict';
import { athenaCost, athenaCostText, athenaHitToResultItem, athenaResultSet } from '../../../src/core/athena';

test('cost: per MB rounded up, 10 MB minimum, $5 per TB; DDL is free', () => {
  assert.deepEqual(athenaCost(0), { scannedBytes: 0, billedBytes: 10 * 1024 * 1024, usd: (10 / 1024 / 1024) * 5 });
  const tb = 1024 ** 4;
  assert.equal(athenaCost(tb).usd, 5);
  assert.equal(athenaCost(tb + 1).billedBytes, tb + 1024 * 1024);
  assert.equal(athenaCost(5 * tb, 'DDL').usd, 0);
  assert.equal(athenaCost(Number.NaN).scannedBytes, 0);
  assert.match(athenaCostText(athenaCost(3 * tb)), /^3\.0 TiB scanned, about \$15\.00 at \$5\/TB/);
  assert.match(athenaCostText(athenaCost(1000)), /about \$0\.000048 at/);
});

test('a hit is a results-model item: label, severity by errorCode, time, group, source with the bucket region', () => {
  const record = {
    eventName: 'Decrypt',
    eventTime: '2026-11-24T10:00:00Z',
    errorCode: 'AccessDenied',
    errorMessage: 'no',
    awsRegion: 'eu-west-1',
    sourceIPAddress: '10.0.0.1',
    userIdentity: { type: 'AssumedRole', arn: 'arn:aws:sts::111122223333:assumed-role/Auditor/ana' },
  };
  const item = athenaHitToResultItem({ record, source: { bucket: 'b', key: 'AWSLogs/x.json.gz' } }, 'eu-west-1');
  assert.equal(item.severity, 'warning');
  assert.match(item.label, /^Decrypt by .*Auditor.* — AccessDenied$/);
  assert.equal(item.time, '2026-11-24T10:00:00Z');
  assert.deepEqual(item.group, ['Decrypt']);
  assert.equal(item.detail, 'eu-west-1 · 10.0.0.1 — no');
  assert.deepEqual(item.source, { bucket: 'b', key: 'AWSLogs/x.json.gz', region: 'eu-west-1' });
  const plain = athenaHitToResultItem({ record: {} });
  assert.equal(plain.severity, 'info');
  assert.equal(plain.source, undefined);
  assert.equal(plain.label, '(no eventName) by unknown principal');
  const set = athenaResultSet('t', [{ record }], 's');
  assert.equal(set.kind, 'athena');
  assert.equal(set.done, true);
});
