import { test } from 'node:test';
import assert from 'node:assert/strict';

import { athenaRowToHit } from '../../../src/core/athena/rows';
import { RESULT_COLUMNS } from '../../../src/core/athena/translate';
import { compileMatcher } from '../../../src/core/search/match';
import { parseQuery } from '../../../src/core/search/queryParse';
import { at, corpusRecords } from '../search/corpusRecords';
import { recordToRow } from './sqlEval';

/** The cells GetQueryResults gives for a record: text, structs and arrays as JSON with the table's lower-case names. */
function resultCells(record: Record<string, unknown>, path: string): (string | null)[] {
  const row = recordToRow(record);
  return RESULT_COLUMNS.map((column) => {
    if (column === 'log_object') return path;
    const value = row[column];
    if (value === null || value === undefined) return null;
    return typeof value === 'string' ? value : JSON.stringify(value);
  });
}

/** Fields the documented table has no column for (so Athena cannot return them). */
const NOT_IN_TABLE = [
  'managementEvent',
  'eventContext',
  'userIdentity.inScopeOf',
  'userIdentity.sessionContext.sourceIdentity',
  'tlsDetails.keyExchange',
];

test('Athena rows come back as records with CloudTrail names: same values for every field the table holds', () => {
  let checked = 0;
  for (const { id, record } of corpusRecords()) {
    const hit = athenaRowToHit(resultCells(record, 's3://trail-bucket/AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/24/f.json.gz'));
    for (const path of [
      'eventTime',
      'eventName',
      'eventSource',
      'awsRegion',
      'sourceIPAddress',
      'errorCode',
      'eventID',
      'readOnly',
      'recipientAccountId',
      'userIdentity.type',
      'userIdentity.arn',
      'userIdentity.accessKeyId',
      'userIdentity.sessionContext.sessionIssuer.arn',
      'userIdentity.sessionContext.sessionIssuer.userName',
      'userIdentity.sessionContext.attributes.mfaAuthenticated',
      'userIdentity.sessionContext.webIdFederationData.attributes',
      'requestParameters',
      'additionalEventData',
      'resources',
      'tlsDetails.tlsVersion',
      'addendum',
    ]) {
      const original = at(record, path);
      const expected = original === null ? undefined : original;
      assert.deepEqual(at(hit.record, path), expected, `${id}: ${path}`);
      checked++;
    }
    for (const path of NOT_IN_TABLE) assert.equal(at(hit.record, path), undefined, `${id}: ${path} has no column`);
    assert.deepEqual(hit.source, { bucket: 'trail-bucket', key: 'AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/24/f.json.gz' });
  }
  assert.ok(checked > 1500);
});

test('a returned record matches the query that found it (hovers and the results view read the same names)', () => {
  const query = parseQuery('name:Decrypt principal:alice key:1234abcd-12ab-34cd-56ef-1234567890ab');
  const match = compileMatcher(query);
  const found = corpusRecords().filter(({ record }) => match(record));
  assert.ok(found.length > 0);
  for (const { record } of found) assert.equal(match(athenaRowToHit(resultCells(record, 's3://b/k')).record), true);
});

test('cells that are not what the model says are kept as text, never thrown on', () => {
  const cells = RESULT_COLUMNS.map((column) =>
    column === 'requestparameters'
      ? '{not json'
      : column === 'useridentity'
        ? '[1,2]'
        : column === 'readonly'
          ? 'maybe'
          : column === 'log_object'
            ? 'not a uri'
            : null,
  );
  const hit = athenaRowToHit(cells);
  assert.deepEqual(hit.record, { requestParameters: '{not json', userIdentity: [1, 2], readOnly: 'maybe' });
  assert.equal(hit.source, undefined);
  assert.deepEqual(athenaRowToHit([]).record, {});
});
