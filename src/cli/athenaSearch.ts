/**
 * `search --engine athena` (and its alias `athena`): the query of `search` run by src/aws/athena's
 * findEventsWithAthena. This file reads the Athena options and prints the answer — the same lines (or results-model
 * JSON Lines) as the files engine, state changes, warnings and the summary on stderr.
 */
import { DEFAULT_MAX_ROWS, findEventsWithAthena, MAX_ROWS_LIMIT, type AthenaSettings } from '../aws/athena';
import type { AwsClients } from '../aws/clients';
import { AthenaTableMissingError } from '../core/athena';
import { CancelledError } from '../core/errors';
import { resultsToJsonLines, type ResultItem } from '../core/results/model';
import type { SearchQuery } from '../core/search';
import { eventLine, TABLE_HEADER } from './eventLines';
import type { CliIo } from './io';
import { UsageError } from './options';
import { escapeControls } from './printable';

/** The options only the Athena engine takes (values, then flags). */
export const ATHENA_VALUES = ['workgroup', 'output-location', 'database', 'table', 'athena-region', 'max-wait'] as const;
export const ATHENA_FLAGS = ['create-table', 'show-sql'] as const;

export const ATHENA_OPTIONS_HELP = `  --workgroup W         Athena workgroup (default: primary)
  --output-location S3  s3://bucket/prefix/ for Athena's result files (default: the workgroup's)
  --database D, --table T   where the table is (defaults: default, cloudtrail_<bucket>[_<prefix>][_<o-id>]; see athena-ddl)
  --athena-region R     where Athena runs (default: the log bucket's region)
  --max-wait MINUTES    stop the query (StopQueryExecution) after this long (default 30)
  --create-table        create the database and table when missing (needs glue:CreateDatabase, glue:CreateTable)
  --show-sql            print the SQL and its parameters to stderr`;

export const ATHENA_PERMISSIONS_HELP = `With --engine athena: athena:StartQueryExecution, GetQueryExecution, GetQueryResults, StopQueryExecution;
glue:GetTable, GetDatabase (CreateDatabase, CreateTable for --create-table); s3:GetBucketLocation, PutObject, GetObject on the output location;
s3:ListBucket, GetObject and kms:Decrypt on the logs (Athena reads them as you); cloudtrail:DescribeTrails for a trail name.`;

export interface AthenaArgs {
  settings: AthenaSettings;
  maxRows: number;
  maxWaitMs?: number;
  showSql: boolean;
}

function whole(text: string | undefined, option: string, max: number): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{1,9}$/.test(text) || Number(text) < 1 || Number(text) > max)
    throw new UsageError(`--${option} must be a whole number from 1 to ${max}, not "${text}".`);
  return Number(text);
}

/** The Athena options of a parsed command line (--max-results is shared with the files engine). */
export function parseAthenaArgs(values: Record<string, string>, flags: ReadonlySet<string>): AthenaArgs {
  const output = values['output-location'];
  if (output !== undefined && !output.startsWith('s3://'))
    throw new UsageError(`--output-location must be s3://bucket/prefix/, not "${output}".`);
  const maxWait = whole(values['max-wait'], 'max-wait', 24 * 60);
  return {
    settings: {
      ...(values.workgroup ? { workgroup: values.workgroup } : {}),
      ...(output ? { outputLocation: output.endsWith('/') ? output : `${output}/` } : {}),
      ...(values.database ? { database: values.database } : {}),
      ...(values.table ? { table: values.table } : {}),
      ...(values['athena-region'] ? { region: values['athena-region'] } : {}),
      createTable: flags.has('create-table'),
    },
    maxRows: whole(values['max-results'], 'max-results', MAX_ROWS_LIMIT) ?? DEFAULT_MAX_ROWS,
    ...(maxWait ? { maxWaitMs: maxWait * 60_000 } : {}),
    showSql: flags.has('show-sql'),
  };
}

function itemLine(item: ResultItem): string {
  return eventLine((item.record ?? {}) as Record<string, unknown>, item.source?.key, item.source?.recordIndex);
}

/** Runs the query on Athena and prints it; the exit code (0 ran, 1 table missing, 130 interrupted). */
export async function runAthenaSearch(
  clients: AwsClients,
  query: SearchQuery,
  args: AthenaArgs,
  io: CliIo,
  json: boolean,
): Promise<number> {
  const controller = new AbortController();
  const interrupt = (): void => controller.abort();
  process.once('SIGINT', interrupt);
  let lastState = '';
  try {
    const answer = await findEventsWithAthena(clients, query, args.settings, {
      signal: controller.signal,
      maxRows: args.maxRows,
      ...(args.maxWaitMs ? { maxWaitMs: args.maxWaitMs } : {}),
      onProgress: (progress) => {
        if (progress.state === lastState) return;
        lastState = progress.state;
        io.stderr.write(`Athena query ${progress.queryExecutionId}: ${progress.state}\n`);
      },
    });
    if (args.showSql) io.stderr.write(`${answer.sql}\n-- parameters: ${JSON.stringify(answer.parameters)}\n`);
    if (answer.tableCreated) io.stderr.write(`Created the table ${answer.resolved.table.database}.${answer.resolved.table.table}.\n`);
    for (const warning of answer.warnings) io.stderr.write(`Warning: ${escapeControls(warning)}\n`);
    const items = answer.results.items;
    if (json) io.stdout.write(resultsToJsonLines(items));
    else if (items.length > 0) io.stdout.write(`${TABLE_HEADER}\n${items.map((item) => `${itemLine(item)}\n`).join('')}`);
    if (!json && items.length === 0) io.stderr.write('No events matched.\n');
    io.stderr.write(`${escapeControls(answer.results.summary ?? '')}\n`);
    if (answer.truncated) io.stderr.write(`Stopped at ${args.maxRows} events: narrow the query or raise --max-results.\n`);
    return 0;
  } catch (error) {
    if (error instanceof CancelledError) {
      io.stderr.write('Interrupted: the Athena query was stopped.\n');
      return 130;
    }
    if (error instanceof AthenaTableMissingError && error.ddl) {
      io.stderr.write(`${error.message}\n\n${error.ddl.trimEnd()}\n`);
      return 1;
    }
    throw error;
  } finally {
    process.removeListener('SIGINT', interrupt);
  }
}
