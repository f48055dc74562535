import { test } from 'node:test';
import assert from 'node:assert/strict';
import { flagWord, keyFlags } from '../../src/core/keyHealth';

const base = { keyArn: 'arn:aws:kms:us-west-2:111122223333:key/k', keyRegion: 'us-west-2', keyAccount: '111122223333' };

test('a healthy key has no flags', () => {
  assert.deepEqual(
    keyFlags({
      ...base,
      keySpec: 'SYMMETRIC_DEFAULT',
      keyState: 'Enabled',
      rotationEnabled: true,
      bucketRegion: 'us-west-2',
      trailAccount: '111122223333',
    }),
    [],
  );
});

test('each problem is one flag with words', () => {
  const flags = keyFlags({
    ...base,
    keySpec: 'RSA_2048',
    keyState: 'PendingDeletion',
    deletionDate: '2026-12-01T00:00:00.000Z',
    bucketRegion: 'eu-west-1',
    trailAccount: '999999999999',
    rotationEnabled: false,
  });
  assert.deepEqual(
    flags.map((flag) => flag.code),
    ['notSymmetric', 'pendingDeletion', 'otherRegion', 'otherAccount', 'rotationDisabled'],
  );
  assert.match(flags[1].message, /scheduled for deletion on 2026-12-01/);
  assert.match(flags[2].message, /key is in us-west-2 but the bucket is in eu-west-1/);
  assert.deepEqual(flags.map(flagWord), ['NOT-SYMMETRIC', 'PENDING-DELETION', 'OTHER-REGION', 'OTHER-ACCOUNT', 'no-rotation']);
  assert.deepEqual(
    keyFlags({ ...base, keyState: 'Disabled' }).map((flag) => flag.code),
    ['disabled'],
  );
  assert.deepEqual(
    keyFlags({ ...base, describeDenied: true }).map((flag) => flag.severity),
    ['warning'],
  );
  assert.deepEqual(
    keyFlags({ ...base, notFound: true }).map((flag) => flag.code),
    ['notFound'],
  );
});
