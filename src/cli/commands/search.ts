/**
 * `search`: Find Events over a trail's log files (or a log location), streamed — the workflow is src/aws/search; this
 * file turns the command line into a query and the results into lines (a table, or JSON Lines of the results model).
 */
import { DEFAULT_CONFIRM_ABOVE_FILES, DEFAULT_SEARCH_CONCURRENCY, MAX_SEARCH_CONCURRENCY, searchLogs } from '../../aws/search';
import { CancelledError } from '../../core/errors';
import { resultsToJsonLines } from '../../core/results/model';
import {
  DEFAULT_PRUNE_MARGINS,
  estimateText,
  failureToResultItem,
  hitPrincipal,
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
import { defineCommand } from '../command';
import type { CliIo } from '../io';
import { UsageError } from '../options';
import { escapeControls } from '../printable';

const USAGE = `Usage: cloudtrail-kms search <trail | s3://bucket/prefix> --from T [--to T] [--account A]... [--region R]... QUERY...
       [--json] [--concurrency N] [--max-results N] [--late-minutes N] [--yes] [--confirm-above N]

Finds the events of a time range in the trail's log files (or under a log location), across accounts and regions:
lists only the day folders the range needs, reads the files a few at a time (S3 decrypts each with KMS for you),
and prints each matching event as soon as it is found — a table, or with --json one JSON object per line (the
results model: label, time, source {bucket, key, region, recordIndex}, record). A summary goes to stderr: files read,
bytes, matches, files that could not be read (and why), and the delivery margin used.

QUERY is the query language of the README ("Query language"), e.g.
  name:Decrypt,GenerateDataKey key:alias/cloudtrail-logs error:any principal:arn:aws:iam::111122223333:role/Admin
  ctx:aws:s3:arn=arn:aws:s3:::bucket/AWSLogs/*  "free text"
Quote the query for the shell when it holds quotes or *.

  --from T, --to T      the range [from, to): now, -2h, -7d, today, yesterday, 2026-11-24, 2026-11-24T10:30Z
                        (or from: / to: in the query; without a to, until now)
  --account A           only this log account (repeatable); --region R: only this region (repeatable, comma list)
  --concurrency N       files read at once (default ${DEFAULT_SEARCH_CONCURRENCY}, at most ${MAX_SEARCH_CONCURRENCY}); lowered while AWS throttles
  --max-results N       stop after N matches
  --late-minutes N      read files delivered up to N minutes after the range (default ${DEFAULT_PRUNE_MARGINS.lateMinutes}): events delivered
                        later are missed
  --confirm-above N     refuse a search of more than N files unless --yes (default ${DEFAULT_CONFIRM_ABOVE_FILES}): each file is one KMS
                        Decrypt request, billed and counted against the account's KMS request quota
  --yes                 search even above --confirm-above

Needs s3:ListBucket and s3:GetObject on the bucket, kms:Decrypt on the trail's key (through S3), and
cloudtrail:DescribeTrails for a trail name; kms:DescribeKey to resolve a key alias.
Exit codes: 0 every file was searched; 1 an error, or some files could not be searched (the summary says which);
2 usage, or a search above --confirm-above without --yes; 130 interrupted (Ctrl-C; the summary is still printed).`;

interface SearchArgs {
  text: string;
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

const COLUMNS = [20, 14, 26, 44, 24];

function tableLine(cells: string[]): string {
  return `${cells.map((cell, i) => (i < COLUMNS.length ? cell.padEnd(COLUMNS[i]) : cell)).join('  ')}`.trimEnd();
}

function hitLine(hit: SearchHit): string {
  const r = hit.record;
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const file = hit.source.key.slice(hit.source.key.lastIndexOf('/') + 1);
  return escapeControls(
    tableLine([
      text(r.eventTime),
      text(r.awsRegion),
      text(r.eventName),
      hitPrincipal(r),
      text(r.errorCode) || '-',
      `${file}#${hit.source.recordIndex}`,
    ]),
  );
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

export const command = defineCommand({
  usage: USAGE,
  aws: true,
  options: { values: ['from', 'to', 'account', 'concurrency', 'max-results', 'late-minutes', 'confirm-above'], flags: ['yes'] },
  parse({ positional, values, repeated, flags, global }): SearchArgs {
    if (positional.length === 0) throw new UsageError('search needs a trail name, trail ARN or s3://bucket/prefix, then the query.');
    const accounts = (repeated.account ?? []).flatMap((value) => value.split(',').map((part) => part.trim()));
    for (const account of accounts)
      if (!isAccountId(account)) throw new UsageError(`--account needs a 12-digit account id, not "${account}".`);
    const regions = global.regions.filter((region) => region !== 'all');
    const text = queryText(positional[0], positional.slice(1), values, accounts, regions);
    try {
      const query = parseQuery(text);
      if (!query.from)
        throw new UsageError('search needs a start: --from T (or from: in the query), e.g. --from -2h or --from 2026-11-24.');
      resolveTimeRange(query, Date.now());
    } catch (error) {
      if (error instanceof QueryError) throw new UsageError(pointAtQueryError(text, error));
      throw error;
    }
    return {
      text,
      json: global.json,
      concurrency: whole(values.concurrency, 'concurrency', 1, MAX_SEARCH_CONCURRENCY) ?? DEFAULT_SEARCH_CONCURRENCY,
      maxResults: whole(values['max-results'], 'max-results', 1),
      lateMinutes: whole(values['late-minutes'], 'late-minutes', 0, 7 * 24 * 60) ?? DEFAULT_PRUNE_MARGINS.lateMinutes,
      confirmAbove: whole(values['confirm-above'], 'confirm-above', 0) ?? DEFAULT_CONFIRM_ABOVE_FILES,
      yes: flags.has('yes'),
    };
  },
  async run({ args, io, clients }) {
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
          if (!headerDone) out(`${tableLine(['TIME', 'REGION', 'EVENT', 'PRINCIPAL', 'ERROR', 'FILE#RECORD'])}\n`);
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
  },
});
