import { test } from 'node:test';
import assert from 'node:assert/strict';
import { awsLogsRoot, dayPrefix, isOrganizationId, parseDay, parseLogObjectKey, trailLogRoot } from '../../src/core/logs/logLayout';

test('trailLogRoot: prefix, organization id and account', () => {
  assert.equal(trailLogRoot({ account: '111122223333' }), 'AWSLogs/111122223333/');
  assert.equal(trailLogRoot({ account: '111122223333', keyPrefix: 'team/logs/' }), 'team/logs/AWSLogs/111122223333/');
  assert.equal(
    trailLogRoot({ account: '111122223333', keyPrefix: '/x', organizationId: 'o-exampleorgid' }),
    'x/AWSLogs/o-exampleorgid/111122223333/',
  );
  assert.equal(awsLogsRoot(undefined), 'AWSLogs/');
  assert.equal(awsLogsRoot('p'), 'p/AWSLogs/');
});

test('parseLogObjectKey reads a log file key (doc example)', () => {
  const key =
    'AWSLogs/111122223333/CloudTrail/us-east-2/2015/08/01/111122223333_CloudTrail_us-east-2_20150801T0210Z_Mu0KsOhtH1ar15ZZ.json.gz';
  assert.deepEqual(parseLogObjectKey(key), {
    account: '111122223333',
    kind: 'CloudTrail',
    region: 'us-east-2',
    year: '2015',
    month: '08',
    day: '01',
    fileName: '111122223333_CloudTrail_us-east-2_20150801T0210Z_Mu0KsOhtH1ar15ZZ.json.gz',
    deliveryTime: '2015-08-01T02:10:00Z',
    isDigest: false,
  });
});

test('parseLogObjectKey reads digests (with seconds), backfill digests, org trails, prefixes and Insights', () => {
  const digest = parseLogObjectKey(
    'p/q/AWSLogs/o-exampleorgid/111122223333/CloudTrail-Digest/us-east-1/2015/08/17/111122223333_CloudTrail-Digest_us-east-1_management_us-west-2_20150817T150131Z.json.gz',
  );
  assert.equal(digest?.prefix, 'p/q');
  assert.equal(digest?.organizationId, 'o-exampleorgid');
  assert.equal(digest?.isDigest, true);
  assert.equal(digest?.deliveryTime, '2015-08-17T15:01:31Z');
  const backfill = parseLogObjectKey(
    'AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2015/08/16/111122223333_CloudTrail-Digest_us-east-1_t_us-east-1_20150816T230550Z_backfill.json.gz',
  );
  assert.equal(backfill?.deliveryTime, '2015-08-16T23:05:50Z');
  const insight = parseLogObjectKey(
    'AWSLogs/111122223333/CloudTrail-Insight/eu-central-1/2026/01/02/111122223333_CloudTrail-Insight_eu-central-1_20260102T0000Z_abc.json.gz',
  );
  assert.equal(insight?.kind, 'CloudTrail-Insight');
  assert.equal(insight?.region, 'eu-central-1');
});

test('parseLogObjectKey rejects keys outside the layout', () => {
  for (const key of [
    '',
    'AWSLogs/',
    'AWSLogs/111122223333/CloudTrail/us-east-1/2015/08/01/',
    'AWSLogs/1111/CloudTrail/us-east-1/2015/08/01/f.json.gz',
    'AWSLogs/111122223333/Other/us-east-1/2015/08/01/f.json.gz',
    'AWSLogs/111122223333/CloudTrail/us-east-1/2015/8/01/f.json.gz',
    'logs/f.json.gz',
  ]) {
    assert.equal(parseLogObjectKey(key), undefined, key);
  }
});

test('parseDay accepts real dates only; dayPrefix builds the folder', () => {
  assert.deepEqual(parseDay('2026-11-27'), { year: '2026', month: '11', day: '27' });
  for (const bad of ['2026-02-30', '2026-13-01', '26-11-27', '2026/11/27', 'today', '']) assert.equal(parseDay(bad), undefined, bad);
  assert.equal(
    dayPrefix('AWSLogs/111122223333/', 'CloudTrail', 'us-west-2', { year: '2026', month: '11', day: '27' }),
    'AWSLogs/111122223333/CloudTrail/us-west-2/2026/11/27/',
  );
  assert.ok(isOrganizationId('o-exampleorgid'));
  assert.ok(!isOrganizationId('111122223333'));
});
