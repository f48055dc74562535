/**
 * `search`: Find Events over a trail's log files (or a log location), streamed — the workflow is src/aws/search; this
 * file turns the command line into a query and the results into lines (a table, or JSON Lines of the results model).
 */
import { DEFAULT_MAX_ROWS, MAX_ROWS_LIMIT } from '../../aws/athena';
import { DEFAULT_CONFIRM_ABOVE_FILES, DEFAULT_SEARCH_CONCURRENCY, MAX_SEARCH_CONCURRENCY, searchLogs } from '../../aws/search';
import { CancelledError } from '../../core/errors';
import { resultsToJsonLines } from '../../core/results/model';
import {
  DEFAULT_PRUNE_MARGINS,
  estimateText,
  failureToResultItem,
  hitToResultItem,
  isAccountId,
  parseQuery,
  pointAtQueryError,
  progressText,
  QueryError,
  quoteQueryValue,
  resolveTimeRange,
  summaryText,
  type SearchEstimate,
  type SearchHit,
} from '../../core/search';
import {
  ATHENA_FLAGS,
  ATHENA_OPTIONS_HELP,
  ATHENA_PERMISSIONS_HELP,
  ATHENA_VALUES,
  parseAthenaArgs,
  runAthenaSearch,
  type AthenaArgs,
} from '../athenaSearch';
import { defineCommand, type AwsCommandContext } from '../command';
import { eventLine, TABLE_HEADER } from '../eventLines';
import type { CliIo } from '../io';
import { UsageError, type ParsedArgs } from '../options';
import { escapeControls } from '../printable';

const USAGE = `Usage: cloudtrail-kms search <trail | s3://bucket/prefix> --from T [--to T] [--account A]... [--region R]... QUERY...
       [--json] [--max-results N] [--engine files|athena]
       files engine (default): [--concurrency N] [--late-minutes N] [--yes] [--confirm-above N]
       athena engine: [--workgroup W] [--output-location S3] [--database D] [--table T] [--athena-region R]
                      [--max-wait MINUTES] [--create-table] [--show-sql]

Finds the events of a time range in the trail's log files (or under a log location), across accounts and regions:
lists only the day folders the range needs, reads the files a few at a time (S3 decrypts each with KMS for you),
and prints each matching event as soon as it is found — a table, or with --json one JSON object per line (the
results model: label, time, source {bucket, key, region, recordIndex}, record). A summary goes to stderr: files read,
bytes, matches, files that could not be read (and why), and the delivery margin used.

QUERY is the query language of the README ("Query language"), e.g.
  name:Decrypt,GenerateDataKey key:alias/cloudtrail-logs error:any principal:arn:aws:iam::111122223333:role/Admin
  ctx:aws:s3:arn=arn:aws:s3:::bucket/AWSLogs/*  "free text"
Quote the query for the shell when it holds quotes or *.

  --engine E            files (default): read the log files here, streamed; athena: run the same query as SQL on
                        Amazon Athena over the trail's table (see athena-ddl) with every value an execution parameter —
                        for long ranges and organizations. Athena bills the data scanned (about $5 per TB; the summary
                        says how much); its events carry their log file but no record index.
  --from T, --to T      the range [from, to): now, -2h, -7d, today, yesterday, 2026-11-24, 2026-11-24T10:30Z
                        (or from: / to: in the query; without a to, until now)
  --account A           only this log account (repeatable); --region R: only this region (repeatable, comma list)
  --concurrency N       files read at once (default ${DEFAULT_SEARCH_CONCURRENCY}, at most ${MAX_SEARCH_CONCURRENCY}); lowered while AWS throttles
  --max-results N       stop after N matches (athena: keep at most N, default ${DEFAULT_MAX_ROWS}, at most ${MAX_ROWS_LIMIT})
  --late-minutes N      read files delivered up to N minutes after the range (default ${DEFAULT_PRUNE_MARGINS.lateMinutes}): events delivered
                        later are missed
  --confirm-above N     refuse a search of more than N files unless --yes (default ${DEFAULT_CONFIRM_ABOVE_FILES}): each file is one KMS
                        Decrypt request, billed and counted against the account's KMS request quota
  --yes                 search even above --confirm-above
Athena engine:
${ATHENA_OPTIONS_HELP}

Needs s3:ListBucket and s3:GetObject on the bucket, kms:Decrypt on the trail's key (through S3), and
cloudtrail:DescribeTrails for a trail name; kms:DescribeKey to resolve a key alias.
${ATHENA_PERMISSIONS_HELP}
Exit codes: 0 every file was searched (athena: the query ran); 1 an error, or some files could not be searched (the
summary says which; athena: the table missing, its DDL printed on stderr); 2 usage, or a search above --confirm-above
without --yes; 130 interrupted (Ctrl-C; the summary is still printed; athena: the query is stopped).`;

/** Options of one engine only: naming one with the other engine is a usage error, not silently ignored. */
const FILES_ONLY = ['concurrency', 'late-minutes', 'confirm-above'];
const ENGINES = ['files', 'athena'] as const;
type Engine = (typeof ENGINES)[number];

export interface SearchArgs {
  engine: Engine;
  text: string;
  /** The athena engine's options. */
  athena?: AthenaArgs;
  json: boolean;
  concurrency: number;
  maxResults?: number;
  lateMinutes: number;
  confirmAbove: number;
  yes: boolean;
}

function whole(text: string | undefined, option: string, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{1,9}$/.test(text) || Number(text) < min || Number(text) > max)
    throw new UsageError(`--${option} must be a whole number from ${min} to ${max}, not "${text}".`);
  return Number(text);
}

/** The query text: the scope, --from/--to, --account, --region as query terms, then the QUERY words. */
function queryText(scope: string, words: string[], values: Record<string, string>, accounts: string[], regions: string[]): string {
  const terms = [`scope:${quoteQueryValue(scope)}`];
  if (values.from !== undefined) terms.push(`from:${quoteQueryValue(values.from)}`);
  if (values.to !== undefined) terms.push(`to:${quoteQueryValue(values.to)}`);
  if (accounts.length) terms.push(`account:${accounts.join(',')}`);
  if (regions.length) terms.push(`region:${regions.join(',')}`);
  return [...terms, ...words].join(' ');
}

function hitLine(hit: SearchHit): string {
  return eventLine(hit.record, hit.source.key, hit.source.recordIndex);
}

function refusal(estimate: SearchEstimate, threshold: number): string {
  return (
    `This search would read ${estimateText(estimate)}\n` +
    `That is more than --confirm-above ${threshold}. Add --yes to search anyway, or narrow the range, accounts or regions.\n`
  );
}

/** A progress line on a terminal's stderr, cleared before anything else is written. */
function progressLine(io: CliIo): { show(text: string): void; clear(): void } {
  const tty = (io.stderr as { isTTY?: boolean }).isTTY === true;
  let shown = false;
  return {
    show(text) {
      if (!tty) return;
      io.stderr.write(`\r\u001b[K${text}`);
      shown = true;
    },
    clear() {
      if (shown) io.stderr.write('\r\u001b[K');
      shown = false;
    },
  };
}

/** The options `search` takes (both engines); `athena` takes the same. */
export const SEARCH_OPTIONS = {
  values: ['from', 'to', 'account', 'concurrency', 'max-results', 'late-minutes', 'confirm-above', 'engine', ...ATHENA_VALUES],
  flags: ['yes', ...ATHENA_FLAGS],
};

function engineOf(values: Record<string, string>, fixed: Engine | undefined): Engine {
  const named = values.engine;
  if (named !== undefined && !(ENGINES as readonly string[]).includes(named))
    throw new UsageError(`--engine must be files or athena, not "${named}".`);
  if (fixed && named !== undefined && named !== fixed) throw new UsageError(`This command always uses the ${fixed} engine.`);
  return fixed ?? (named as Engine | undefined) ?? 'files';
}

/** The command line as a search; `fixed` is the engine of an alias (`athena`). */
export function parseSearch({ positional, values, repeated, flags, global }: ParsedArgs, fixed?: Engine): SearchArgs {
  const engine = engineOf(values, fixed);
  const name = fixed ?? 'search';
  const foreign =
    engine === 'athena'
      ? [...FILES_ONLY.filter((option) => values[option] !== undefined), ...(flags.has('yes') ? ['yes'] : [])]
      : [...ATHENA_VALUES.filter((option) => values[option] !== undefined), ...ATHENA_FLAGS.filter((flag) => flags.has(flag))];
  if (foreign.length)
    throw new UsageError(
      engine === 'athena'
        ? `--${foreign[0]} is an option of the files engine; the athena engine does not read files here.`
        : `--${foreign[0]} is an option of the athena engine: add --engine athena.`,
    );
  if (positional.length === 0) throw new UsageError(`${name} needs a trail name, trail ARN or s3://bucket/prefix, then the query.`);
  const accounts = (repeated.account ?? []).flatMap((value) => value.split(',').map((part) => part.trim()));
  for (const account of accounts)
    if (!isAccountId(account)) throw new UsageError(`--account needs a 12-digit account id, not "${account}".`);
  const regions = global.regions.filter((region) => region !== 'all');
  const text = queryText(positional[0], positional.slice(1), values, accounts, regions);
  try {
    const query = parseQuery(text);
    if (!query.from) throw new UsageError(`${name} needs a start: --from T (or from: in the query), e.g. --from -2h or --from 2026-11-24.`);
    resolveTimeRange(query, Date.now());
  } catch (error) {
    if (error instanceof QueryError) throw new UsageError(`The query is not valid:\n${pointAtQueryError(text, error)}`);
    throw error;
  }
  return {
    engine,
    text,
    ...(engine === 'athena' ? { athena: parseAthenaArgs(values, flags) } : {}),
    json: global.json,
    concurrency: whole(values.concurrency, 'concurrency', 1, MAX_SEARCH_CONCURRENCY) ?? DEFAULT_SEARCH_CONCURRENCY,
    maxResults: whole(values['max-results'], 'max-results', 1),
    lateMinutes: whole(values['late-minutes'], 'late-minutes', 0, 7 * 24 * 60) ?? DEFAULT_PRUNE_MARGINS.lateMinutes,
    confirmAbove: whole(values['confirm-above'], 'confirm-above', 0) ?? DEFAULT_CONFIRM_ABOVE_FILES,
    yes: flags.has('yes'),
  };
}

/** Runs a search with its engine. */
export async function runSearch({ args, io, clients }: AwsCommandContext<SearchArgs>): Promise<number> {
  if (args.athena) return runAthenaSearch(clients, parseQuery(args.text), args.athena, io, args.json);
  const query = parseQuery(args.text);
  const range = resolveTimeRange(query, Date.now());
  const abort = new AbortController();
  const interrupt = (): void => abort.abort();
  process.once('SIGINT', interrupt);
  const progress = progressLine(io);
  let declined = false;
  let headerDone = false;
  const out = (text: string): void => {
    progress.clear();
    io.stdout.write(text);
  };
  try {
    const summary = await searchLogs(clients, query, range, {
      signal: abort.signal,
      concurrency: args.concurrency,
      lateMinutes: args.lateMinutes,
      confirmAboveFiles: args.confirmAbove,
      ...(args.maxResults !== undefined ? { maxResults: args.maxResults } : {}),
      confirm: async (estimate) => {
        if (args.yes) return true;
        declined = true;
        progress.clear();
        io.stderr.write(refusal(estimate, args.confirmAbove));
        return false;
      },
      onHit: (hit) => {
        if (args.json) return out(resultsToJsonLines([hitToResultItem(hit)]));
        if (!headerDone) out(`${TABLE_HEADER}\n`);
        headerDone = true;
        out(`${hitLine(hit)}\n`);
      },
      onFailure: (failure) => {
        if (args.json) out(resultsToJsonLines([failureToResultItem(failure)]));
        progress.clear();
        io.stderr.write(`${escapeControls(`Not searched: ${failure.what}`)}\n`);
      },
      onProgress: (state) => progress.show(progressText(state)),
    });
    progress.clear();
    if (!args.json && summary.matches === 0) io.stderr.write('No events matched.\n');
    io.stderr.write(`${summaryText(summary).split('\n').map(escapeControls).join('\n')}\n`);
    if (summary.cancelled) return 130;
    return summary.failures.length > 0 ? 1 : 0;
  } catch (error) {
    progress.clear();
    if (error instanceof CancelledError && declined) return 2;
    if (error instanceof CancelledError && abort.signal.aborted) {
      io.stderr.write('Interrupted before any file was read.\n');
      return 130;
    }
    throw error;
  } finally {
    process.removeListener('SIGINT', interrupt);
  }
}

export const command = defineCommand({
  usage: USAGE,
  aws: true,
  options: SEARCH_OPTIONS,
  parse: (parsed) => parseSearch(parsed),
  run: runSearch,
});
