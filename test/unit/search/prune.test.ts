import { test } from 'node:test';
import assert from 'node:assert/strict';

import {
  allDayFolderPrefixes,
  dayFolderPrefixes,
  DEFAULT_PRUNE_MARGINS,
  judgeLogKey,
  planFolders,
  regionsRoot,
  trimSlashes,
} from '../../../src/core/search/prune';

const range = (from: string, to: string) => ({ fromMs: Date.parse(from), toMs: Date.parse(to) });
const logKey = (root: string, account: string, region: string, stamp: string) =>
  `${root}${account}/CloudTrail/${region}/${stamp.slice(0, 4)}/${stamp.slice(4, 6)}/${stamp.slice(6, 8)}/${account}_CloudTrail_${region}_${stamp}_Mu0KsOhtH1ar15ZZ.json.gz`;

test('a range inside one day lists that day; margins reach into the days around it', () => {
  const plan = planFolders(
    { bucket: 'b' },
    { accounts: ['111122223333'], regions: ['us-east-1'] },
    range('2026-11-24T10:00:00Z', '2026-11-24T11:00:00Z'),
  );
  assert.deepEqual(allDayFolderPrefixes(plan), ['AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/24/']);
  // 00:02 minus 5 minutes is the day before; 23:30 plus an hour is the day after.
  const edges = planFolders(
    { bucket: 'b' },
    { accounts: ['111122223333'], regions: ['us-east-1'] },
    range('2026-11-24T00:02:00Z', '2026-11-24T23:30:00Z'),
  );
  assert.deepEqual(
    edges.days.map((day) => `${day.year}-${day.month}-${day.day}`),
    ['2026-11-23', '2026-11-24', '2026-11-25'],
  );
  // A range ending at midnight (a whole day) still reads the next morning's folder: late deliveries land there.
  const wholeDay = planFolders({ bucket: 'b' }, { accounts: [], regions: [] }, range('2026-11-24T00:00:00Z', '2026-11-25T00:00:00Z'));
  assert.deepEqual(
    wholeDay.days.map((day) => day.day),
    ['23', '24', '25'],
  );
  const tight = planFolders({ bucket: 'b' }, { accounts: [], regions: [] }, range('2026-11-24T06:00:00Z', '2026-11-24T07:00:00Z'), {
    earlyMinutes: 0,
    lateMinutes: 0,
  });
  assert.deepEqual(
    tight.days.map((day) => day.day),
    ['24'],
  );
});

test('layouts: prefix, organization id, accounts × regions × days; months and leap days roll over', () => {
  const plan = planFolders(
    { bucket: 'b', keyPrefix: '/team/logs/', organizationId: 'o-exampleorgid' },
    { accounts: ['111122223333', '444455556666'], regions: ['us-east-1', 'eu-west-1'] },
    range('2028-02-28T23:00:00Z', '2028-03-01T01:00:00Z'),
  );
  assert.equal(plan.accountsRoot, 'team/logs/AWSLogs/o-exampleorgid/');
  assert.equal(regionsRoot(plan, '111122223333'), 'team/logs/AWSLogs/o-exampleorgid/111122223333/CloudTrail/');
  assert.deepEqual(dayFolderPrefixes(plan, '444455556666', 'eu-west-1'), [
    'team/logs/AWSLogs/o-exampleorgid/444455556666/CloudTrail/eu-west-1/2028/02/28/',
    'team/logs/AWSLogs/o-exampleorgid/444455556666/CloudTrail/eu-west-1/2028/02/29/',
    'team/logs/AWSLogs/o-exampleorgid/444455556666/CloudTrail/eu-west-1/2028/03/01/',
  ]);
  assert.equal(allDayFolderPrefixes(plan).length, 2 * 2 * 3);
  assert.deepEqual(
    allDayFolderPrefixes(planFolders({ bucket: 'b' }, { accounts: [], regions: ['us-east-1'] }, plan.delivery)),
    [],
    'unknown accounts: listed first',
  );
  assert.equal(trimSlashes(`///a//b${'/'.repeat(10_000)}`), 'a//b');
});

test('file names: a file can hold the range when delivered within [from - 5 min, to + 60 min)', () => {
  const plan = planFolders(
    { bucket: 'b' },
    { accounts: ['111122223333'], regions: ['us-east-1'] },
    range('2026-11-24T10:00:00Z', '2026-11-24T11:00:00Z'),
  );
  assert.deepEqual(DEFAULT_PRUNE_MARGINS, { earlyMinutes: 5, lateMinutes: 60 });
  const verdict = (stamp: string) => judgeLogKey(plan, logKey('AWSLogs/', '111122223333', 'us-east-1', stamp));
  assert.equal(verdict('20261124T0954Z'), 'outsideRange', 'delivered 6 minutes before from: holds only earlier events');
  assert.equal(verdict('20261124T0955Z'), 'read', 'the minute cut from the name and clock differences');
  assert.equal(verdict('20261124T1030Z'), 'read');
  assert.equal(verdict('20261124T1159Z'), 'read', 'late events of the range');
  assert.equal(verdict('20261124T1200Z'), 'outsideRange');
  assert.equal(judgeLogKey(plan, logKey('AWSLogs/', '444455556666', 'us-east-1', '20261124T1030Z')), 'otherAccount');
  assert.equal(judgeLogKey(plan, logKey('AWSLogs/', '111122223333', 'eu-west-1', '20261124T1030Z')), 'otherRegion');
  // Not log files: digests, Insights, other objects; a log whose name has no time is read (it cannot be ruled out).
  assert.equal(
    judgeLogKey(
      plan,
      'AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2026/11/24/x_CloudTrail-Digest_us-east-1_t_us-east-1_20261124T103000Z.json.gz',
    ),
    'notLog',
  );
  assert.equal(judgeLogKey(plan, 'AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/24/notes.txt'), 'notLog');
  assert.equal(judgeLogKey(plan, 'AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/24/odd-name.json.gz'), 'read');
  // A wider late margin finds later deliveries.
  const patient = planFolders({ bucket: 'b' }, { accounts: [], regions: [] }, range('2026-11-24T10:00:00Z', '2026-11-24T11:00:00Z'), {
    earlyMinutes: 5,
    lateMinutes: 24 * 60,
  });
  assert.equal(judgeLogKey(patient, logKey('AWSLogs/', '111122223333', 'us-east-1', '20261125T0900Z')), 'read');
});

test('organization and prefixed keys are judged the same way', () => {
  const plan = planFolders(
    { bucket: 'b', keyPrefix: 'p', organizationId: 'o-exampleorgid' },
    { accounts: [], regions: [] },
    range('2026-11-24T10:00:00Z', '2026-11-24T11:00:00Z'),
  );
  assert.equal(judgeLogKey(plan, logKey('p/AWSLogs/o-exampleorgid/', '111122223333', 'ap-southeast-2', '20261124T1005Z')), 'read');
  assert.equal(judgeLogKey(plan, logKey('p/AWSLogs/o-exampleorgid/', '111122223333', 'ap-southeast-2', '20261123T1005Z')), 'outsideRange');
});
