/**
 * `athena`: Find Events on Amazon Athena — the query language of `search`, run as SQL over the trail's Athena table
 * (src/aws/athena); this file turns the command line into a query and the results into lines or JSON Lines.
 */
import { DEFAULT_MAX_ROWS, findEventsWithAthena, MAX_ROWS_LIMIT } from '../../aws/athena';
import { AthenaTableMissingError } from '../../core/athena';
import { CancelledError } from '../../core/errors';
import { resultsToJsonLines, type ResultItem } from '../../core/results/model';
import { parseQuery, pointAtQueryError, QueryError, quoteQueryValue, SCOPE_FORMS, type SearchQuery } from '../../core/search';
import { defineCommand } from '../command';
import { UsageError } from '../options';

const USAGE = `Usage: cloudtrail-kms athena <trail | s3://bucket/prefix> --from T [--to T] QUERY... [--workgroup W] [--output-location S3]
       [--database D] [--table T] [--athena-region R] [--max-results N] [--max-wait MINUTES] [--create-table] [--show-sql] [--json]

Finds events with Amazon Athena instead of reading the files here: for long ranges and organizations. The query (the
language of \`search\`, e.g. name:Decrypt key:alias/logs error:any account:111122223333 region:eu-west-1) becomes SQL over
the trail's CloudTrail table (see athena-ddl) with every value as an execution parameter; the query runs in the
workgroup, its progress and the data scanned go to stderr, each event found is printed (a table, or with --json one
results-model object per line: label, time, source {bucket, key}, record). Athena bills the data scanned (about $5
per TB; the summary says how much).
  --from T, --to T      the range [from, to): now, -2h, -7d, today, yesterday, 2026-11-24, 2026-11-24T10:30Z
  --workgroup W         Athena workgroup (default: primary)
  --output-location S3  s3://bucket/prefix/ for Athena's result files (default: the workgroup's)
  --database D, --table T   where the table is (defaults: default, cloudtrail_<bucket>[_<prefix>][_<o-id>])
  --athena-region R     where Athena runs (default: the log bucket's region)
  --max-results N       keep at most N events (default ${DEFAULT_MAX_ROWS}, at most ${MAX_ROWS_LIMIT})
  --max-wait MINUTES    stop the query (StopQueryExecution) after this long (default 30)
  --create-table        create the database and table when missing (needs glue:CreateDatabase, glue:CreateTable)
  --show-sql            print the SQL and its parameters to stderr
Needs athena:StartQueryExecution, GetQueryExecution, GetQueryResults, StopQueryExecution; glue:GetTable,
GetDatabase, GetPartitions; s3:GetBucketLocation, PutObject, GetObject on the output location; s3:ListBucket,
GetObject and kms:Decrypt on the logs; cloudtrail:DescribeTrails for a trail name.
Exit codes: 0 the query ran (found events or none); 1 an error (the table missing: the DDL is printed on stderr);
2 usage; 130 interrupted (Ctrl-C stops the Athena query).`;

function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}

function positiveInteger(text: string | undefined, option: string, max: number): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{1,9}$/.test(text) || Number(text) < 1 || Number(text) > max)
    throw new UsageError(`--${option} must be a whole number from 1 to ${max}, not "${text}".`);
  return Number(text);
}

function line(item: ResultItem): string {
  const record = (item.record ?? {}) as Record<string, unknown>;
  const where = item.source ? `s3://${item.source.bucket}/${item.source.key}` : '';
  return printable([item.time ?? '-', item.label, typeof record.awsRegion === 'string' ? record.awsRegion : '-', where].join('  '));
}

export const command = defineCommand({
  usage: USAGE,
  aws: true,
  options: {
    values: ['from', 'to', 'workgroup', 'output-location', 'database', 'table', 'athena-region', 'max-results', 'max-wait'],
    flags: ['create-table', 'show-sql'],
  },
  parse({ positional, values, flags }) {
    if (positional.length < 1) throw new UsageError(`athena needs a trail or log location (${SCOPE_FORMS}) and a query.`);
    const parts = [`scope:${quoteQueryValue(positional[0])}`];
    if (values.from !== undefined) parts.push(`from:${quoteQueryValue(values.from)}`);
    if (values.to !== undefined) parts.push(`to:${quoteQueryValue(values.to)}`);
    const text = [...parts, ...positional.slice(1)].join(' ');
    let query: SearchQuery;
    try {
      query = parseQuery(text);
    } catch (error) {
      if (error instanceof QueryError) throw new UsageError(`The query is not valid:\n${pointAtQueryError(text, error)}`);
      throw error;
    }
    if (!query.from) throw new UsageError('athena needs a start: --from T (or from: in the query).');
    const output = values['output-location'];
    if (output !== undefined && !output.startsWith('s3://'))
      throw new UsageError(`--output-location must be s3://bucket/prefix/, not "${output}".`);
    const maxWait = positiveInteger(values['max-wait'], 'max-wait', 24 * 60);
    return {
      query,
      settings: {
        ...(values.workgroup ? { workgroup: values.workgroup } : {}),
        ...(output ? { outputLocation: output.endsWith('/') ? output : `${output}/` } : {}),
        ...(values.database ? { database: values.database } : {}),
        ...(values.table ? { table: values.table } : {}),
        ...(values['athena-region'] ? { region: values['athena-region'] } : {}),
        createTable: flags.has('create-table'),
      },
      maxRows: positiveInteger(values['max-results'], 'max-results', MAX_ROWS_LIMIT) ?? DEFAULT_MAX_ROWS,
      ...(maxWait ? { maxWaitMs: maxWait * 60_000 } : {}),
      showSql: flags.has('show-sql'),
    };
  },
  async run({ args, io, global, clients }) {
    const controller = new AbortController();
    const interrupt = (): void => controller.abort();
    process.once('SIGINT', interrupt);
    let lastState = '';
    try {
      const answer = await findEventsWithAthena(clients, args.query, args.settings, {
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
      for (const warning of answer.warnings) io.stderr.write(`Warning: ${printable(warning)}\n`);
      if (global.json) io.stdout.write(resultsToJsonLines(answer.results.items));
      else for (const item of answer.results.items) io.stdout.write(`${line(item)}\n`);
      io.stderr.write(`${printable(answer.results.summary ?? '')}\n`);
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
  },
});
