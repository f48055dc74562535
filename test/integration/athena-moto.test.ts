/**
 * The Athena runner (src/aws/athena) against a moto server with the real SDK client. moto runs no SQL: a test queues the
 * rows a query returns through moto's /moto-api/static/athena/query-results, and drives the QUEUED → RUNNING → SUCCEEDED
 * progression with /moto-api/state-manager/set-transition. What moto cannot do: run the SQL (checked by the unit tests'
 * evaluator, test/unit/athena), page GetQueryResults (it ignores MaxResults/NextToken), end a query FAILED (failure texts
 * are unit-tested in athena-failures.test.ts), or deny anything (no IAM).
 */
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  AthenaClient,
  GetDatabaseCommand,
  GetQueryExecutionCommand,
  ListQueryExecutionsCommand,
  CreateWorkGroupCommand,
} from '@aws-sdk/client-athena';
import { AwsClients } from '../../src/aws/clients';
import { createAthenaTable, findEventsWithAthena, resolveAthenaTable, runAthenaQuery, type AthenaProgress } from '../../src/aws/athena';
import { CancelledError, ExplainedError } from '../../src/core/errors';
import { parseQuery } from '../../src/core/search';
import { corpusRecords } from '../unit/search/corpusRecords';
import { motoApi as motoApiOf, queueAthenaRows } from '../moto/athenaRows';
import { cleanEnv, runCli, startMoto, useEnv, writeProfiles, type Moto, type Profiles } from './awsTestSupport';
import { MOTO_ACCOUNT, MOTO_KEYS, MOTO_REGION, seedMoto, type MotoWorld } from './motoWorld';

const LOG_PATH = `s3://moto-cloudtrail-logs/AWSLogs/${MOTO_ACCOUNT}/CloudTrail/${MOTO_REGION}/2026/11/27/f.json.gz`;

describe('Athena against moto', { timeout: 180_000 }, () => {
  let moto: Moto;
  let world: MotoWorld;
  let profiles: Profiles;
  let clients: AwsClients;
  let raw: AthenaClient;
  const records = corpusRecords()
    .map((entry) => entry.record)
    .filter((record) => typeof record.eventName === 'string' && typeof record.eventTime === 'string');

  const motoApi = (path: string, body: unknown) => motoApiOf(moto.endpoint, path, body);
  /** The rows the next query returns: the header row, then one row per record (all in LOG_PATH). */
  const queueRows = (rows: Record<string, unknown>[]) =>
    queueAthenaRows(
      moto.endpoint,
      { account: MOTO_ACCOUNT, region: MOTO_REGION },
      rows.map((record) => ({ record, logObject: LOG_PATH })),
    );
  const progression = (times: number) =>
    motoApi('/moto-api/state-manager/set-transition', { model_name: 'athena::execution', transition: { progression: 'manual', times } });

  before(async () => {
    moto = await startMoto();
    world = await seedMoto(moto.endpoint);
    profiles = writeProfiles({ moto: { ...MOTO_KEYS, region: MOTO_REGION } });
    useEnv({ ...profiles.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' });
    clients = new AwsClients({ profile: 'moto', endpointUrl: moto.endpoint, regions: [MOTO_REGION] });
    raw = new AthenaClient({ region: MOTO_REGION, endpoint: moto.endpoint, credentials: MOTO_KEYS });
  });
  afterEach(async () => {
    await motoApi('/moto-api/state-manager/unset-transition', { model_name: 'athena::execution' });
  });
  after(async () => {
    clients?.dispose();
    raw?.destroy();
    await moto?.stop();
    profiles?.cleanup();
  });

  test('Find Events on Athena: the table from the trail, polling to SUCCEEDED, rows as results with their log object', async () => {
    assert.ok(records.length >= 5, 'corpus records');
    const chosen = records.slice(0, 5);
    await queueRows(chosen);
    await progression(2);
    const seen: AthenaProgress[] = [];
    const query = parseQuery('trail:management from:2026-11-27 to:2026-11-28 name:Decrypt,GenerateDataKey account:' + MOTO_ACCOUNT);
    const answer = await findEventsWithAthena(
      clients,
      query,
      { workgroup: 'primary', outputLocation: 's3://moto-cloudtrail-logs/athena/' },
      {
        pollInitialMs: 10,
        pollMaxMs: 20,
        onProgress: (progress) => seen.push(progress),
      },
    );
    assert.deepEqual([...new Set(seen.map((progress) => progress.state))], ['QUEUED', 'RUNNING', 'SUCCEEDED']);
    assert.equal(answer.results.kind, 'athena');
    assert.equal(answer.results.items.length, 5);
    assert.equal(answer.truncated, false);
    answer.results.items.forEach((item, index) => {
      assert.equal((item.record as Record<string, unknown>).eventID, chosen[index].eventID);
      assert.equal(item.time, chosen[index].eventTime);
      assert.deepEqual(item.source, {
        bucket: 'moto-cloudtrail-logs',
        key: LOG_PATH.slice('s3://moto-cloudtrail-logs/'.length),
        region: MOTO_REGION,
      });
      assert.ok(item.label.startsWith(`${chosen[index].eventName as string} by `), item.label);
    });
    assert.match(
      answer.results.summary ?? '',
      /5 events · .*scanned, about \$.* · table default\.cloudtrail_moto_cloudtrail_logs · query /,
    );
    // What Athena received: the SQL with ?s, the values as ExecutionParameters, the workgroup and output location.
    const sent = (await raw.send(new GetQueryExecutionCommand({ QueryExecutionId: answer.queryExecutionId }))).QueryExecution;
    assert.equal(sent?.Query, answer.sql);
    assert.deepEqual(sent?.ExecutionParameters, answer.parameters);
    assert.ok(answer.parameters.includes(`'${MOTO_ACCOUNT}'`) && answer.parameters.includes("'decrypt'"), answer.parameters.join(' '));
    assert.equal(sent?.WorkGroup, 'primary');
    assert.equal(sent?.QueryExecutionContext?.Database, 'default');
    assert.match(sent?.ResultConfiguration?.OutputLocation ?? '', /^s3:\/\/moto-cloudtrail-logs\/athena\//);
    assert.match(answer.sql, /FROM "default"\."cloudtrail_moto_cloudtrail_logs"/);
  });

  test('hostile values travel only as parameters: the SQL Athena received holds none of them', async () => {
    await queueRows([]);
    const hostile = "x'); DROP TABLE cloudtrail; --";
    const query = parseQuery(`trail:management from:2026-11-27 to:2026-11-28 principal:"${hostile}" ctx:"a'b"="c\\\\d" "\${account}"`);
    const answer = await findEventsWithAthena(clients, query, {}, { pollInitialMs: 10 });
    assert.equal(answer.results.items.length, 0);
    const sent = (await raw.send(new GetQueryExecutionCommand({ QueryExecutionId: answer.queryExecutionId }))).QueryExecution;
    for (const value of ['DROP TABLE', "a'b", 'c\\d', '${account}']) assert.ok(!(sent?.Query ?? '').includes(value), value);
    assert.ok(sent?.ExecutionParameters?.includes("'x''); drop table cloudtrail; --'"), JSON.stringify(sent?.ExecutionParameters));
    assert.ok(sent?.ExecutionParameters?.includes("'a''b'"));
    for (const parameter of sent?.ExecutionParameters ?? [])
      assert.ok(parameter.length <= 1024 && parameter.startsWith("'") && parameter.endsWith("'"));
  });

  test('the row cap: more rows than asked for → the first ones, truncated, and the SQL asks for one more', async () => {
    await queueRows(records.slice(0, 7));
    const query = parseQuery('trail:management from:2026-11-27 to:2026-11-28');
    const answer = await findEventsWithAthena(clients, query, {}, { maxRows: 3, pollInitialMs: 10 });
    assert.equal(answer.results.items.length, 3);
    assert.equal(answer.truncated, true);
    assert.match(answer.sql, /\nLIMIT 4$/);
    assert.match(answer.results.summary ?? '', /^3\+ events \(stopped at 3\)/);
  });

  test('cancel: the AbortSignal stops the wait and sends StopQueryExecution (the query ends CANCELLED)', async () => {
    await progression(1000);
    const controller = new AbortController();
    let id = '';
    await assert.rejects(
      runAthenaQuery(
        clients,
        { region: MOTO_REGION },
        { sql: 'SELECT 1' },
        {
          signal: controller.signal,
          pollInitialMs: 10,
          onProgress: (progress) => {
            id = progress.queryExecutionId;
            if (progress.elapsedMs >= 0) controller.abort();
          },
        },
      ),
      CancelledError,
    );
    assert.ok(id);
    const state = (await raw.send(new GetQueryExecutionCommand({ QueryExecutionId: id }))).QueryExecution?.Status?.State;
    assert.equal(state, 'CANCELLED');
  });

  test('a query that does not end within the wait is stopped and explained', async () => {
    await progression(1000);
    const error = await runAthenaQuery(
      clients,
      { region: MOTO_REGION },
      { sql: 'SELECT 2' },
      { pollInitialMs: 10, pollMaxMs: 20, maxWaitMs: 200 },
    ).then(
      () => assert.fail('no timeout'),
      (caught: unknown) => caught as ExplainedError,
    );
    assert.ok(error instanceof ExplainedError);
    assert.equal(error.code, 'Timeout');
    assert.match(error.what, /did not end within 0 s; it was stopped/);
    const ids = (await raw.send(new ListQueryExecutionsCommand({}))).QueryExecutionIds ?? [];
    const states = await Promise.all(
      ids.map(async (each) => (await raw.send(new GetQueryExecutionCommand({ QueryExecutionId: each }))).QueryExecution),
    );
    assert.equal(states.find((execution) => execution?.Query === 'SELECT 2')?.Status?.State, 'CANCELLED');
  });

  test('an unknown workgroup is explained with the setting to change', async () => {
    const error = await runAthenaQuery(clients, { region: MOTO_REGION, workgroup: 'no-such-group' }, { sql: 'SELECT 3' }).then(
      () => assert.fail('accepted'),
      (caught: unknown) => caught as ExplainedError,
    );
    assert.equal(error.code, 'AthenaWorkgroupMissing');
    assert.match(error.message, /workgroup no-such-group does not exist in us-west-2.*cloudtrailKms\.athena\.workgroup/);
  });

  test('create table: CREATE DATABASE then the CREATE EXTERNAL TABLE from the trail, as DDL statements in the workgroup', async () => {
    await raw.send(
      new CreateWorkGroupCommand({
        Name: 'audit-wg',
        Configuration: { ResultConfiguration: { OutputLocation: 's3://moto-cloudtrail-logs/wg/' } },
      }),
    );
    const resolved = await resolveAthenaTable(clients, { kind: 'trail', trail: 'management' }, { database: 'audit' });
    assert.deepEqual(resolved.table.accounts, [MOTO_ACCOUNT]);
    assert.ok(resolved.table.regions.includes(MOTO_REGION) && resolved.table.regions.length > 20, 'multi-region trail: every region');
    assert.equal(resolved.table.root, 's3://moto-cloudtrail-logs/AWSLogs/');
    await createAthenaTable(clients, { region: MOTO_REGION, workgroup: 'audit-wg' }, resolved, { pollInitialMs: 10 });
    const database = await raw.send(new GetDatabaseCommand({ CatalogName: 'AwsDataCatalog', DatabaseName: 'audit' }));
    assert.equal(database.Database?.Name, 'audit');
    const ids = (await raw.send(new ListQueryExecutionsCommand({ WorkGroup: 'audit-wg' }))).QueryExecutionIds ?? [];
    const queries = await Promise.all(
      ids.map(async (each) => (await raw.send(new GetQueryExecutionCommand({ QueryExecutionId: each }))).QueryExecution),
    );
    const ddl = queries.find((execution) => execution?.Query?.startsWith('CREATE EXTERNAL TABLE'));
    assert.equal(ddl?.Query, resolved.ddl);
    assert.equal(ddl?.StatementType, 'DDL');
    assert.equal(ddl?.QueryExecutionContext?.Database, 'audit');
    assert.equal(ddl?.ExecutionParameters, undefined);
    assert.ok(world.trailArn);
  });

  test('CLI (spawned): athena-ddl prints the statement; athena and search --engine athena print the same events, the summary, and explain errors', async () => {
    const env = cleanEnv({ ...profiles.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' });
    const global = ['--profile', 'moto', '--endpoint-url', moto.endpoint];
    const ddl = await runCli(['athena-ddl', 'management', '--database', 'audit', '--from', '2026/01/01', ...global], env);
    assert.equal(ddl.code, 0, ddl.stderr);
    assert.match(ddl.stdout, /^CREATE EXTERNAL TABLE IF NOT EXISTS `audit`\.`cloudtrail_moto_cloudtrail_logs`/);
    assert.match(ddl.stdout, /LOCATION 's3:\/\/moto-cloudtrail-logs\/AWSLogs\/'/);
    assert.match(ddl.stdout, /'projection\.account\.values'='123456789012'/);
    assert.match(ddl.stdout, /'projection\.timestamp\.range'='2026\/01\/01,NOW'/);

    await queueRows(records.slice(0, 2));
    const found = await runCli(
      ['athena', 'management', '--from', '2026-11-27', '--to', '2026-11-28', 'name:Decrypt', '--show-sql', ...global],
      env,
    );
    assert.equal(found.code, 0, found.stderr);
    const lines = found.stdout.trim().split('\n');
    assert.equal(lines.length, 3, found.stdout);
    assert.match(lines[0], /^TIME\s+REGION\s+EVENT\s+PRINCIPAL\s+ERROR\s+FILE#RECORD$/);
    assert.ok(lines[1].startsWith(`${records[0].eventTime as string}  `), found.stdout);
    assert.ok(lines[1].includes(`  ${records[0].eventName as string} `), found.stdout);
    assert.ok(lines[1].endsWith('  f.json.gz'), found.stdout);
    assert.match(found.stderr, /Athena query [0-9a-f-]+: SUCCEEDED/);
    assert.match(found.stderr, /2 events · .* scanned, about \$/);
    assert.match(found.stderr, /-- parameters: \[.*"'decrypt'"/);

    await queueRows(records.slice(0, 1));
    const json = await runCli(['athena', 'management', '--from', '2026-11-27', '--to', '2026-11-28', '--json', ...global], env);
    assert.equal(json.code, 0, json.stderr);
    const item = JSON.parse(json.stdout.trim()) as { record: { eventID: string }; source: { bucket: string } };
    assert.equal(item.record.eventID, records[0].eventID);
    assert.equal(item.source.bucket, 'moto-cloudtrail-logs');

    // `search --engine athena` is the same workflow: the same rows give the same lines and the same SQL/parameters.
    await queueRows(records.slice(0, 2));
    const viaSearch = await runCli(
      ['search', 'management', '--engine', 'athena', '--from', '2026-11-27', '--to', '2026-11-28', 'name:Decrypt', '--show-sql', ...global],
      env,
    );
    assert.equal(viaSearch.code, 0, viaSearch.stderr);
    assert.equal(viaSearch.stdout, found.stdout);
    const sqlOf = (stderr: string) => stderr.slice(stderr.indexOf('SELECT'), stderr.indexOf('\n', stderr.indexOf('-- parameters:')));
    assert.ok(sqlOf(found.stderr).length > 20, found.stderr);
    assert.equal(sqlOf(viaSearch.stderr), sqlOf(found.stderr));
    await queueRows(records.slice(0, 1));
    const searchJson = await runCli(
      ['search', 'management', '--engine=athena', '--from', '2026-11-27', '--to', '2026-11-28', '--json', ...global],
      env,
    );
    assert.equal(searchJson.code, 0, searchJson.stderr);
    assert.equal(searchJson.stdout, json.stdout);
    const mixed = await runCli(['search', 'management', '--from', '-1h', '--workgroup', 'primary', ...global], env);
    assert.equal(mixed.code, 2);
    assert.match(mixed.stderr, /--workgroup is an option of the athena engine: add --engine athena/);
    const badEngine = await runCli(['search', 'management', '--from', '-1h', '--engine', 'spark', ...global], env);
    assert.equal(badEngine.code, 2);
    assert.match(badEngine.stderr, /--engine must be files or athena, not "spark"/);
    const filesOnly = await runCli(['athena', 'management', '--from', '-1h', '--concurrency', '4', ...global], env);
    assert.equal(filesOnly.code, 2);
    assert.match(filesOnly.stderr, /--concurrency is an option of the files engine/);

    const usage = await runCli(['athena', 'management', 'name:', ...global], env);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /The query is not valid:/);
    const noFrom = await runCli(['athena', 'management', 'name:Decrypt', ...global], env);
    assert.equal(noFrom.code, 2);
    assert.match(noFrom.stderr, /needs a start: --from/);
    const badGroup = await runCli(['athena', 'management', '--from', '-1h', '--workgroup', 'nope', ...global], env);
    assert.equal(badGroup.code, 1);
    assert.match(badGroup.stderr, /The Athena workgroup nope does not exist in us-west-2/);
  });
});
