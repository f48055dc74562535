/**
 * One Athena statement run to the end: StartQueryExecution (workgroup, output location, ExecutionParameters — the SQL
 * text never holds a user value), GetQueryExecution polled with backoff (progress: state, bytes scanned), the rows paged
 * from GetQueryResults up to a cap, StopQueryExecution when the caller's AbortSignal fires or the wait runs out.
 * Every request goes through the client's timeouts (../timeouts.ts); failures are explained (core/athena/failures.ts).
 */
import {
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  StartQueryExecutionCommand,
  StopQueryExecutionCommand,
  type QueryExecution,
} from '@aws-sdk/client-athena';
import { athenaCost, explainAthenaCallError, explainQueryFailure, type AthenaCost, type AthenaErrorContext } from '../../core/athena';
import { CancelledError, ExplainedError } from '../../core/errors';
import type { AwsClients } from '../clients';

export interface AthenaPlace {
  region: string;
  /** Empty: Athena's default, `primary`. */
  workgroup?: string;
  /** `s3://bucket/prefix/`; empty: the workgroup's own result location. */
  outputLocation?: string;
  database?: string;
  catalog?: string;
}

export interface AthenaStatement {
  sql: string;
  /** ExecutionParameters, in `?` order (none for DDL). */
  parameters?: readonly string[];
}

export interface AthenaProgress {
  queryExecutionId: string;
  state: string;
  scannedBytes: number;
  elapsedMs: number;
}

export interface AthenaRunOptions {
  signal?: AbortSignal;
  onProgress?: (progress: AthenaProgress) => void;
  /** Keep at most this many rows (default 10,000); more makes `truncated` true. */
  maxRows?: number;
  /** First poll after this, then ×1.5 up to pollMaxMs (defaults 300 ms and 5 s). */
  pollInitialMs?: number;
  pollMaxMs?: number;
  /** Stop the query (StopQueryExecution) when it has not ended after this long (default 30 minutes, Athena's own DML limit). */
  maxWaitMs?: number;
  /** What the error explanations may name (table, root, DDL). */
  errorContext?: Partial<AthenaErrorContext>;
}

export interface AthenaAnswer {
  queryExecutionId: string;
  statementType: string;
  /** Column names of the result (ResultSetMetadata). */
  columns: string[];
  /** Rows without the header row; NULL cells are null. */
  rows: (string | null)[][];
  truncated: boolean;
  cost: AthenaCost;
  engineMs?: number;
  outputLocation?: string;
}

export const DEFAULT_MAX_ROWS = 10_000;
export const MAX_ROWS_LIMIT = 1_000_000;
const PAGE_SIZE = 1000;

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** Runs the statement to its end and returns its rows (DML) or nothing (DDL). */
export async function runAthenaQuery(
  clients: AwsClients,
  place: AthenaPlace,
  statement: AthenaStatement,
  options: AthenaRunOptions = {},
): Promise<AthenaAnswer> {
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  if (!Number.isSafeInteger(maxRows) || maxRows < 1 || maxRows > MAX_ROWS_LIMIT)
    throw new RangeError(`maxRows must be an integer from 1 to ${MAX_ROWS_LIMIT}, not ${maxRows}.`);
  const athena = clients.athena(place.region);
  const context: AthenaErrorContext = {
    operation: 'StartQueryExecution',
    region: place.region,
    ...(place.workgroup ? { workgroup: place.workgroup } : {}),
    ...(place.database ? { database: place.database } : {}),
    profile: clients.profileName(),
    ...options.errorContext,
  };
  const signal = options.signal;
  if (signal?.aborted) throw new CancelledError('The Athena query was cancelled.');
  const call = async <T>(operation: string, send: () => Promise<T>): Promise<T> => {
    try {
      return await send();
    } catch (error) {
      if (signal?.aborted) throw new CancelledError('The Athena query was cancelled.');
      throw explainAthenaCallError(error as Error, { ...context, operation });
    }
  };
  const parameters = statement.parameters ?? [];
  const started = await call('StartQueryExecution', () =>
    athena.send(
      new StartQueryExecutionCommand({
        QueryString: statement.sql,
        ...(parameters.length ? { ExecutionParameters: [...parameters] } : {}),
        ...(place.workgroup ? { WorkGroup: place.workgroup } : {}),
        ...(place.outputLocation ? { ResultConfiguration: { OutputLocation: place.outputLocation } } : {}),
        ...(place.database || place.catalog
          ? {
              QueryExecutionContext: {
                ...(place.database ? { Database: place.database } : {}),
                ...(place.catalog ? { Catalog: place.catalog } : {}),
              },
            }
          : {}),
      }),
      { abortSignal: signal },
    ),
  );
  const id = started.QueryExecutionId;
  if (!id)
    throw new ExplainedError('AthenaNoQueryId', 'Athena accepted the query but returned no query execution id.', undefined, 'Try again.');
  const execution = await waitForEnd(clients, place, id, options, call);
  const state = execution.Status?.State ?? 'UNKNOWN';
  const statementType = execution.StatementType ?? 'DML';
  const cost = athenaCost(execution.Statistics?.DataScannedInBytes ?? 0, statementType === 'DDL' ? 'DDL' : 'DML');
  if (state === 'FAILED') {
    const reason = [execution.Status?.StateChangeReason, execution.Status?.AthenaError?.ErrorMessage].filter(Boolean).join(' ');
    throw explainQueryFailure(reason, { ...context, operation: 'the query' });
  }
  if (state === 'CANCELLED')
    throw new ExplainedError(
      'AthenaQueryCancelled',
      `The Athena query ${id} was cancelled by someone else (or by the workgroup).`,
      execution.Status?.StateChangeReason,
      'Run it again.',
    );
  const answer: AthenaAnswer = {
    queryExecutionId: id,
    statementType,
    columns: [],
    rows: [],
    truncated: false,
    cost,
    ...(execution.Statistics?.EngineExecutionTimeInMillis !== undefined
      ? { engineMs: execution.Statistics.EngineExecutionTimeInMillis }
      : {}),
    ...(execution.ResultConfiguration?.OutputLocation ? { outputLocation: execution.ResultConfiguration.OutputLocation } : {}),
  };
  if (statementType === 'DDL') return answer;
  await readRows(clients, place, id, maxRows, answer, call, signal);
  return answer;
}

type Call = <T>(operation: string, send: () => Promise<T>) => Promise<T>;

async function stopQuery(clients: AwsClients, place: AthenaPlace, id: string): Promise<void> {
  try {
    await clients.athena(place.region).send(new StopQueryExecutionCommand({ QueryExecutionId: id }));
  } catch {
    // Best effort: the query may have ended meanwhile; the caller already has its answer (cancelled / timed out).
  }
}

async function waitForEnd(
  clients: AwsClients,
  place: AthenaPlace,
  id: string,
  options: AthenaRunOptions,
  call: Call,
): Promise<QueryExecution> {
  const athena = clients.athena(place.region);
  const begin = Date.now();
  const maxWait = options.maxWaitMs ?? 30 * 60_000;
  let delay = Math.max(10, options.pollInitialMs ?? 300);
  const maxDelay = Math.max(delay, options.pollMaxMs ?? 5000);
  for (;;) {
    if (options.signal?.aborted) {
      await stopQuery(clients, place, id);
      throw new CancelledError('The Athena query was cancelled (StopQueryExecution sent).');
    }
    const answer = await call('GetQueryExecution', () =>
      athena.send(new GetQueryExecutionCommand({ QueryExecutionId: id }), { abortSignal: options.signal }),
    ).catch(async (error: unknown) => {
      if (error instanceof CancelledError) await stopQuery(clients, place, id);
      throw error;
    });
    const execution = answer.QueryExecution ?? {};
    const state = execution.Status?.State ?? 'UNKNOWN';
    options.onProgress?.({
      queryExecutionId: id,
      state,
      scannedBytes: execution.Statistics?.DataScannedInBytes ?? 0,
      elapsedMs: Date.now() - begin,
    });
    if (state === 'SUCCEEDED' || state === 'FAILED' || state === 'CANCELLED') return execution;
    if (Date.now() - begin >= maxWait) {
      await stopQuery(clients, place, id);
      throw new ExplainedError(
        'Timeout',
        `The Athena query ${id} did not end within ${Math.round(maxWait / 1000)} s; it was stopped.`,
        `It was still ${state}.`,
        'Narrow the time range, accounts or regions, or raise the wait (setting cloudtrailKms.athena.maxWaitMinutes, CLI --max-wait).',
      );
    }
    await sleep(delay, options.signal);
    delay = Math.min(maxDelay, Math.round(delay * 1.5));
  }
}

async function readRows(
  clients: AwsClients,
  place: AthenaPlace,
  id: string,
  maxRows: number,
  answer: AthenaAnswer,
  call: Call,
  signal: AbortSignal | undefined,
): Promise<void> {
  const athena = clients.athena(place.region);
  let token: string | undefined;
  let first = true;
  do {
    if (signal?.aborted) throw new CancelledError('The Athena query was cancelled.');
    const page = await call('GetQueryResults', () =>
      athena.send(new GetQueryResultsCommand({ QueryExecutionId: id, MaxResults: PAGE_SIZE, ...(token ? { NextToken: token } : {}) }), {
        abortSignal: signal,
      }),
    );
    let rows = page.ResultSet?.Rows ?? [];
    if (first) {
      answer.columns = (page.ResultSet?.ResultSetMetadata?.ColumnInfo ?? []).map((column) => column.Name ?? '');
      // A SELECT's first row repeats the column names.
      const header = rows[0]?.Data?.map((datum) => datum.VarCharValue ?? '');
      if (header && answer.columns.length > 0 && header.join('\u0000') === answer.columns.join('\u0000')) rows = rows.slice(1);
      first = false;
    }
    for (const row of rows) {
      if (answer.rows.length >= maxRows) {
        answer.truncated = true;
        return;
      }
      answer.rows.push((row.Data ?? []).map((datum) => datum.VarCharValue ?? null));
    }
    token = page.NextToken;
    if (token && answer.rows.length >= maxRows) {
      answer.truncated = true;
      return;
    }
  } while (token);
}
