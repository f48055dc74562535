import { test } from 'node:test';
import assert from 'node:assert/strict';

import { compileMatcher, type MatchOptions } from '../../../src/core/search/match';
import { parseQuery } from '../../../src/core/search/queryParse';
import { at, corpusRecord, corpusRecords, idsWhere } from './corpusRecords';

/** The ids of the corpus records the query matches. */
function hits(text: string, options: MatchOptions = {}): string[] {
  const match = compileMatcher(parseQuery(text), options);
  return corpusRecords()
    .filter((item) => match(item.record))
    .map((item) => item.id);
}

const lower = (value: unknown) => (typeof value === 'string' ? value.toLowerCase() : undefined);

test('the corpus is there (a test over nothing proves nothing)', () => {
  assert.ok(corpusRecords().length >= 80, `${corpusRecords().length} records`);
});

test('name: OR within the field, ignoring case, exact unless a * makes it a prefix', () => {
  const decrypts = hits('name:Decrypt');
  assert.ok(decrypts.length >= 5, decrypts.join());
  assert.deepEqual(
    decrypts,
    idsWhere((r) => r.eventName === 'Decrypt'),
  );
  assert.deepEqual(hits('name:decrypt'), decrypts);
  assert.deepEqual(
    hits('name:Decrypt,ReEncrypt'),
    idsWhere((r) => r.eventName === 'Decrypt' || r.eventName === 'ReEncrypt'),
  );
  const generate = hits('name:GenerateDataKey*');
  assert.deepEqual(
    generate,
    idsWhere((r) => String(r.eventName).startsWith('GenerateDataKey')),
  );
  assert.ok(generate.includes('aws-docs-kms/ct-generatedatakeypair-0.json'));
  assert.ok(!hits('name:GenerateDataKey').includes('aws-docs-kms/ct-generatedatakeypair-0.json'), 'exact is exact');
});

test('AND across fields: name and source and error', () => {
  assert.deepEqual(hits('name:Decrypt error:any'), ['aws-docs-kms/ct-decrypt-4.json']);
  assert.deepEqual(hits('source:kms error:KMSInvalidStateException'), ['aws-docs-kms/ct-decrypt-4.json']);
  assert.deepEqual(hits('source:cloudtrail error:any'), ['aws-docs-cloudtrail/cloudtrail-log-file-examples-8.json']);
  assert.deepEqual(hits('name:Decrypt source:iam'), []);
});

test('error: any, none, codes and code prefixes', () => {
  const failed = hits('error:any');
  assert.deepEqual(
    failed,
    idsWhere((r) => typeof r.errorCode === 'string' && r.errorCode !== ''),
  );
  assert.equal(failed.length, 3);
  assert.equal(hits('error:none').length + failed.length, corpusRecords().length, 'none and any split the corpus');
  assert.deepEqual(hits('error:invalidkeyusage*'), ['aws-docs-kms/ct-generatedatakeyplaintext-0.json']);
  assert.equal(hits('error:none,TrailNotFoundException').length, corpusRecords().length - 2);
});

test('principal: user ARN, the role behind a session, user name, principal id, access key id', () => {
  const alice = hits('principal:arn:aws:iam::111122223333:user/Alice');
  assert.ok(alice.length >= 20, `${alice.length}`);
  assert.deepEqual(
    alice,
    idsWhere((r) => at(r, 'userIdentity.arn') === 'arn:aws:iam::111122223333:user/Alice'),
  );
  assert.deepEqual(
    hits('principal:alice'),
    idsWhere(
      (r) =>
        lower(at(r, 'userIdentity.userName')) === 'alice' || lower(at(r, 'userIdentity.sessionContext.sessionIssuer.userName')) === 'alice',
    ),
    'by user name, ignoring case',
  );
  assert.ok(hits('principal:AKIAIOSFODNN7EXAMPLE').includes('seed/3-log-file-read-decrypt.json'));
  assert.ok(
    hits(`principal:${String(at(corpusRecord('seed/3-log-file-read-decrypt.json'), 'userIdentity.principalId'))}`).includes(
      'seed/3-log-file-read-decrypt.json',
    ),
  );
  // An assumed-role session is found by its role's ARN (sessionIssuer.arn), by the session ARN prefix, and by role name.
  const sessions = corpusRecords().filter(
    (item) => at(item.record, 'userIdentity.type') === 'AssumedRole' && at(item.record, 'userIdentity.sessionContext.sessionIssuer.arn'),
  );
  assert.ok(sessions.length > 0, 'the corpus has assumed-role sessions');
  for (const { id, record } of sessions) {
    const arn = String(at(record, 'userIdentity.arn'));
    assert.ok(hits(`principal:${String(at(record, 'userIdentity.sessionContext.sessionIssuer.arn'))}`).includes(id), id);
    assert.ok(hits(`principal:"${arn.slice(0, arn.lastIndexOf('/') + 1)}"*`).includes(id), id);
    assert.ok(hits(`principal:"${String(at(record, 'userIdentity.sessionContext.sessionIssuer.userName'))}"`).includes(id), id);
  }
});

test('key: by key id, key ARN (finding bare ids too), alias name and ARN, resolved alias, and every key field', () => {
  const id = '1234abcd-12ab-34cd-56ef-1234567890ab';
  const byId = hits(`key:${id}`);
  assert.deepEqual(hits(`key:arn:aws:kms:us-west-2:111122223333:key/${id}`), byId, 'a key ARN and its id find the same events');
  assert.ok(byId.includes('aws-docs-kms/ct-createalias-0.json'), 'targetKeyId holds the bare id');
  assert.ok(byId.includes('aws-docs-kms/ct-reencrypt-0.json'), 'ReEncrypt lists the source key in resources');
  assert.ok(byId.includes('aws-docs-kms/ct-createkey-0.json'), 'CreateKey: keyMetadata.arn');
  // Every hit names the key somewhere; every record whose text holds the id as a key reference is a hit.
  assert.ok(byId.every((hit) => JSON.stringify(corpusRecord(hit)).includes(id)));
  const other = '0987dcba-09fe-87dc-65ba-ab0987654321';
  assert.ok(hits(`key:${other}`).includes('aws-docs-kms/ct-reencrypt-0.json'), 'ReEncrypt: destinationKeyId');
  assert.ok(!hits(`key:${other}`).includes('aws-docs-kms/ct-createalias-0.json'));
  // Alias: the name and the alias ARN, as callers send them; resolved, also every event of the key.
  const alias = hits('key:alias/ExampleAlias');
  assert.ok(alias.includes('aws-docs-kms/ct-createalias-0.json'), alias.join());
  assert.deepEqual(hits('key:arn:aws:kms:us-west-2:111122223333:alias/ExampleAlias'), alias);
  const resolved = hits('key:alias/ExampleAlias', {
    keys: new Map([['alias/ExampleAlias', `arn:aws:kms:us-west-2:111122223333:key/${id}`]]),
  });
  assert.deepEqual(
    resolved,
    idsWhere((r) => alias.includes(corpusId(r)) || byId.includes(corpusId(r))),
  );
  // Multi-Region: the mrk- id finds the replica's events.
  assert.ok(hits('key:mrk-1234abcd12ab34cd56ef1234567890ab').includes('aws-docs-kms/ct-update-primary-region-0.json'));
  assert.deepEqual(hits('key:ffffffff-ffff-ffff-ffff-ffffffffffff'), []);
});

function corpusId(record: Record<string, unknown>): string {
  return corpusRecords().find((item) => item.record === record)!.id;
}

test('ctx: exact and prefix values, keys exact (case counts), several keys AND', () => {
  const s3 = 'arn:aws:s3:::example-bucket-for-CT-logs/AWSLogs/111122223333/CloudTrail/us-west-2/2015/11/11/';
  assert.ok(hits(`ctx:aws:s3:arn=${s3}*`).includes('seed/3-log-file-read-decrypt.json'));
  assert.deepEqual(hits(`ctx:aws:s3:arn=${s3}`), [], 'without * the value is exact');
  assert.deepEqual(hits(`ctx:AWS:S3:ARN=${s3}*`), [], 'context keys are exact');
  const both = hits('ctx:Department=Engineering ctx:Purpose=Test');
  assert.deepEqual(
    both,
    idsWhere(
      (r) =>
        at(r, 'requestParameters.encryptionContext.Department') === 'Engineering' &&
        at(r, 'requestParameters.encryptionContext.Purpose') === 'Test',
    ),
  );
  assert.ok(both.length >= 1 && hits('ctx:Department=Engineering').length > both.length);
  assert.deepEqual(hits('ctx:Department=engineering'), [], 'context values are exact');
  assert.deepEqual(hits('ctx:Level=3A'), ['aws-docs-kms/ct-reencrypt-0.json'], 'ReEncrypt destination context');
  assert.ok(hits('ctx:Project=Alpha').includes('aws-docs-kms/ct-reencrypt-0.json'), 'ReEncrypt source context');
  assert.deepEqual(hits('ctx:constructor=x'), [], 'no prototype keys');
  assert.deepEqual(hits('ctx:__proto__=y'), [], 'no prototype keys');
});

test('readonly, source ip, request ids, accounts and regions', () => {
  assert.deepEqual(
    hits('readonly:yes'),
    idsWhere((r) => r.readOnly === true),
  );
  assert.deepEqual(
    hits('readonly:no'),
    idsWhere((r) => r.readOnly === false),
  );
  assert.ok(hits('readonly:yes').length > 10 && hits('readonly:no').length > 10);
  assert.deepEqual(
    hits('ip:192.0.2.0'),
    idsWhere((r) => r.sourceIPAddress === '192.0.2.0'),
  );
  assert.deepEqual(
    hits('ip:192.0.2.*'),
    idsWhere((r) => String(r.sourceIPAddress).startsWith('192.0.2.')),
  );
  assert.deepEqual(hits('request:36327B37-F4F6-40A9-92AB-48064EC905A2'), ['aws-docs-kms/ct-createkey-0.json'], 'eventID, any case');
  assert.deepEqual(hits('request:1aef6713-0223-4ff7-9a6d-781360521930'), ['aws-docs-kms/ct-createkey-0.json'], 'requestID');
  assert.deepEqual(
    hits('region:us-west-2'),
    idsWhere((r) => r.awsRegion === 'us-west-2'),
  );
  // A record without recipientAccountId (old event versions) passes: its log folder already named the account.
  assert.deepEqual(
    hits('account:123456789012'),
    idsWhere((r) => r.recipientAccountId === '123456789012' || r.recipientAccountId === undefined),
  );
});

test('free text: every term, ignoring case, each inside one value or nested key; not across values, not field names', () => {
  const alias = hits('ExampleAlias');
  assert.ok(alias.includes('aws-docs-kms/ct-createalias-0.json'), alias.join());
  assert.ok(alias.every((id) => JSON.stringify(corpusRecord(id)).toLowerCase().includes('examplealias')));
  assert.deepEqual(hits('examplealias'), alias, 'ignoring case');
  const both = hits('Department Purpose');
  assert.deepEqual(
    both,
    idsWhere(
      (r) =>
        at(r, 'requestParameters.encryptionContext.Department') !== undefined &&
        at(r, 'requestParameters.encryptionContext.Purpose') !== undefined,
    ),
  );
  assert.ok(both.length >= 1, 'nested keys count, both terms needed');
  assert.deepEqual(hits('"Decrypt kms"'), [], 'a term never spans two values');
  assert.deepEqual(hits('eventName'), [], 'top-level field names are not text');
  assert.ok(hits('"SYMMETRIC_DEFAULT"').length > 5);
});

test('time range: eventTime within [from, to), CloudTrail form compared as text, other forms parsed', () => {
  const range = { fromMs: Date.parse('2022-11-24T00:26:00Z'), toMs: Date.parse('2022-11-24T00:27:00Z') };
  assert.deepEqual(
    hits('', { range }),
    idsWhere((r) => String(r.eventTime).startsWith('2022-11-24T00:26:')),
  );
  assert.ok(hits('', { range }).length >= 1);
  assert.deepEqual(
    hits('', { range: { fromMs: range.fromMs, toMs: Date.parse('2022-11-24T00:26:58Z') } }),
    idsWhere((r) => String(r.eventTime) >= '2022-11-24T00:26:00Z' && String(r.eventTime) < '2022-11-24T00:26:58Z'),
    'to is exclusive',
  );
  const match = compileMatcher(parseQuery(''), { range });
  assert.equal(match({ eventTime: '2022-11-24T00:26:30.5Z' }), true);
  assert.equal(match({ eventTime: '2022-11-24T01:26:30+01:00' }), true);
  assert.equal(match({ eventTime: '2022-11-24T00:27:00Z' }), false);
  assert.equal(match({ eventTime: 'not a time' }), false);
  assert.equal(match({}), false);
});

test('records that are not objects, and hostile shapes, do not match and do not throw', () => {
  const match = compileMatcher(parseQuery('name:Decrypt key:alias/x ctx:a=b error:any readonly:yes hello principal:x request:y'));
  for (const record of [
    null,
    1,
    'Decrypt',
    [],
    { eventName: ['Decrypt'] },
    { resources: 'x', requestParameters: [] },
    { userIdentity: null },
  ])
    assert.equal(match(record), false);
  // Deep nesting does not overflow the stack (free text walks without recursion).
  let deep: unknown = 'hello';
  for (let i = 0; i < 100_000; i++) deep = [deep];
  assert.equal(compileMatcher(parseQuery('hello'))({ requestParameters: deep }), true);
  assert.equal(compileMatcher(parseQuery('hello'))({ requestParameters: { a: 'x'.repeat(1_000_000) } }), false);
});
