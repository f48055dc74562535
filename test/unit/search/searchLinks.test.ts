/** Hover links "Find events with this key / principal / access key / request": where they appear, what they search, and that a forged link is refused. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { explain, type ExplainLink, type FindEventsLink } from '../../../src/core/explain';
import { BadLinkError, findEventsTarget } from '../../../src/core/explain/linkTargets';
import { findEventsQueryText, parseQuery, resolveTimeRange, compileMatcher } from '../../../src/core/search';
import { at, seed } from '../explain/corpus';
import { corpusRecords } from './corpusRecords';

function searchLinks(text: string, offset: number): FindEventsLink[] {
  return (explain(text, offset)?.links ?? []).filter((link: ExplainLink): link is FindEventsLink => link.kind === 'findEvents');
}

const read = seed('read');
const TIME = '2015-11-11T21:20:52Z';

test('each field that holds a key, a principal, an access key or a request id offers its search, around the record’s time', () => {
  const cases: [string, FindEventsLink][] = [
    [
      '"arn:aws:kms:us-west-2:111122223333:key/1234abcd',
      {
        kind: 'findEvents',
        field: 'key',
        value: 'arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
        eventTime: TIME,
      },
    ],
    [
      '"arn:aws:iam::111122223333:role/cloudtrail-admin"',
      { kind: 'findEvents', field: 'principal', value: 'arn:aws:iam::111122223333:role/cloudtrail-admin', eventTime: TIME },
    ],
    ['"AKIAIOSFODNN7EXAMPLE"', { kind: 'findEvents', field: 'accessKey', value: 'AKIAIOSFODNN7EXAMPLE', eventTime: TIME }],
    [
      '"16a0590a-88ba-11e5-b406-436f15c3ac01"',
      { kind: 'findEvents', field: 'request', value: '16a0590a-88ba-11e5-b406-436f15c3ac01', eventTime: TIME },
    ],
    [
      '"9525bee7-5145-42b0-bed5-ab7196a16daa"',
      { kind: 'findEvents', field: 'request', value: '9525bee7-5145-42b0-bed5-ab7196a16daa', eventTime: TIME },
    ],
  ];
  for (const [needle, expected] of cases) assert.deepEqual(searchLinks(read, at(read, needle)), [expected], needle);
  // Other values, and ids that are not in their field, get none.
  for (const needle of ['"Decrypt"', '"us-west-2"', '"internal.amazonaws.com"', '"AIDACKCEVSQ6C2EXAMPLE"', '"111122223333"'])
    assert.deepEqual(searchLinks(read, at(read, needle)), [], needle);
});

test('the link’s query parses back and finds the record it came from, within an hour (a request: a quarter) of it', () => {
  const record = JSON.parse(read) as Record<string, unknown>;
  for (const needle of [
    '"AKIAIOSFODNN7EXAMPLE"',
    '"arn:aws:iam::111122223333:role/cloudtrail-admin"',
    '"16a0590a',
    '"arn:aws:kms:us-west-2',
  ]) {
    const [link] = searchLinks(read, at(read, needle));
    const text = findEventsQueryText(link);
    const query = parseQuery(text);
    const range = resolveTimeRange(query, Date.now());
    const minutes = link.field === 'request' ? 15 : 60;
    assert.equal(range.fromMs, Date.parse(TIME) - minutes * 60_000 - 52_000, text);
    assert.equal(range.toMs, Date.parse(TIME) + minutes * 60_000 + 8_000, text);
    assert.ok(compileMatcher(query, { range })(record), `${text} does not find its own record`);
  }
});

test('over the whole corpus: every search link is one the click handler accepts again, and its query parses', () => {
  let links = 0;
  for (const { record } of corpusRecords()) {
    const text = JSON.stringify(record, null, 2);
    for (const needle of ['"accessKeyId"', '"arn"', '"requestID"', '"eventID"', '"keyId"', '"ARN"']) {
      for (let from = text.indexOf(needle); from >= 0; from = text.indexOf(needle, from + 1)) {
        const valueAt = text.indexOf('"', from + needle.length + 1) + 1;
        for (const link of searchLinks(text, valueAt)) {
          links++;
          assert.deepEqual(findEventsTarget({ ...link }), link);
          parseQuery(findEventsQueryText(link));
        }
      }
    }
  }
  assert.ok(links > 150, `only ${links} search links in the corpus`);
});

test('hostile values make no link, and forged link arguments are refused', () => {
  const record = JSON.parse(read) as Record<string, Record<string, unknown>>;
  record.userIdentity.accessKeyId = 'AKIA") command:workbench.action.terminal.new';
  record.userIdentity.arn = 'arn:aws:iam::111122223333:role/x" from:1970-01-01';
  const hostile = JSON.stringify(record, null, 2);
  assert.deepEqual(searchLinks(hostile, at(hostile, '"AKIA\\"')), []);
  // The ARN parses (a role name may hold odd characters); the link is then quoted in the query, never spliced in.
  for (const link of searchLinks(hostile, at(hostile, '"arn:aws:iam::111122223333:role/x'))) {
    const query = parseQuery(findEventsQueryText(link));
    assert.deepEqual(query.principals, [{ value: link.value, prefix: false }]);
    assert.equal(query.from?.kind, 'instant');
  }
  const forged: unknown[] = [
    undefined,
    'key:x',
    { field: 'everything', value: 'x', eventTime: TIME },
    { field: 'accessKey', value: 'not-a-key', eventTime: TIME },
    { field: 'key', value: '7944f0ec-EXAMPLE', eventTime: TIME },
    { field: 'principal', value: 'arn:aws:s3:::bucket', eventTime: TIME },
    { field: 'request', value: 'a b', eventTime: TIME },
    { field: 'request', value: 'abcd1234', eventTime: 'yesterday' },
    { field: 'request', value: 'abcd1234' },
  ];
  for (const arg of forged) assert.throws(() => findEventsTarget(arg), BadLinkError, JSON.stringify(arg));
});
