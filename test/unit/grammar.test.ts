import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Rule {
  match: string;
  name: string;
}
const grammar = JSON.parse(
  readFileSync(join(__dirname, '..', '..', '..', 'syntaxes', 'cloudtrail-json.injection.tmLanguage.json'), 'utf8'),
) as {
  scopeName: string;
  injectionSelector: string;
  repository: Record<string, Rule>;
};
const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
  contributes: { grammars: { scopeName: string; path: string; injectTo: string[] }[] };
};

// The patterns use only syntax Oniguruma and JavaScript share (lookbehind, \d, \b), so JavaScript can check them.
function matches(rule: string, text: string): string[] {
  return [...text.matchAll(new RegExp(grammar.repository[rule].match, 'g'))].map((m) => m[0]);
}

test('the grammar is injected into JSON string values only', () => {
  const entry = manifest.contributes.grammars.find((g) => g.scopeName === grammar.scopeName);
  assert.ok(entry);
  assert.deepEqual(entry.injectTo, ['source.json']);
  assert.equal(grammar.injectionSelector, 'L:source.json string.quoted.double.json');
});

test('ARNs are matched whole, and nothing else', () => {
  assert.deepEqual(matches('arn', '"arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"'), [
    'arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
  ]);
  assert.deepEqual(matches('arn', '"arn:aws:s3:::bucket/AWSLogs/x.json.gz"'), ['arn:aws:s3:::bucket/AWSLogs/x.json.gz']);
  assert.deepEqual(matches('arn', '"not an arn: aws:kms"'), []);
});

test('12-digit account ids and KMS event names are matched only as whole string values', () => {
  assert.deepEqual(matches('accountId', '"111122223333"'), ['111122223333']);
  assert.deepEqual(matches('accountId', '"1111222233334"'), []);
  assert.deepEqual(matches('kmsEventName', '"GenerateDataKey"'), ['GenerateDataKey']);
  assert.deepEqual(matches('kmsEventName', '"Decrypt"'), ['Decrypt']);
  assert.deepEqual(matches('kmsEventName', '"PutObject"'), []);
  assert.deepEqual(matches('kmsEventName', '"Decrypted by me"'), []);
});
