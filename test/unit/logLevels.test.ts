import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeContents, emptyListingText, layoutSummary } from '../../src/core/logs/layoutHints';
import { parseDigestFileName } from '../../src/core/logs/logLayout';
import { describeLogPrefix } from '../../src/core/logs/logLevels';
import { capText, shownName } from '../../src/core/logs/shownName';

test('describeLogPrefix: every level of the layout, with and without key prefix and organization', () => {
  const levels = (prefix: string) => describeLogPrefix(prefix).level;
  assert.equal(levels(''), 'root');
  assert.equal(levels('team/logs/'), 'root');
  assert.equal(levels('AWSLogs/'), 'awsLogs');
  assert.equal(levels('o-a1b2c3d4e5/AWSLogs/o-a1b2c3d4e5/'), 'organization');
  assert.equal(levels('AWSLogs/111122223333/'), 'account');
  assert.equal(levels('AWSLogs/o-a1b2c3d4e5/111122223333/CloudTrail-Digest/'), 'kind');
  assert.equal(levels('p/AWSLogs/111122223333/CloudTrail/us-west-2/'), 'region');
  assert.equal(levels('AWSLogs/111122223333/CloudTrail/us-west-2/2026/'), 'year');
  assert.equal(levels('AWSLogs/111122223333/CloudTrail/us-west-2/2026/11/'), 'month');
  assert.equal(levels('AWSLogs/111122223333/CloudTrail/us-west-2/2026/11/26/'), 'day');
  assert.equal(levels('AWSLogs/111122223333/CloudTrail/us-west-2/2026/11/26'), 'day', 'the trailing slash is optional');
  const parts = describeLogPrefix('o-a1b2c3d4e5/AWSLogs/o-a1b2c3d4e5/432109876543/CloudTrail/eu-central-1/2026/11/26/');
  assert.deepEqual(parts, {
    level: 'day',
    keyPrefix: 'o-a1b2c3d4e5',
    organizationId: 'o-a1b2c3d4e5',
    account: '432109876543',
    kind: 'CloudTrail',
    region: 'eu-central-1',
    year: '2026',
    month: '11',
    day: '26',
  });
});

test('describeLogPrefix: anything off the layout is "other", never a guess', () => {
  for (const prefix of [
    'AWSLogs/12345/',
    'AWSLogs/111122223333/Logs/',
    'AWSLogs/111122223333/CloudTrail/mars/',
    'AWSLogs/111122223333/CloudTrail/us-west-2/26/',
    'AWSLogs/111122223333/CloudTrail/us-west-2/2026/13/',
    'AWSLogs/111122223333/CloudTrail/us-west-2/2026/11/32/',
    'AWSLogs/111122223333/CloudTrail/us-west-2/2026/11/26/extra/',
    'AWSLogs/o-UPPERCASE1/',
  ])
    assert.equal(describeLogPrefix(prefix).level, 'other', prefix);
  // A huge hostile prefix is read in linear time.
  const hostile = `${'AWSLogs/'.repeat(50_000)}${'o-'.repeat(100_000)}/`;
  const started = process.hrtime.bigint();
  assert.equal(describeLogPrefix(hostile).level, 'other');
  assert.ok(Number(process.hrtime.bigint() - started) / 1e6 < 2_000);
});

test('describeContents: an organization folder is named as such, with the folder to list next', () => {
  const hint = describeContents({ bucket: 'b', prefix: 'AWSLogs/', folders: ['o-a1b2c3d4e5'], objectCount: 0 });
  assert.equal(hint.text, "s3://b/AWSLogs/ holds o-a1b2c3d4e5/: an organization's logs");
  assert.equal(hint.next, 's3://b/AWSLogs/o-a1b2c3d4e5/');
  assert.deepEqual(hint.organizationIds, ['o-a1b2c3d4e5']);
  const accounts = describeContents({
    bucket: 'b',
    prefix: 'p/AWSLogs/o-a1b2c3d4e5/',
    folders: ['210987654321', '432109876543'],
    objectCount: 0,
  });
  assert.equal(accounts.text, 's3://b/p/AWSLogs/o-a1b2c3d4e5/ holds the logs of 2 member accounts 210987654321/, 432109876543/');
  const days = describeContents({
    bucket: 'b',
    prefix: 'AWSLogs/111122223333/CloudTrail/us-west-2/2026/11/',
    folders: ['24', '25', '26'],
    objectCount: 0,
  });
  assert.equal(days.text, 's3://b/AWSLogs/111122223333/CloudTrail/us-west-2/2026/11/ holds days 26/, 25/, 24/', 'newest first');
  const root = describeContents({ bucket: 'b', prefix: '', folders: ['x', 'y'], objectCount: 2 });
  assert.equal(root.text, 's3://b/ holds x/, y/; 2 objects but no AWSLogs/ folder');
  const many = describeContents({
    bucket: 'b',
    prefix: 'AWSLogs/',
    folders: Array.from({ length: 9 }, (_, i) => `11112222333${i}`),
    objectCount: 0,
  });
  assert.match(many.text, /the logs of 9 accounts 111122223330\/, .* and 3 more$/);
});

test('emptyListingText says what was empty and what is above it; hostile names are escaped and capped', () => {
  assert.equal(
    emptyListingText('b', 'AWSLogs/111122223333/', { bucket: 'b', prefix: 'AWSLogs/', folders: ['o-a1b2c3d4e5'], objectCount: 0 }),
    "Nothing under s3://b/AWSLogs/111122223333/. s3://b/AWSLogs/ holds o-a1b2c3d4e5/: an organization's logs.",
  );
  assert.match(emptyListingText('b', 'x/', undefined), /The bucket b holds no objects that you may list/);
  const hostile = describeContents({ bucket: 'b', prefix: '', folders: [`evil\u202e\n${'x'.repeat(500)}`], objectCount: 0 });
  assert.doesNotMatch(hostile.text, /[\u202e\n]/);
  assert.match(hostile.text, /evil\\u202e\\u000ax+… \(\d+ more characters\)/);
});

test('capText and shownName: a visible marker, surrogate pairs kept whole, linear on huge input', () => {
  assert.equal(capText('abcdef', 3), 'abc… (3 more characters)');
  assert.equal(capText('ab😀cd', 3), 'ab… (4 more characters)');
  assert.equal(shownName('a\tb'), 'a\\u0009b');
  const huge = shownName('y'.repeat(5_000_000));
  assert.ok(huge.length < 200);
});

test('parseDigestFileName: trail names with underscores, backfill, and refusals', () => {
  assert.deepEqual(
    parseDigestFileName('432109876543_CloudTrail-Digest_eu-central-1_aws_controltower_Base_us-west-2_20261126T190000Z.json.gz'),
    {
      account: '432109876543',
      region: 'eu-central-1',
      trailName: 'aws_controltower_Base',
      homeRegion: 'us-west-2',
      stamp: '20261126T190000Z',
      backfill: false,
    },
  );
  assert.equal(parseDigestFileName('1_CloudTrail-Digest_us-west-2_t_us-west-2_20261126T190000Z_backfill.json.gz'), undefined);
  assert.equal(
    parseDigestFileName('111122223333_CloudTrail-Digest_us-west-2_t_us-west-2_20261126T190000Z_backfill.json.gz')?.backfill,
    true,
  );
  assert.equal(parseDigestFileName('111122223333_CloudTrail_us-west-2_20261126T1900Z_abc.json.gz'), undefined);
  assert.equal(parseDigestFileName('111122223333_CloudTrail-Digest_us-west-2__us-west-2_20261126T190000Z.json.gz'), undefined);
});

test('layoutSummary: organization, accounts, regions in a line; nothing found says so', () => {
  assert.equal(
    layoutSummary({
      bucket: 'b',
      prefix: '',
      keyPrefixes: [''],
      logRoots: ['AWSLogs/'],
      organizations: [{ id: 'o-a1b2c3d4e5', accounts: ['1', '2', '3', '4'], awsLogs: 'AWSLogs/' }],
      accounts: [],
      regions: ['eu-central-1', 'us-west-2'],
    }),
    'organization o-a1b2c3d4e5 · 4 accounts · eu-central-1, us-west-2',
  );
  assert.equal(
    layoutSummary({ bucket: 'b', prefix: '', keyPrefixes: [], logRoots: [], organizations: [], accounts: [], regions: [], notFound: 'x' }),
    'no CloudTrail logs found',
  );
});
