import { test } from 'node:test';
import assert from 'node:assert/strict';
import { keyConsoleUrl, s3ConsoleUrl, trailConsoleUrl } from '../../src/core/consoleUrls';

test('console addresses for a trail, a key, an object and a prefix', () => {
  assert.equal(
    trailConsoleUrl('arn:aws:cloudtrail:us-west-2:111122223333:trail/management'),
    'https://us-west-2.console.aws.amazon.com/cloudtrailv2/home?region=us-west-2#/trails/arn%3Aaws%3Acloudtrail%3Aus-west-2%3A111122223333%3Atrail%2Fmanagement',
  );
  assert.equal(
    keyConsoleUrl('arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab'),
    'https://us-west-2.console.aws.amazon.com/kms/home?region=us-west-2#/kms/keys/1234abcd-12ab-34cd-56ef-1234567890ab',
  );
  assert.equal(
    s3ConsoleUrl('b-1', 'AWSLogs/x.json.gz', 'us-west-2'),
    'https://s3.console.aws.amazon.com/s3/object/b-1?region=us-west-2&prefix=AWSLogs%2Fx.json.gz',
  );
  assert.ok(s3ConsoleUrl('b-1', 'AWSLogs/').startsWith('https://s3.console.aws.amazon.com/s3/buckets/b-1?prefix=AWSLogs%2F'));
});

test('non-matching ARNs give no console address', () => {
  assert.equal(trailConsoleUrl('arn:aws:kms:us-west-2:111122223333:key/1'), undefined);
  assert.equal(keyConsoleUrl('not an arn'), undefined);
});
