/**
 * A Find Events query as Athena SQL over the CloudTrail table (ddl.ts), with the meaning the record matcher gives it
 * (../search/match.ts; both read ../search/recordPaths.ts): partition predicates on account, region and day (so Athena
 * reads only those folders), then the record filters. Every user value is an execution parameter (sqlParameters.ts);
 * the SQL text holds only our own column names, JSON paths and constants.
 */
import { keyCandidates, type ResolvedKeys } from '../search/keys';
import { deliveryWindow, daysOf, DEFAULT_PRUNE_MARGINS, type PruneMargins } from '../search/prune';
import type { SearchQuery, ValuePattern } from '../search/query';
import { QueryError } from '../search/queryError';
import { CONTEXT_PATHS, KEY_JSON_PATHS, PRINCIPAL_PATHS, REQUEST_PATHS } from '../search/recordPaths';
import { fold } from '../search/textSearch';
import { eventTimeString, type TimeRange } from '../search/timeRange';
import { CLOUDTRAIL_COLUMNS, columnName, columnPath } from './columns';
import { SqlParameters, sqlIdentifier } from './sqlParameters';
import { projectionKind, type AthenaTable } from './table';

export interface AthenaSqlOptions {
  /** The resolved `[from, to)` (resolveTimeRange). */
  range: TimeRange;
  /** Aliases resolved to key ARNs (resolveKeyAliases). */
  keys?: ResolvedKeys;
  /** The day partitions read around the range; the same margins as the streaming engine's pruning. */
  margins?: PruneMargins;
  /** At most this many rows (a validated integer, the one number written into the SQL). */
  limit?: number;
}

export interface AthenaSql {
  /** The statement, `?` where each parameter goes. */
  sql: string;
  /** StartQueryExecution `ExecutionParameters`, in order; each one a quoted SQL literal. */
  parameters: string[];
  /** What the user should know (e.g. an account the table does not project). */
  warnings: string[];
}

/** The select list: each column as text (structs and arrays as JSON), the partitions, and the log object's path. */
export const RESULT_COLUMNS: readonly string[] = [...CLOUDTRAIL_COLUMNS.map(columnName), 'account', 'region', 'timestamp', 'log_object'];

function selectList(): string {
  const columns = CLOUDTRAIL_COLUMNS.map((field) => {
    const name = columnName(field);
    return field.type.kind === 'string' ? name : `json_format(CAST(${name} AS JSON)) AS ${name}`;
  });
  return [...columns, 'account', 'region', '"timestamp"', '"$path" AS log_object'].join(',\n  ');
}

/** Every text of a record, for free text (concat_ws skips NULLs): string columns and structs as JSON. */
const RECORD_TEXT = `lower(concat_ws(' ', ${CLOUDTRAIL_COLUMNS.map((field) => (field.type.kind === 'string' ? columnName(field) : `json_format(CAST(${columnName(field)} AS JSON))`)).join(', ')}))`;

class WhereBuilder {
  readonly clauses: string[] = [];
  constructor(readonly params: SqlParameters) {}

  /** Any expression equals one of the exact patterns or starts with one of the prefixes. */
  patterns(expressions: readonly string[], patterns: readonly ValuePattern[], caseInsensitive: boolean): string {
    const norm = (text: string) => (caseInsensitive ? fold(text) : text);
    const exact = patterns.filter((item) => !item.prefix).map((item) => norm(item.value));
    const prefixes = patterns.filter((item) => item.prefix).map((item) => norm(item.value));
    const alternatives: string[] = [];
    for (const expression of expressions) {
      const subject = caseInsensitive ? `lower(${expression})` : expression;
      if (exact.length) alternatives.push(`${subject} IN (${this.params.strings(exact)})`);
      for (const prefix of prefixes) alternatives.push(`starts_with(${subject}, ${this.params.string(prefix)})`);
    }
    return `(${alternatives.join(' OR ')})`;
  }

  /** Adds `(…)` to the AND list. */
  add(clause: string): void {
    this.clauses.push(clause);
  }
}

function likeSuffix(suffix: string): string {
  return `%${suffix.replace(/[\\%_]/g, (c) => `\\${c}`)}`;
}

function keyClause(where: WhereBuilder, query: SearchQuery, resolved: ResolvedKeys | undefined): string {
  const candidates = keyCandidates(query.keys, resolved);
  const names = (expression: string) => {
    const parts = [`lower(${expression}) IN (${where.params.strings(candidates.exact)})`];
    for (const suffix of candidates.suffixes)
      parts.push(`lower(${expression}) LIKE ${where.params.string(likeSuffix(suffix))} ESCAPE '\\'`);
    return parts.join(' OR ');
  };
  const alternatives = [`cardinality(filter(resources, r -> ${names('r.arn')})) > 0`];
  for (const { column, path } of KEY_JSON_PATHS)
    alternatives.push(names(`json_extract_scalar(${column.toLowerCase()}, '$.${path.join('.')}')`));
  return `(${alternatives.join('\n    OR ')})`;
}

function contextClause(where: WhereBuilder, key: string, values: readonly ValuePattern[]): string {
  const maps = CONTEXT_PATHS.map(
    ([column, ...path]) => `try_cast(json_extract(${column.toLowerCase()}, '$.${path.join('.')}') AS MAP(VARCHAR, VARCHAR))`,
  );
  return `(${maps.map((map) => where.patterns([`element_at(${map}, ${where.params.string(key)})`], values, false)).join('\n    OR ')})`;
}

function errorClause(where: WhereBuilder, query: SearchQuery): string {
  const alternatives: string[] = [];
  if (query.errors.some((filter) => filter.kind === 'none')) alternatives.push("(errorcode IS NULL OR errorcode = '')");
  if (query.errors.some((filter) => filter.kind === 'any')) alternatives.push("(errorcode IS NOT NULL AND errorcode <> '')");
  const codes = query.errors.flatMap((filter) => (filter.kind === 'code' ? [filter.pattern] : []));
  if (codes.length) alternatives.push(where.patterns(['errorcode'], codes, true));
  return `(${alternatives.join(' OR ')})`;
}

function partitionClauses(
  where: WhereBuilder,
  query: SearchQuery,
  table: AthenaTable,
  options: AthenaSqlOptions,
  warnings: string[],
): void {
  for (const [column, wanted, projected, field] of [
    ['account', query.accounts, table.accounts, 'account'],
    ['region', query.regions, table.regions, 'region'],
  ] as const) {
    if (wanted.length === 0) {
      if (projectionKind(projected) === 'injected')
        throw new QueryError(
          `The Athena table ${table.table} does not list its ${field}s (injected projection), so the query must name them`,
          `${field}:… in the query, or a table created with its ${field}s`,
        );
      continue;
    }
    const missing = projected.length ? wanted.filter((value) => !projected.includes(value)) : [];
    if (missing.length)
      warnings.push(
        `The table ${table.table} does not project ${field} ${missing.join(', ')}: Athena returns nothing for it. Recreate the table with it.`,
      );
    where.add(`${column} IN (${where.params.strings(wanted)})`);
  }
  const days = daysOf(deliveryWindow(options.range, options.margins ?? DEFAULT_PRUNE_MARGINS));
  const day = (index: number) => `${days[index].year}/${days[index].month}/${days[index].day}`;
  where.add(`"timestamp" BETWEEN ${where.params.string(day(0))} AND ${where.params.string(day(days.length - 1))}`);
  where.add(`eventtime >= ${where.params.string(eventTimeString(options.range.fromMs))}`);
  where.add(`eventtime < ${where.params.string(eventTimeString(options.range.toMs))}`);
}

function checkScope(query: SearchQuery, table: AthenaTable): void {
  const scope = query.scope;
  if (scope?.kind !== 'location') return;
  const same =
    scope.bucket === table.location.bucket &&
    (scope.keyPrefix ?? '') === (table.location.keyPrefix ?? '') &&
    (scope.organizationId ?? '') === (table.location.organizationId ?? '');
  if (!same)
    throw new QueryError(
      `The query's scope is not the location of the Athena table ${table.table} (${table.root})`,
      'a table over the scope',
    );
}

/** The query as Athena SQL over `table`; throws QueryError when Athena could not run it as asked. */
export function translateToAthena(query: SearchQuery, table: AthenaTable, options: AthenaSqlOptions): AthenaSql {
  checkScope(query, table);
  const params = new SqlParameters();
  const where = new WhereBuilder(params);
  const warnings: string[] = [];
  partitionClauses(where, query, table, options, warnings);
  if (query.names.length) where.add(where.patterns(['eventname'], query.names, true));
  if (query.sources.length) where.add(where.patterns(['eventsource'], query.sources, true));
  if (query.errors.length) where.add(errorClause(where, query));
  if (query.readOnly.length) where.add(`readonly IN (${query.readOnly.map((flag) => `'${flag}'`).join(', ')})`);
  if (query.sourceIps.length) where.add(where.patterns(['sourceipaddress'], query.sourceIps, true));
  if (query.requests.length) where.add(where.patterns(REQUEST_PATHS.map(columnPath), query.requests, true));
  if (query.principals.length) where.add(where.patterns(PRINCIPAL_PATHS.map(columnPath), query.principals, true));
  if (query.keys.length) where.add(keyClause(where, query, options.keys));
  for (const context of query.contexts) where.add(contextClause(where, context.key, context.values));
  for (const term of query.text) where.add(`strpos(${RECORD_TEXT}, ${params.string(fold(term))}) > 0`);
  let limit = '';
  if (options.limit !== undefined) {
    if (!Number.isSafeInteger(options.limit) || options.limit < 1)
      throw new QueryError(`The row limit ${options.limit} is not a positive integer`, 'a limit of 1 or more');
    limit = `\nLIMIT ${options.limit}`;
  }
  const sql = `SELECT\n  ${selectList()}\nFROM ${sqlIdentifier(table.database)}.${sqlIdentifier(table.table)}\nWHERE ${where.clauses.join('\n  AND ')}\nORDER BY eventtime${limit}`;
  return { sql, parameters: params.values, warnings };
}
