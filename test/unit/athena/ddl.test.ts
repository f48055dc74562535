import { test } from 'node:test';
import assert from 'node:assert/strict';

import { createTableDdl } from '../../../src/core/athena/ddl';
import { athenaTable, AthenaTableError, defaultTableName } from '../../../src/core/athena/table';
import {
  DOCUMENTED_COLUMNS,
  DOCUMENTED_DATE_PROJECTION,
  DOCUMENTED_INPUT_FORMAT,
  DOCUMENTED_OUTPUT_FORMAT,
  DOCUMENTED_SERDE,
  readDdl,
} from './documentedTable';

const LAYOUTS = [
  { name: 'single account', location: { bucket: 'trail-bucket' }, accounts: ['111122223333'], root: 's3://trail-bucket/AWSLogs/' },
  {
    name: 'single account, prefix',
    location: { bucket: 'trail-bucket', keyPrefix: 'team/logs' },
    accounts: ['111122223333'],
    root: 's3://trail-bucket/team/logs/AWSLogs/',
  },
  {
    name: 'organization',
    location: { bucket: 'org-bucket', organizationId: 'o-exampleorgid' },
    accounts: ['111122223333', '444455556666'],
    root: 's3://org-bucket/AWSLogs/o-exampleorgid/',
  },
  {
    name: 'organization, prefix',
    location: { bucket: 'org-bucket', keyPrefix: '/central/', organizationId: 'o-exampleorgid' },
    accounts: [] as string[],
    root: 's3://org-bucket/central/AWSLogs/o-exampleorgid/',
  },
];

for (const layout of LAYOUTS) {
  test(`DDL (${layout.name}): AWS's documented columns, SerDe and formats; projection on account, region and day`, () => {
    const ddl = createTableDdl({
      location: layout.location,
      accounts: layout.accounts,
      regions: ['us-east-1', 'eu-west-1'],
      fromDay: '2024/01/15',
    });
    const read = readDdl(ddl);
    assert.deepEqual(read.columns, DOCUMENTED_COLUMNS);
    assert.equal(read.serde, DOCUMENTED_SERDE);
    assert.equal(read.inputFormat, DOCUMENTED_INPUT_FORMAT);
    assert.equal(read.outputFormat, DOCUMENTED_OUTPUT_FORMAT);
    assert.deepEqual(read.partitions, ['account string', 'region string', 'timestamp string']);
    assert.equal(read.location, layout.root);
    for (const [key, value] of Object.entries(DOCUMENTED_DATE_PROJECTION)) assert.equal(read.properties[key], value, key);
    assert.equal(read.properties['projection.timestamp.range'], '2024/01/15,NOW');
    assert.equal(read.properties['storage.location.template'], `${layout.root}\${account}/CloudTrail/\${region}/\${timestamp}`);
    if (layout.accounts.length) {
      assert.equal(read.properties['projection.account.type'], 'enum');
      assert.equal(read.properties['projection.account.values'], layout.accounts.join(','));
    } else {
      assert.equal(read.properties['projection.account.type'], 'injected');
      assert.equal(read.properties['projection.account.values'], undefined);
    }
    assert.equal(read.properties['projection.region.type'], 'enum');
    assert.equal(read.properties['projection.region.values'], 'us-east-1,eu-west-1');
    assert.match(read.head, /^CREATE EXTERNAL TABLE IF NOT EXISTS `default`\.`cloudtrail_[a-z0-9_]+`$/);
  });
}

test('the storage template names exactly the folders CloudTrail writes (domain facts §3)', () => {
  const read = readDdl(createTableDdl({ location: { bucket: 'b1b', keyPrefix: 'p', organizationId: 'o-exampleorgid' } }));
  const template = read.properties['storage.location.template'];
  const folder = template.replace('${account}', '111122223333').replace('${region}', 'us-east-2').replace('${timestamp}', '2015/08/01');
  assert.equal(folder, 's3://b1b/p/AWSLogs/o-exampleorgid/111122223333/CloudTrail/us-east-2/2015/08/01');
  assert.equal(read.properties['projection.region.type'], 'injected');
  assert.equal(read.properties['projection.timestamp.range'], '2013/11/01,NOW', 'default: CloudTrail’s first logs');
});

test('names: database and table default, lower-cased, validated', () => {
  assert.equal(
    defaultTableName({ bucket: 'My.Bucket-1', keyPrefix: 'a/b c', organizationId: 'o-exampleorgid' }),
    'cloudtrail_my_bucket_1_a_b_c_o_exampleorgid',
  );
  const table = athenaTable({ location: { bucket: 'b1b' }, database: 'Audit', table: 'Trail_Logs' });
  assert.equal(table.database, 'audit');
  assert.equal(table.table, 'trail_logs');
  assert.match(createTableDdl(table), /^CREATE EXTERNAL TABLE IF NOT EXISTS `audit`\.`trail_logs` \(/);
});

test('values that cannot stand in DDL text are refused with what to do (DDL takes no parameters)', () => {
  const refused: [Parameters<typeof athenaTable>[0], RegExp][] = [
    [{ location: { bucket: "b'; DROP TABLE x; --" } }, /not an S3 bucket name/],
    [{ location: { bucket: 'b1b', keyPrefix: "it's" } }, /cannot take as it is.*create this table by hand/],
    [{ location: { bucket: 'b1b', keyPrefix: 'a\\b' } }, /cannot take/],
    [{ location: { bucket: 'b1b', keyPrefix: 'x/${account}' } }, /cannot take/],
    [{ location: { bucket: 'b1b', keyPrefix: 'line\nbreak' } }, /cannot take/],
    [{ location: { bucket: 'b1b', organizationId: "o-abc'" } }, /not an organization id/],
    [{ location: { bucket: 'b1b' }, accounts: ['1111'] }, /not a 12-digit account id/],
    [{ location: { bucket: 'b1b' }, regions: ["us-east-1','x"] }, /not a region name/],
    [{ location: { bucket: 'b1b' }, fromDay: '2024/02/30' }, /not a day/],
    [{ location: { bucket: 'b1b' }, table: 'a`b' }, /table name "a`b" is not valid/],
    [{ location: { bucket: 'b1b' }, database: 'x'.repeat(256) }, /database name/],
  ];
  for (const [spec, message] of refused)
    assert.throws(
      () => createTableDdl(spec),
      (error: unknown) => error instanceof AthenaTableError && message.test(error.message),
      JSON.stringify(spec),
    );
  // A prefix with spaces and other S3-safe characters is fine.
  assert.match(
    createTableDdl({ location: { bucket: 'b1b', keyPrefix: 'logs (prod) & more' } }),
    /LOCATION 's3:\/\/b1b\/logs \(prod\) & more\/AWSLogs\/'/,
  );
});
