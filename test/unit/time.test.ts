import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isAccountId, isRegionName, isTrailArn } from '../../src/core/arn';
import { parseIsoTime, parseUtcDay } from '../../src/core/time';

test('parseIsoTime: a date is midnight UTC, a time without a zone is UTC, offsets apply, whole seconds', () => {
  assert.equal(parseIsoTime('2026-11-24')?.toISOString(), '2026-11-24T00:00:00.000Z');
  assert.equal(parseIsoTime('2026-11-24T10:30')?.toISOString(), '2026-11-24T10:30:00.000Z');
  assert.equal(parseIsoTime('2026-11-24 10:30:15')?.toISOString(), '2026-11-24T10:30:15.000Z');
  assert.equal(parseIsoTime('2026-11-24T10:30:15.987Z')?.toISOString(), '2026-11-24T10:30:15.000Z');
  assert.equal(parseIsoTime('2026-11-24T10:30:15+02:00')?.toISOString(), '2026-11-24T08:30:15.000Z');
  assert.equal(parseIsoTime('2026-11-24T10:30:15-0130')?.toISOString(), '2026-11-24T12:00:15.000Z');
});

test('parseIsoTime: anything else is refused, also with a valid time inside it', () => {
  for (const text of [
    'yesterday',
    '',
    '2026-02-30',
    '2026-13-01',
    '2026-11-24T25:00',
    '2026-11-24T10:61',
    'x2026-11-24',
    '2026-11-24T10:00:00Zjunk',
    '2026-11-24T10:00:00+02:00junk',
    'junk+02:00',
    ' 2026-11-24',
  ]) {
    assert.equal(parseIsoTime(text), undefined, text);
  }
});

test('parseUtcDay: a real YYYY-MM-DD as midnight UTC', () => {
  assert.equal(parseUtcDay('2026-01-31')?.toISOString(), '2026-01-31T00:00:00.000Z');
  assert.equal(parseUtcDay('2026-02-29'), undefined);
  assert.equal(parseUtcDay('2026-1-31'), undefined);
});

test('AWS names: regions, account ids, trail ARNs', () => {
  assert.ok(isRegionName('us-west-2'));
  assert.ok(isRegionName('us-gov-west-1'));
  assert.ok(!isRegionName('mars'));
  assert.ok(!isRegionName('us-west-2 '));
  assert.ok(isAccountId('111122223333'));
  assert.ok(!isAccountId('11112222333'));
  assert.ok(isTrailArn('arn:aws:cloudtrail:us-west-2:111122223333:trail/management'));
  assert.ok(isTrailArn('arn:aws-us-gov:cloudtrail:us-gov-west-1:111122223333:trail/a.b_c-d'));
  assert.ok(!isTrailArn('arn:aws:kms:us-west-2:111122223333:key/x'));
  assert.ok(!isTrailArn('arn:aws:cloudtrail:us-west-2:111122223333:trail/a b'));
  assert.ok(!isTrailArn('arn:aws:cloudtrail:us-west-2:111122223333:trail/'));
  assert.ok(!isTrailArn(' arn:aws:cloudtrail:us-west-2:111122223333:trail/management'));
  assert.ok(!isTrailArn('s3://not-a-trail'));
});
