import { test } from 'node:test';
import assert from 'node:assert/strict';
import { keyFlags } from '../../src/core/keyHealth';
import { describeLogPrefix } from '../../src/core/logs/logLevels';
import type { KeyInfo } from '../../src/core/model';
import {
  fileRow,
  flagRow,
  folderRow,
  keyDescription,
  keyName,
  newestFirstObjects,
  sharedMinutes,
  spokenDay,
} from '../../src/vscode/tree/labels';

const DAY = 'AWSLogs/432109876543/CloudTrail/us-west-2/2026/11/26/';
const log = (stamp: string, size = 803, unique = 'Mu0KsOhtH1ar15ZZ') => ({
  key: `${DAY}432109876543_CloudTrail_us-west-2_${stamp}_${unique}.json.gz`,
  name: `432109876543_CloudTrail_us-west-2_${stamp}_${unique}.json.gz`,
  size,
});

test('log files read delivery time first, with size; the screen reader hears the whole day', () => {
  const row = fileRow(log('20261126T2104Z'));
  assert.equal(row.label, '21:04 UTC · 803 B');
  assert.equal(row.accessibility, 'Log file delivered at 21:04 UTC on Thursday 26 November 2026, 803 bytes');
  assert.equal(row.description, undefined);
  const digest = fileRow(
    {
      key: 'AWSLogs/111122223333/CloudTrail-Digest/us-west-2/2026/11/26/111122223333_CloudTrail-Digest_us-west-2_other_us-west-2_20261126T210431Z.json.gz',
      name: '111122223333_CloudTrail-Digest_us-west-2_other_us-west-2_20261126T210431Z.json.gz',
      size: 2048,
    },
    { trailName: 'management' },
  );
  assert.equal(digest.label, '21:04:31 UTC · 2.0 KiB');
  assert.equal(digest.description, 'trail other', 'a digest of another trail in the shared folder says whose');
  const plain = fileRow({ key: 'x/readme.txt', name: 'readme.txt', size: 5 });
  assert.equal(plain.label, 'readme.txt');
});

test('files of the same minute are told apart by their unique part; newest first across a day', () => {
  const files = [
    log('20261126T0205Z', 1, 'AAAA'),
    log('20261126T2104Z', 2, 'BBBB'),
    log('20261126T2104Z', 3, 'CCCC'),
    log('20261126T1400Z', 4),
  ];
  const shared = sharedMinutes(files);
  assert.deepEqual([...shared], ['2026-11-26T21:04']);
  assert.equal(fileRow(files[1], { sameMinute: true }).description, 'BBBB');
  assert.deepEqual(
    newestFirstObjects(files).map((f) => f.size),
    [3, 2, 4, 1],
  );
});

test('folder rows: organization, account (name and role), day (weekday), kind in words', () => {
  assert.deepEqual(folderRow(describeLogPrefix('AWSLogs/o-a1b2c3d4e5/'), 'o-a1b2c3d4e5').label, 'Organization o-a1b2c3d4e5');
  const account = folderRow(describeLogPrefix('AWSLogs/o-a1b2c3d4e5/210987654321/'), '210987654321', {
    accountName: 'Management',
    accountRoles: ['management account'],
  });
  assert.equal(account.label, '210987654321 · Management');
  assert.equal(account.description, 'management account');
  assert.equal(account.accessibility, 'Account 210987654321, Management, management account');
  const day = folderRow(describeLogPrefix(DAY), '26');
  assert.equal(day.label, '2026-11-26');
  assert.equal(day.description, 'Thursday');
  assert.equal(
    folderRow(describeLogPrefix('AWSLogs/1/CloudTrail-Digest/'.replace('1', '111122223333')), 'CloudTrail-Digest').description,
    'digest files (integrity)',
  );
  assert.equal(spokenDay('not a day'), 'not a day');
  const hostile = folderRow(describeLogPrefix('x/'), `a\u202eb${'z'.repeat(400)}`);
  assert.doesNotMatch(hostile.label, /\u202e/);
  assert.match(hostile.label, /more characters\)$/);
});

test("keys: alias first, words not codes; another account's key that may not be described is explained, not broken", () => {
  const key: KeyInfo = {
    arn: 'arn:aws:kms:us-west-2:111122223333:key/1234',
    keyId: '1234',
    region: 'us-west-2',
    account: '111122223333',
    alias: 'alias/cloudtrail-logs',
    keySpec: 'SYMMETRIC_DEFAULT',
    keyState: 'PendingDeletion',
    rotationEnabled: false,
    flags: [],
  };
  assert.equal(keyName(key, key.arn), 'alias/cloudtrail-logs');
  assert.equal(keyDescription(key, '111122223333'), 'symmetric · pending deletion · rotation off');
  const foreign: KeyInfo = {
    arn: 'arn:aws:kms:us-west-2:210987654321:key/7a1c',
    keyId: '7a1c',
    region: 'us-west-2',
    account: '210987654321',
    flags: keyFlags({
      keyArn: 'arn:aws:kms:us-west-2:210987654321:key/7a1c',
      keyRegion: 'us-west-2',
      keyAccount: '210987654321',
      callerAccount: '321098765432',
      describeDenied: true,
    }),
  };
  assert.equal(keyName(foreign, foreign.arn), '7a1c');
  assert.equal(keyDescription(foreign, '321098765432'), 'in account 210987654321 · details not visible to you');
  assert.deepEqual(
    foreign.flags.map((f) => [f.code, f.severity]),
    [['describeDenied', 'info']],
  );
  assert.match(
    foreign.flags[0].message,
    /belongs to account 210987654321, not yours \(321098765432\): describing it needs kms:DescribeKey/,
  );
  const flag = flagRow({ code: 'rotationDisabled', severity: 'info', message: 'Automatic key rotation is off.' });
  assert.equal(flag.label, 'Automatic rotation off');
  assert.doesNotMatch(`${flag.label} ${flag.description}`, /rotationDisabled/);
  assert.equal(flagRow({ code: 'notSymmetric', severity: 'error', message: 'm' }).label, 'Not a symmetric key');
});
