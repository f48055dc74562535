/**
 * Find Events on Athena: the query (the search language) → the trail's table → SQL with execution parameters → the
 * run (runQuery.ts) → rows as hits in the one results model. Optionally creates the table when Athena says it is missing.
 */
import {
  athenaCostText,
  athenaResultSet,
  athenaRowToHit,
  AthenaTableMissingError,
  RESULT_COLUMNS,
  translateToAthena,
  type AthenaCost,
} from '../../core/athena';
import { ExplainedError } from '../../core/errors';
import type { ResultSet } from '../../core/results/model';
import { formatScope, resolveTimeRange, type SearchQuery, type TimeRange } from '../../core/search';
import type { AwsClients } from '../clients';
import { resolveQueryKeys } from '../search/location';
import { DEFAULT_MAX_ROWS, runAthenaQuery, type AthenaAnswer, type AthenaPlace, type AthenaRunOptions } from './runQuery';
import { createAthenaTable, resolveAthenaTable, type ResolvedAthenaTable, type TableChoice } from './table';

export interface AthenaSettings extends TableChoice {
  /** Where Athena runs; default the log bucket's region. */
  region?: string;
  workgroup?: string;
  outputLocation?: string;
  /** Create the database and table when Athena says they are missing, then run again. */
  createTable?: boolean;
}

export interface AthenaSearch {
  results: ResultSet;
  sql: string;
  parameters: string[];
  warnings: string[];
  resolved: ResolvedAthenaTable;
  place: AthenaPlace;
  queryExecutionId: string;
  cost: AthenaCost;
  truncated: boolean;
  range: TimeRange;
  tableCreated: boolean;
}

/** Cells in RESULT_COLUMNS order whatever order Athena gave the columns in (names from the result's metadata). */
function inResultOrder(answer: AthenaAnswer): (row: (string | null)[]) => (string | null)[] {
  const positions = answer.columns.length ? RESULT_COLUMNS.map((name) => answer.columns.indexOf(name)) : undefined;
  if (!positions || positions.every((position, index) => position === index)) return (row) => row;
  return (row) => positions.map((position) => (position >= 0 ? (row[position] ?? null) : null));
}

export async function findEventsWithAthena(
  clients: AwsClients,
  query: SearchQuery,
  settings: AthenaSettings = {},
  options: Omit<AthenaRunOptions, 'errorContext'> & { nowMs?: number } = {},
): Promise<AthenaSearch> {
  if (!query.scope)
    throw new ExplainedError(
      'NoSearchScope',
      'The query does not say which logs to search.',
      undefined,
      'Name a trail (trail:NAME or its ARN) or a log location (scope:s3://bucket/prefix).',
    );
  const range = resolveTimeRange(query, options.nowMs ?? Date.now());
  const resolved = await resolveAthenaTable(clients, query.scope, settings);
  const region = settings.region || resolved.bucketRegion;
  const { keys, unresolved } = await resolveQueryKeys(clients, query, resolved.bucketRegion, options.signal);
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  // One row more than kept, so a full page tells "there were more".
  const { sql, parameters, warnings } = translateToAthena({ ...query, scope: undefined }, resolved.table, {
    range,
    keys,
    limit: maxRows + 1,
  });
  for (const alias of unresolved)
    warnings.push(`Key alias ${alias.alias} could not be resolved with kms:DescribeKey (${alias.reason}): matched by its name only.`);
  const place: AthenaPlace = {
    region,
    database: resolved.table.database,
    ...(settings.workgroup ? { workgroup: settings.workgroup } : {}),
    ...(settings.outputLocation ? { outputLocation: settings.outputLocation } : {}),
  };
  const errorContext = { database: resolved.table.database, table: resolved.table.table, root: resolved.table.root, ddl: resolved.ddl };
  const run = () => runAthenaQuery(clients, place, { sql, parameters }, { ...options, maxRows, errorContext });
  let answer: AthenaAnswer;
  let tableCreated = false;
  try {
    answer = await run();
  } catch (error) {
    if (!(error instanceof AthenaTableMissingError) || !settings.createTable) throw error;
    await createAthenaTable(clients, place, resolved, options);
    tableCreated = true;
    answer = await run();
  }
  const order = inResultOrder(answer);
  const hits = answer.rows.map((row) => athenaRowToHit(order(row)));
  const summary = [
    `${hits.length}${answer.truncated ? '+' : ''} event${hits.length === 1 ? '' : 's'}${answer.truncated ? ` (stopped at ${maxRows})` : ''}`,
    athenaCostText(answer.cost),
    `table ${resolved.table.database}.${resolved.table.table}`,
    `query ${answer.queryExecutionId}`,
  ].join(' · ');
  const title = `Athena: ${formatScope(query.scope)} ${new Date(range.fromMs).toISOString()} – ${new Date(range.toMs).toISOString()}`;
  return {
    results: athenaResultSet(title, hits, summary, resolved.bucketRegion),
    sql,
    parameters,
    warnings: [...resolved.notes.filter((note) => note.startsWith('Accounts:')), ...warnings],
    resolved,
    place,
    queryExecutionId: answer.queryExecutionId,
    cost: answer.cost,
    truncated: answer.truncated,
    range,
    tableCreated,
  };
}
