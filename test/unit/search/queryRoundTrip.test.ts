import { test } from 'node:test';
import assert from 'node:assert/strict';

import { parseKeyRef } from '../../../src/core/search/keys';
import { emptyQuery, type SearchQuery, type ValuePattern } from '../../../src/core/search/query';
import { formatQuery } from '../../../src/core/search/queryFormat';
import { parseQuery } from '../../../src/core/search/queryParse';

function roundTrip(query: SearchQuery): void {
  const text = formatQuery(query);
  assert.deepEqual(parseQuery(text), query, `text: ${text}`);
  assert.equal(formatQuery(parseQuery(text)), text, 'text → query → text is stable');
}

test('query → text → query for written queries', () => {
  for (const text of [
    '',
    'name:Decrypt,GenerateDataKey key:alias/cloudtrail-logs error:any ctx:aws:s3:arn=arn:aws:s3:::bucket/AWSLogs/*',
    'scope:management from:-1h to:now account:111122223333,444455556666 region:us-east-1 readonly:yes,no',
    'scope:s3://bucket/team/logs/AWSLogs/o-exampleorgid/ from:2026-11-24 to:2026-11-24T10:30:45Z',
    'scope:"s3://bucket/with space/AWSLogs/" principal:"arn:aws:iam::111122223333:user/John Smith",AROA* ip:192.0.2.1,10.* request:abc',
    'error:none,"any","None",AccessDenied* "arn:aws:kms:us-west-2:111122223333:key/1234" "two words" "a\\"b\\\\c" plain',
    'ctx:"odd=key"=v=w,"x,y",pre* ctx:k=""',
    'name:"Star*",Gen*,"quoted prefix"*',
  ]) {
    roundTrip(parseQuery(text));
  }
});

/** A small seeded generator: the same hostile values every run. */
function generator(seed: number) {
  let state = seed;
  const next = () => ((state = (state * 1103515245 + 12345) & 0x7fffffff), state);
  const alphabet = [
    'a',
    'Z',
    '9',
    ' ',
    ',',
    '"',
    '\\',
    '*',
    ':',
    '=',
    "'",
    '/',
    '-',
    'é',
    '\ud83d\ude00',
    '%',
    '_',
    'any',
    'none',
    'name:',
  ];
  const text = (min = 1) => {
    let out = '';
    const length = min + (next() % 12);
    for (let i = 0; i < length; i++) out += alphabet[next() % alphabet.length];
    return out;
  };
  const patterns = (): ValuePattern[] => {
    const list: ValuePattern[] = [];
    for (let i = 0, n = next() % 3; i < n; i++) {
      const item = { value: text(), prefix: next() % 3 === 0 };
      if (!list.some((known) => known.value === item.value && known.prefix === item.prefix)) list.push(item);
    }
    return list;
  };
  return { next, text, patterns };
}

test('query → text → query for generated queries with hostile values (quotes, commas, stars, escapes, unicode)', () => {
  const random = generator(42);
  for (let round = 0; round < 500; round++) {
    const query = emptyQuery();
    query.names = random.patterns();
    query.principals = random.patterns();
    query.sourceIps = random.patterns();
    query.requests = random.patterns();
    // Sources are normalized on parse (a bare word gains .amazonaws.com): generate them normalized.
    query.sources = random
      .patterns()
      .map((item) => (item.prefix || item.value.includes('.') ? item : { value: `${item.value}.amazonaws.com`, prefix: false }));
    for (let i = 0, n = random.next() % 3; i < n; i++) {
      const key = random.text();
      if (!query.contexts.some((known) => known.key === key))
        query.contexts.push({ key, values: random.patterns().concat({ value: '', prefix: false }) });
    }
    for (let i = 0, n = random.next() % 3; i < n; i++) {
      const term = random.text();
      if (!query.text.includes(term)) query.text.push(term);
    }
    query.errors = random.patterns().map((pattern) => ({ kind: 'code' as const, pattern }));
    if (random.next() % 2) query.errors.push({ kind: 'any' });
    if (random.next() % 4 === 0) query.readOnly = [true];
    roundTrip(query);
  }
});

test('query → text → query keeps keys, scopes and times exactly', () => {
  const query: SearchQuery = {
    ...emptyQuery(),
    scope: { kind: 'location', bucket: 'b-1.example', keyPrefix: 'AWSLogs', organizationId: 'o-abcdefghij' },
    from: { kind: 'instant', ms: Date.parse('2026-11-24T10:30:45.123Z') },
    to: { kind: 'today', offsetDays: -1 },
    keys: [
      '1234abcd-12ab-34cd-56ef-1234567890ab',
      'arn:aws-us-gov:kms:us-gov-west-1:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab',
      'alias/a/b_c-d',
    ].map((text) => parseKeyRef(text)!),
  };
  roundTrip(query);
});
