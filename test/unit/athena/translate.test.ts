import { test } from 'node:test';
import assert from 'node:assert/strict';

import { MAX_EXECUTION_PARAMETER } from '../../../src/core/athena/sqlParameters';
import { athenaTable } from '../../../src/core/athena/table';
import { translateToAthena } from '../../../src/core/athena/translate';
import { compileMatcher } from '../../../src/core/search/match';
import { QueryError } from '../../../src/core/search/queryError';
import { formatQuery } from '../../../src/core/search/queryFormat';
import { parseQuery } from '../../../src/core/search/queryParse';
import { corpusRecords } from '../search/corpusRecords';
import { chooser, queriesFrom } from '../search/generatedQueries';
import { compileWhere, parameterValue, recordToRow, tokenize } from './sqlEval';

const RANGE = { fromMs: Date.parse('2026-11-24T10:00:00Z'), toMs: Date.parse('2026-11-24T11:30:00Z') };
const TABLE = athenaTable({
  location: { bucket: 'trail-bucket' },
  accounts: ['111122223333', '444455556666'],
  regions: ['us-east-1', 'us-west-2'],
});

function sqlFor(text: string, options: Partial<Parameters<typeof translateToAthena>[2]> = {}) {
  return translateToAthena(parseQuery(text), TABLE, { range: RANGE, ...options });
}

test('partitions: account, region and the day partitions of the range with its margins; eventtime bounds', () => {
  const { sql, parameters } = sqlFor('account:111122223333 region:us-east-1,us-west-2');
  assert.match(
    sql,
    /FROM "default"\."cloudtrail_trail_bucket"\nWHERE account IN \(\?\)\n {2}AND region IN \(\?, \?\)\n {2}AND "timestamp" BETWEEN \? AND \?\n {2}AND eventtime >= \?\n {2}AND eventtime < \?\nORDER BY eventtime$/,
  );
  assert.deepEqual(parameters.map(parameterValue), [
    '111122223333',
    'us-east-1',
    'us-west-2',
    '2026/11/24',
    '2026/11/24',
    '2026-11-24T10:00:00Z',
    '2026-11-24T11:30:00Z',
  ]);
  // Late deliveries of a range ending near midnight land in the next day's partition.
  const late = translateToAthena(parseQuery(''), TABLE, {
    range: { fromMs: Date.parse('2026-11-24T23:00:00Z'), toMs: Date.parse('2026-11-25T00:00:00Z') },
  });
  assert.deepEqual(late.parameters.slice(0, 2).map(parameterValue), ['2026/11/24', '2026/11/25']);
});

test('every query field becomes its predicate, every value a parameter in the order of the ?', () => {
  const query = parseQuery(
    'name:Decrypt,Gen* source:kms principal:arn:aws:iam::111122223333:role/Admin key:alias/logs ctx:aws:s3:arn=arn:aws:s3:::b/* ' +
      'error:any,AccessDenied readonly:yes ip:10.0.* request:abc "free text"',
  );
  const { sql, parameters } = translateToAthena(query, TABLE, { range: RANGE, limit: 500 });
  for (const fragment of [
    'lower(eventname) IN (?)',
    'starts_with(lower(eventname), ?)',
    'lower(eventsource) IN (?)',
    'lower(useridentity.sessioncontext.sessionissuer.arn) IN (?)',
    'lower(useridentity.accesskeyid) IN (?)',
    'cardinality(filter(resources, r -> lower(r.arn) IN (?) OR lower(r.arn) LIKE ? ESCAPE',
    "lower(json_extract_scalar(requestparameters, '$.keyId')) IN",
    "lower(json_extract_scalar(responseelements, '$.keyMetadata.arn')) IN",
    "starts_with(element_at(try_cast(json_extract(requestparameters, '$.encryptionContext') AS MAP(VARCHAR, VARCHAR)), ?), ?)",
    "json_extract(requestparameters, '$.destinationEncryptionContext')",
    "(errorcode IS NOT NULL AND errorcode <> '')",
    'lower(errorcode) IN (?)',
    "readonly IN ('true')",
    'starts_with(lower(sourceipaddress), ?)',
    'lower(sharedeventid) IN (?)',
    'strpos(lower(concat_ws(',
    'LIMIT 500',
  ])
    assert.ok(sql.includes(fragment), fragment);
  assert.equal(tokenize(sql).filter((token) => token.kind === 'param').length, parameters.length);
  const values = parameters.map(parameterValue);
  assert.ok(
    values.includes('decrypt') && values.includes('gen') && values.includes('kms.amazonaws.com'),
    'case-insensitive fields go in lower-cased',
  );
  assert.ok(values.includes('arn:aws:s3:::b/') && values.includes('aws:s3:arn'), 'encryption context keys and values stay exact');
  assert.ok(values.includes('%:alias/logs'), 'an alias ARN is found by its suffix');
  assert.ok(values.includes('free text'));
});

const HOSTILE = [
  "'); DROP TABLE cloudtrail_logs; --",
  "O'Brien''s \\' \\\\",
  '?, ?) OR 1=1 OR (?',
  '%_\\%',
  '" OR ""="',
  '${account}',
  'ünïcödé 日本語 🔑 \u202e\u200b',
  'x'.repeat(4096),
  "'".repeat(3000),
  '🔑'.repeat(1000),
];

test('hostile values travel only as parameters: never in the SQL text, each one literal, split when longer than 1024', () => {
  for (const value of HOSTILE) {
    const quoted = `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
    for (const text of [
      `name:${quoted}`,
      `principal:${quoted}*`,
      `ctx:${quoted}=${quoted}`,
      quoted,
      `error:${quoted}`,
      `request:${quoted},${quoted}*`,
    ]) {
      const query = parseQuery(text);
      const { sql, parameters } = translateToAthena(query, TABLE, { range: RANGE });
      assert.ok(!sql.includes(value.slice(0, 40)) || /^x+$/.test(value), `value spliced into SQL: ${text.slice(0, 60)}`);
      assert.ok(!/DROP|O'Brien|1=1|日本|🔑/.test(sql), 'no user text in the SQL');
      for (const parameter of parameters)
        assert.ok(parameter.length <= MAX_EXECUTION_PARAMETER && parameter.length >= 1, `parameter of ${parameter.length}`);
      // Each parameter is exactly one SQL string literal; the ? line up with them (compileWhere checks both).
      compileWhere(sql, parameters);
      // The pieces of a long value join back to it (case-insensitive fields are lower-cased).
      const decoded = parameters.map(parameterValue).join('');
      assert.ok(decoded.includes(text.startsWith('ctx') ? value : value.toLowerCase()), `value not carried whole: ${text.slice(0, 60)}`);
    }
  }
});

test('a value longer than one parameter is one SQL expression (? || ? || …) that Athena joins back', () => {
  const { sql, parameters } = sqlFor(`name:${'a'.repeat(2500)}`);
  assert.match(sql, /lower\(eventname\) IN \(\(\? \|\| \? \|\| \?\)\)/);
  const match = compileWhere(sql, parameters);
  const row = recordToRow({
    eventName: 'A'.repeat(2500),
    eventTime: '2026-11-24T10:05:00Z',
    recipientAccountId: '111122223333',
    awsRegion: 'us-east-1',
  });
  assert.equal(match(row), true);
  assert.equal(match({ ...row, eventname: 'A'.repeat(2499) }), false);
});

test('Athena cannot run it as asked: injected partitions without values, another location, a bad limit', () => {
  const open = athenaTable({ location: { bucket: 'trail-bucket' } });
  assert.throws(
    () => translateToAthena(parseQuery('name:Decrypt'), open, { range: RANGE }),
    (error: unknown) => error instanceof QueryError && /does not list its accounts \(injected projection\)/.test(error.message),
  );
  assert.throws(() => translateToAthena(parseQuery('account:111122223333'), open, { range: RANGE }), /does not list its regions/);
  assert.doesNotThrow(() => translateToAthena(parseQuery('account:111122223333 region:us-east-1'), open, { range: RANGE }));
  assert.throws(() => sqlFor('scope:s3://other-bucket/'), /not the location of the Athena table/);
  assert.doesNotThrow(() => sqlFor('scope:s3://trail-bucket/AWSLogs/111122223333/'));
  assert.throws(() => sqlFor('', { limit: 0 }), /not a positive integer/);
  assert.throws(() => sqlFor('', { limit: 1.5 }), /not a positive integer/);
  assert.deepEqual(sqlFor('account:999988887777').warnings, [
    'The table cloudtrail_trail_bucket does not project account 999988887777: Athena returns nothing for it. Recreate the table with it.',
  ]);
});

test('the SQL means what the matcher means: same hits on every corpus record, for queries drawn from the records', () => {
  const records = corpusRecords().map((item) => item.record);
  const rows = records.map(recordToRow);
  const table = athenaTable({
    location: { bucket: 'corpus' },
    accounts: ['111122223333', '123456789012'],
    regions: ['us-east-1', 'us-east-2', 'us-west-2', 'ap-northeast-1'],
  });
  const range = { fromMs: Date.parse('2010-01-01T00:00:00Z'), toMs: Date.parse('2030-01-01T00:00:00Z') };
  const pick = chooser(3);
  const texts = new Set<string>([
    'name:Decrypt,ReEncrypt',
    'source:kms error:any',
    'error:none readonly:no',
    'key:1234abcd-12ab-34cd-56ef-1234567890ab',
    'key:arn:aws:kms:us-west-2:111122223333:alias/ExampleAlias',
    'ctx:Department=Engineering ctx:Purpose=Test',
    'ctx:aws:s3:arn=arn:aws:s3:::example-bucket-for-CT-logs/*',
    'principal:alice',
    'region:us-west-2 account:111122223333',
  ]);
  for (const record of records) for (const text of queriesFrom(record, pick)) texts.add(text);
  let compared = 0;
  let matched = 0;
  for (const text of texts) {
    const query = parseQuery(text);
    // Free text differs by design where the table lacks a field or joins values (see the note); compare it on
    // terms that the table holds as written.
    if (query.text.length) continue;
    const { sql, parameters } = translateToAthena(query, table, { range });
    const where = compileWhere(sql, parameters);
    const match = compileMatcher(query, { range });
    records.forEach((record, index) => {
      if (record.recipientAccountId === undefined && query.accounts.length) return; // Athena's account comes from the folder
      const expected = match(record);
      assert.equal(where(rows[index]), expected, `${formatQuery(query)} on ${corpusRecords()[index].id}`);
      compared++;
      if (expected) matched++;
    });
  }
  assert.ok(compared > 20_000 && matched > 500, `${compared} comparisons, ${matched} matches`);
});
