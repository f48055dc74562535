/** The query Find Events starts with from a trail, a key, a log folder or a log file: the right scope, filters and range, and text that parses back. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { folderQuery, logFileScope, parseQuery, prefillText, trailQuery, withScope, findEventsQuery } from '../../../src/core/search';

const ORG = 'o-a1b2c3d4e5';

test('a log folder: its location as the scope, its account and region as filters, its year, month or day as the range', () => {
  const cases: [string, string][] = [
    ['org-audit/AWSLogs/111122223333/', 'scope:s3://my-bucket/org-audit/AWSLogs/ from:-1h account:111122223333'],
    ['org-audit/AWSLogs/111122223333/CloudTrail/', 'scope:s3://my-bucket/org-audit/AWSLogs/ from:-1h account:111122223333'],
    [
      'org-audit/AWSLogs/111122223333/CloudTrail/us-west-2/',
      'scope:s3://my-bucket/org-audit/AWSLogs/ from:-1h account:111122223333 region:us-west-2',
    ],
    [
      'AWSLogs/111122223333/CloudTrail/eu-central-1/2026/',
      'scope:s3://my-bucket/AWSLogs/ from:2026-01-01 to:2026-12-31 account:111122223333 region:eu-central-1',
    ],
    [
      'AWSLogs/111122223333/CloudTrail/eu-central-1/2024/02/',
      'scope:s3://my-bucket/AWSLogs/ from:2024-02-01 to:2024-02-29 account:111122223333 region:eu-central-1',
    ],
    [
      'AWSLogs/111122223333/CloudTrail/eu-central-1/2026/11/24/',
      'scope:s3://my-bucket/AWSLogs/ from:2026-11-24 to:2026-11-24 account:111122223333 region:eu-central-1',
    ],
    // A digest folder stands for the logs of the same account and region.
    [
      'AWSLogs/111122223333/CloudTrail-Digest/us-west-2/2026/11/24/',
      'scope:s3://my-bucket/AWSLogs/ from:2026-11-24 to:2026-11-24 account:111122223333 region:us-west-2',
    ],
    [`${ORG}/AWSLogs/${ORG}/432109876543/CloudTrail/`, `scope:s3://my-bucket/${ORG}/AWSLogs/${ORG}/ from:-1h account:432109876543`],
    [`AWSLogs/${ORG}/`, `scope:s3://my-bucket/AWSLogs/${ORG}/ from:-1h`],
    ['some/prefix/', 'scope:s3://my-bucket/some/prefix/AWSLogs/ from:-1h'],
  ];
  for (const [prefix, expected] of cases) {
    const text = prefillText(folderQuery('my-bucket', prefix));
    assert.equal(text, expected, prefix);
    assert.deepEqual(parseQuery(text), folderQuery('my-bucket', prefix), `${prefix} round trip`);
  }
});

test('a trail (and its key), a log file’s location, and a link’s query inside the document’s location', () => {
  const trail = 'arn:aws:cloudtrail:us-west-2:111122223333:trail/management';
  const key = 'arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
  assert.equal(prefillText(trailQuery(trail)), `scope:${trail} from:-1h`);
  assert.equal(prefillText(trailQuery(trail, key)), `scope:${trail} from:-1h key:${key}`);
  const file = `org-audit/AWSLogs/${ORG}/111122223333/CloudTrail/us-west-2/2026/11/24/111122223333_CloudTrail_us-west-2_20261124T0105Z_abcdefghijklmnop.json.gz`;
  const scope = logFileScope('my-bucket', file);
  assert.equal(prefillText(scope!), `scope:s3://my-bucket/org-audit/AWSLogs/${ORG}/ account:111122223333`);
  assert.equal(logFileScope('my-bucket', 'not/a/log.json.gz'), undefined);
  const link = findEventsQuery({ field: 'accessKey', value: 'AKIAIOSFODNN7EXAMPLE', eventTime: '2026-11-24T10:30:15Z' });
  const text = prefillText(withScope(link, scope));
  assert.equal(
    text,
    `scope:s3://my-bucket/org-audit/AWSLogs/${ORG}/ from:2026-11-24T09:30Z to:2026-11-24T11:31Z account:111122223333 principal:AKIAIOSFODNN7EXAMPLE`,
  );
  // A query that names its scope keeps it.
  const own = parseQuery('scope:other-trail name:Decrypt');
  assert.equal(withScope(own, scope), own);
});
