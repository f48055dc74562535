import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fromLogUriParts, logDisplayName, toLogUriParts, type LogLocation } from '../../src/core/logs/logUri';

const KEY =
  'AWSLogs/111122223333/CloudTrail/us-west-2/2026/01/02/111122223333_CloudTrail_us-west-2_20260102T0105Z_abcdEFGH12345678.json.gz';

test('a standard log key reads like its S3 location and ends in .json', () => {
  const parts = toLogUriParts({ bucket: 'trail-bucket', key: KEY, region: 'us-west-2', profile: 'audit' });
  assert.equal(parts.scheme, 'cloudtrail-log');
  assert.equal(parts.path, `/trail-bucket/${KEY.slice(0, -3)}`);
  assert.ok(parts.path.endsWith('.json'));
  assert.equal(parts.query, 'region=us-west-2&profile=audit');
  assert.deepEqual(fromLogUriParts(parts), { bucket: 'trail-bucket', key: KEY, region: 'us-west-2', profile: 'audit' });
});

test('the same location always gives the same URI (stable)', () => {
  const a = toLogUriParts({ bucket: 'b-1', key: KEY, region: 'eu-central-1' });
  const b = toLogUriParts({ bucket: 'b-1', key: KEY, region: 'eu-central-1' });
  assert.deepEqual(a, b);
});

test('hostile and unusual keys round-trip exactly', () => {
  const keys = [
    'plain.json',
    'no-extension',
    'a//double/slash.json.gz',
    '/leading-slash.json.gz',
    'trailing/',
    'x.json.gz.json.gz',
    'q?uery#frag%25.json.gz',
    'space and ünïcödé ✓.json.gz',
    '../../etc/passwd',
    'a&profile=evil&region=x.json',
    'key=injected.json',
    '[link](command:workbench.action.terminal.new).json.gz',
    '%E0%A4%A',
    'a.json',
  ];
  for (const key of keys) {
    for (const extra of [{}, { region: 'us-east-1' }, { region: 'us-east-1', profile: 'we&ird=profile' }]) {
      const location: LogLocation = { bucket: 'my.bucket-1', key, ...extra };
      const parts = toLogUriParts(location);
      assert.ok(parts.path.endsWith('.json'), key);
      assert.deepEqual(fromLogUriParts(parts), location, key);
    }
  }
});

test('a query that injects parameters cannot change the location', () => {
  const parts = toLogUriParts({ bucket: 'b-1', key: 'a&region=evil.json.gz', region: 'us-west-2' });
  assert.equal(fromLogUriParts(parts).region, 'us-west-2');
});

test('bad URIs give readable errors', () => {
  assert.throws(() => fromLogUriParts({ scheme: 'file', path: '/b/k.json', query: '' }), /Not a cloudtrail-log URI/);
  assert.throws(() => fromLogUriParts({ scheme: 'cloudtrail-log', path: '/only-bucket', query: '' }), /needs \/<bucket>\/<key>/);
  assert.throws(() => fromLogUriParts({ scheme: 'cloudtrail-log', path: '/b/k.txt', query: '' }), /ends in \.json/);
  assert.throws(() => fromLogUriParts({ scheme: 'cloudtrail-log', path: '/b/k.json', query: 'key=other' }), /does not match/);
  assert.throws(() => fromLogUriParts({ scheme: 'cloudtrail-log', path: '/b/k.json', query: 'region=%E0%A4%A' }), /Malformed region/);
  assert.throws(() => fromLogUriParts({ scheme: 'cloudtrail-log', path: '/b c/k.json', query: '' }), /Not an S3 bucket name/);
  assert.throws(() => toLogUriParts({ bucket: 'b/../c', key: 'k' }), /Not an S3 bucket name/);
  assert.throws(() => toLogUriParts({ bucket: 'bucket', key: '' }), /object key is needed/);
});

test('the display name is the file name ending in .json', () => {
  assert.equal(logDisplayName({ bucket: 'b-1', key: KEY }), '111122223333_CloudTrail_us-west-2_20260102T0105Z_abcdEFGH12345678.json');
});
