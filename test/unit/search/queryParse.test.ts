import { test } from 'node:test';
import assert from 'node:assert/strict';

import { emptyQuery, type SearchQuery } from '../../../src/core/search/query';
import { QueryError, pointAtQueryError } from '../../../src/core/search/queryError';
import { parseQuery } from '../../../src/core/search/queryParse';

function parsed(text: string): SearchQuery {
  return parseQuery(text);
}

/** The QueryError of a bad query, with the exact text under the caret. */
function badToken(text: string): { error: QueryError; token: string } {
  try {
    parseQuery(text);
  } catch (error) {
    assert.ok(error instanceof QueryError, `not a QueryError: ${String(error)}`);
    return { error, token: text.slice(error.start, error.end) };
  }
  assert.fail(`"${text}" parsed`);
}

test('the issue example: names OR, key alias, any error, an encryption context prefix', () => {
  const query = parsed('name:Decrypt,GenerateDataKey key:alias/cloudtrail-logs error:any ctx:aws:s3:arn=arn:aws:s3:::bucket/AWSLogs/*');
  assert.deepEqual(query, {
    ...emptyQuery(),
    names: [
      { value: 'Decrypt', prefix: false },
      { value: 'GenerateDataKey', prefix: false },
    ],
    keys: [{ text: 'alias/cloudtrail-logs', kind: 'aliasName', aliasName: 'alias/cloudtrail-logs' }],
    errors: [{ kind: 'any' }],
    contexts: [{ key: 'aws:s3:arn', values: [{ value: 'arn:aws:s3:::bucket/AWSLogs/', prefix: true }] }],
  });
});

test('every field, by its aliases too', () => {
  const query = parsed(
    'trail:management since:2026-11-20 until:2026-11-24T10:30Z accounts:111122223333 regions:us-east-1,eu-west-1 ' +
      'event:Decrypt service:kms who:arn:aws:iam::111122223333:role/Admin kms:1234abcd-12ab-34cd-56ef-1234567890ab ' +
      'context:Department=Engineering err:AccessDenied* ro:no sourceip:192.0.2.* id:36327b37-f4f6-40a9-92ab-48064ec905a2 forgotten',
  );
  assert.deepEqual(query.scope, { kind: 'trail', trail: 'management' });
  assert.deepEqual(query.from, { kind: 'day', day: '2026-11-20' });
  assert.deepEqual(query.to, { kind: 'instant', ms: Date.parse('2026-11-24T10:30:00Z') });
  assert.deepEqual(query.accounts, ['111122223333']);
  assert.deepEqual(query.regions, ['us-east-1', 'eu-west-1']);
  assert.deepEqual(query.names, [{ value: 'Decrypt', prefix: false }]);
  assert.deepEqual(query.sources, [{ value: 'kms.amazonaws.com', prefix: false }], 'a bare service name means <name>.amazonaws.com');
  assert.deepEqual(query.principals, [{ value: 'arn:aws:iam::111122223333:role/Admin', prefix: false }]);
  assert.equal(query.keys[0].kind, 'keyId');
  assert.deepEqual(query.contexts, [{ key: 'Department', values: [{ value: 'Engineering', prefix: false }] }]);
  assert.deepEqual(query.errors, [{ kind: 'code', pattern: { value: 'AccessDenied', prefix: true } }]);
  assert.deepEqual(query.readOnly, [false]);
  assert.deepEqual(query.sourceIps, [{ value: '192.0.2.', prefix: true }]);
  assert.deepEqual(query.requests, [{ value: '36327b37-f4f6-40a9-92ab-48064ec905a2', prefix: false }]);
  assert.deepEqual(query.text, ['forgotten']);
});

test('field names ignore case; a field given twice ORs its values; duplicates are dropped', () => {
  const query = parsed('NAME:Decrypt Name:Encrypt name:Decrypt');
  assert.deepEqual(
    query.names.map((item) => item.value),
    ['Decrypt', 'Encrypt'],
  );
});

test('values may be spaced after the colon and around commas', () => {
  assert.deepEqual(
    parsed('name: Decrypt , Encrypt').names.map((item) => item.value),
    ['Decrypt', 'Encrypt'],
  );
});

test('quoted values: spaces, commas, quotes, backslashes, a literal * and a quoted prefix', () => {
  const query = parsed('principal:"arn:aws:iam::111122223333:user/John Smith","a,b" "say \\"hi\\" \\\\ there" name:"Star*" ip:"10.0.0"*');
  assert.deepEqual(query.principals, [
    { value: 'arn:aws:iam::111122223333:user/John Smith', prefix: false },
    { value: 'a,b', prefix: false },
  ]);
  assert.deepEqual(query.text, ['say "hi" \\ there']);
  assert.deepEqual(query.names, [{ value: 'Star*', prefix: false }]);
  assert.deepEqual(query.sourceIps, [{ value: '10.0.0', prefix: true }]);
});

test('encryption context: keys with colons, quoted keys with = in them, values with =, several keys AND, one key ORs', () => {
  const query = parsed('ctx:aws:s3:arn=arn:aws:s3:::b/k ctx:"odd=key"=v=w ctx:aws:s3:arn=arn:aws:s3:::b/other ctx:Empty=""');
  assert.deepEqual(query.contexts, [
    {
      key: 'aws:s3:arn',
      values: [
        { value: 'arn:aws:s3:::b/k', prefix: false },
        { value: 'arn:aws:s3:::b/other', prefix: false },
      ],
    },
    { key: 'odd=key', values: [{ value: 'v=w', prefix: false }] },
    { key: 'Empty', values: [{ value: '', prefix: false }] },
  ]);
});

test('error: any and none are keywords; quoted they are codes', () => {
  assert.deepEqual(parsed('error:any,None,"any"').errors, [
    { kind: 'any' },
    { kind: 'none' },
    { kind: 'code', pattern: { value: 'any', prefix: false } },
  ]);
});

test('readonly: yes/no/true/false', () => {
  assert.deepEqual(parsed('readonly:yes').readOnly, [true]);
  assert.deepEqual(parsed('readonly:FALSE,true').readOnly, [false, true]);
});

test('free text: ARNs and URLs pasted bare are text, not fields', () => {
  const query = parsed('arn:aws:kms:us-west-2:111122223333:key/1234 https://example.com/x 10:30');
  assert.deepEqual(query.text, ['arn:aws:kms:us-west-2:111122223333:key/1234', 'https://example.com/x', '10:30']);
});

test('key forms: id (lower-cased), key ARN, alias name, alias ARN, multi-Region id', () => {
  const query = parsed(
    'key:1234ABCD-12AB-34CD-56EF-1234567890AB,arn:aws:kms:us-west-2:111122223333:key/0987dcba-09fe-87dc-65ba-ab0987654321,' +
      'alias/aws/s3,arn:aws:kms:us-west-2:111122223333:alias/ExampleAlias,mrk-1234abcd12ab34cd56ef1234567890ab',
  );
  assert.deepEqual(
    query.keys.map((key) => [key.kind, key.keyId ?? key.aliasName]),
    [
      ['keyId', '1234abcd-12ab-34cd-56ef-1234567890ab'],
      ['keyArn', '0987dcba-09fe-87dc-65ba-ab0987654321'],
      ['aliasName', 'alias/aws/s3'],
      ['aliasArn', 'alias/ExampleAlias'],
      ['keyId', 'mrk-1234abcd12ab34cd56ef1234567890ab'],
    ],
  );
});

test('scope: trail name, trail ARN, location root, and a pasted deep location that names account and region', () => {
  assert.deepEqual(parsed('scope:arn:aws:cloudtrail:us-east-1:111122223333:trail/org-trail').scope, {
    kind: 'trail',
    trail: 'arn:aws:cloudtrail:us-east-1:111122223333:trail/org-trail',
  });
  assert.deepEqual(parsed('scope:s3://my-bucket').scope, { kind: 'location', bucket: 'my-bucket' });
  assert.deepEqual(parsed('scope:s3://my-bucket/team/logs/').scope, { kind: 'location', bucket: 'my-bucket', keyPrefix: 'team/logs' });
  const deep = parsed('scope:s3://my-bucket/p/AWSLogs/o-exampleorgid/111122223333/CloudTrail/eu-west-1/');
  assert.deepEqual(deep.scope, { kind: 'location', bucket: 'my-bucket', keyPrefix: 'p', organizationId: 'o-exampleorgid' });
  assert.deepEqual(deep.accounts, ['111122223333']);
  assert.deepEqual(deep.regions, ['eu-west-1']);
  // The same account given twice is fine; a different one is a conflict.
  assert.deepEqual(parsed('account:111122223333 scope:s3://b1b/AWSLogs/111122223333/').accounts, ['111122223333']);
  const conflict = badToken('account:444455556666 scope:s3://b1b/AWSLogs/111122223333/');
  assert.equal(conflict.token, 'scope:s3://b1b/AWSLogs/111122223333/');
  assert.match(conflict.error.problem, /names account 111122223333 but account: lists 444455556666/);
});

test('bad queries point at the bad token and say what was expected', () => {
  const cases: [string, string, RegExp][] = [
    ['name:Decrypt nmae:Encrypt', 'nmae', /Unknown field "nmae".*expected one of scope, from, to/],
    ['name:', '', /A missing name: value.*right after "name:"/],
    ['name:Decrypt,', '', /A missing name: value/],
    ['name:De*crypt', '*', /A \* inside a value.*only at the end/],
    ['Decrypt*', '*', /free text already matches anywhere/],
    ['name:"open', '"', /never closed/],
    ['name:"a"b', 'b', /right after a quoted value/],
    ['name:a"b"', '"', /A quote inside a value/],
    ['"a\\nb"', '\\n', /unknown escape/],
    ['account:1234', '1234', /not an account id.*12-digit/],
    ['account:111122223333*', '*', /prefix matching is not offered/],
    ['region:us_east_1', 'us_east_1', /not a region/],
    ['key:alias', 'alias', /not a KMS key/],
    ['key:arn:aws:s3:::bucket', 'arn:aws:s3:::bucket', /not a KMS key/],
    ['readonly:maybe', 'maybe', /not yes or no/],
    ['from:tomorrow', 'tomorrow', /not a time.*-7d/],
    ['from:2026-02-30', '2026-02-30', /not a time/],
    ['from:-1h from:-2h', 'from:-2h', /A second from: term/],
    ['to:now,-1h', '-1h', /A second to: value/],
    ['from:2026-11-24 to:2026-11-23', 'to:2026-11-23', /The time range is empty/],
    ['scope:ab', 'ab', /not a trail name/],
    ['scope:s3://b1b/AWSLogs/111122223333/CloudTrail-Digest/', 's3://b1b/AWSLogs/111122223333/CloudTrail-Digest/', /digest and Insights/],
    ['ctx:=v', '=', /missing encryption context key/],
    ['ctx:k*=v', '*', /A \* in an encryption context key/],
    ['name:""', '""', /An empty value/],
    ['""', '""', /Empty quotes/],
  ];
  for (const [text, token, problem] of cases) {
    const found = badToken(text);
    assert.equal(found.token, token, `${text}: caret under "${found.token}"`);
    assert.match(found.error.message, problem, text);
    assert.match(found.error.message, /at column \d+: expected /, text);
  }
});

test('control characters, lone surrogates and oversize input are refused with their position', () => {
  assert.equal(badToken('name:De\u0000crypt').error.start, 7);
  assert.match(badToken('name:a\u0007').error.message, /control character \(U\+0007\)/);
  assert.match(badToken('name:"a\tb"').error.message, /line break or tab inside quotes/);
  assert.equal(badToken('x \ud800 y').error.start, 2);
  assert.match(badToken('x \udc00').error.message, /lone surrogate/);
  assert.deepEqual(parsed('name:"\ud83d\ude00"').names, [{ value: '\ud83d\ude00', prefix: false }], 'a surrogate pair is fine');
  assert.match(badToken('x'.repeat(20_000)).error.message, /20000 characters long.*at most 16384/);
  assert.match(badToken(`name:${'a'.repeat(5000)}`).error.message, /A value of 5000 characters/);
  assert.match(badToken(Array.from({ length: 300 }, (_, i) => `t${i}`).join(' ')).error.message, /Too many values/);
  // Tabs and newlines separate terms.
  assert.deepEqual(parsed('name:Decrypt\n\terror:any').errors, [{ kind: 'any' }]);
});

test('pointAtQueryError shows the query with a caret line under the token', () => {
  const text = 'name:Decrypt nmae:Encrypt';
  const { error } = badToken(text);
  const lines = pointAtQueryError(text, error).split('\n');
  assert.equal(lines[1], `  ${text}`);
  assert.equal(lines[2], '               ^^^^');
  // A long query is cut around the token so the caret stays on screen.
  const long = `${'a '.repeat(200)}nmae:x`;
  const shown = pointAtQueryError(long, badToken(long).error, 60).split('\n');
  assert.ok(shown[1].length <= 64, shown[1]);
  assert.equal(shown[1][shown[2].indexOf('^')], 'n');
});

test('hostile shapes (escape runs, comma runs, star runs, colon runs) give a clear error, not a crash', () => {
  const cases: [string, RegExp][] = [
    ['"' + 'a\\\\'.repeat(5000), /never closed/],
    ['name:' + 'a,'.repeat(100), /A missing name: value/],
    ['*'.repeat(16000), /A \* inside a value|A \* after free text/],
    [':'.repeat(16000), /./],
  ];
  for (const [text, problem] of cases) {
    try {
      parseQuery(text);
    } catch (error) {
      assert.ok(error instanceof QueryError, String(error));
      assert.match(error.message, problem);
      continue;
    }
    // A run of colons is free text (no field name before the first colon): that is a valid query.
    assert.equal(text[0], ':');
  }
  assert.deepEqual(parsed('a,'.repeat(100)).text, ['a,'.repeat(100)], 'commas are part of free text');
});
