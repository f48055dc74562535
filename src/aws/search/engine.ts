/**
 * Find Events over log files (issue 16): resolve where to look and the key aliases, list only the folders the range
 * needs, show the cost and ask before a large search, then read the files a few at a time (adaptive: fewer when AWS
 * throttles), each streamed through gunzip and the raw-bytes prefilter, parsed only when it may match, and matched per
 * record. Hits, failed files and progress go to the caller as they happen; the summary says what was read and how.
 * Memory is bounded by the number of files in flight, not by the range. Cancellable at any moment: the signal reaches
 * every S3 request.
 */
import { setMaxListeners } from 'node:events';
import { CancelledError, ExplainedError, isCancelled } from '../../core/errors';
import {
  buildRawPrefilter,
  compileMatcher,
  compileRawPrefilter,
  DEFAULT_PRUNE_MARGINS,
  eventTimeString,
  formatScope,
  planFolders,
  type PruneMargins,
  type SearchHit,
  type SearchQuery,
  type TimeRange,
} from '../../core/search';
import type { FileFailure, SearchEstimate, SearchProgress, SearchSummary } from '../../core/search/summary';
import type { AwsClients } from '../clients';
import { BufferPool } from './bufferPool';
import { AdaptiveLimit } from './limiter';
import { estimateCost, listPlannedFiles, type PlannedFile } from './listing';
import { resolveQueryKeys, resolveSearchLocation } from './location';
import { readAndMatch, type FileToRead } from './readLog';

export const DEFAULT_SEARCH_CONCURRENCY = 16;
export const MAX_SEARCH_CONCURRENCY = 64;
/** Above this many files the caller is asked first (each read of an SSE-KMS object is a billed KMS Decrypt). */
export const DEFAULT_CONFIRM_ABOVE_FILES = 500;
/** Reads of one file that AWS throttled before it counts as failed (after the SDK's own retries of each request). */
const MAX_THROTTLED_TRIES = 4;
/** When every one of the first files failed with the same refusal, the rest would too: stop after this many. */
const SAME_REFUSAL_LIMIT = 50;
const REFUSALS = new Set(['AccessDenied', 'KmsDecryptDenied', 'KeyDisabled', 'KeyInvalidState', 'NoSuchBucket']);
const PROGRESS_EVERY_MS = 100;

export interface SearchOptions {
  signal?: AbortSignal;
  /** Files read at once at most (default 8); lowered while AWS throttles. */
  concurrency?: number;
  /** How late an event may be delivered after the range and still be found (minutes; default 60). */
  lateMinutes?: number;
  /** Stop after this many matches. */
  maxResults?: number;
  /** Ask `confirm` before reading more than this many files (default 500). */
  confirmAboveFiles?: number;
  /** Asked before a large search; false (or no `confirm`) stops it before any file is read (CancelledError). */
  confirm?: (estimate: SearchEstimate) => Promise<boolean>;
  /** The plan, once the listing is done (before any file is read). */
  onPlanned?: (estimate: SearchEstimate) => void;
  onHit?: (hit: SearchHit) => void;
  onFailure?: (failure: FileFailure) => void;
  onProgress?: (progress: SearchProgress) => void;
}

function failureOf(file: FileToRead, error: ExplainedError): FileFailure {
  return {
    bucket: file.bucket,
    key: file.key,
    region: file.region,
    code: error.code,
    what: error.what,
    ...(error.why ? { why: error.why } : {}),
    ...(error.todo ? { todo: error.todo } : {}),
  };
}

/** S3 reports KMS throttling as 503 SlowDown "…operations involving AWS KMS": say that the KMS quota is what ran out. */
function explained(error: unknown, file: FileToRead, concurrency: number): ExplainedError {
  const base =
    error instanceof ExplainedError
      ? error
      : new ExplainedError('SearchFailed', `Reading s3://${file.bucket}/${file.key} failed.`, String(error));
  if (base.code !== 'Throttled' || !/KMS/.test(base.why ?? '')) return base;
  return new ExplainedError(
    'Throttled',
    `KMS kept throttling the decryption of s3://${file.bucket}/${file.key}.`,
    `Every read of an SSE-KMS log is a KMS Decrypt that S3 makes for you, counted against the account's KMS request quota (shared with every other workload of the account and region); the search slowed down and retried, and KMS still refused. ${base.why ?? ''}`.trim(),
    `Search again with fewer files at once (now ${concurrency}; --concurrency or the cloudtrailKms.search.concurrency setting), or at a quieter time.`,
    base,
  );
}

interface Run {
  summary: SearchSummary;
  started: number;
  readStarted: number;
  lastProgress: number;
}

export async function searchLogs(
  clients: AwsClients,
  query: SearchQuery,
  range: TimeRange,
  options: SearchOptions = {},
): Promise<SearchSummary> {
  const started = Date.now();
  const stop = new AbortController();
  // Each file in flight listens on the signal (the read, the SDK's request, the limiter's wait): allow that many, so a
  // real leak still warns but a search at the maximum concurrency does not print Node's warning to the user's terminal.
  setMaxListeners(4 * MAX_SEARCH_CONCURRENCY + 16, stop.signal);
  const onAbort = (): void => stop.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  if (options.signal?.aborted) stop.abort();
  try {
    return await run(clients, query, range, options, stop, started);
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
}

async function run(
  clients: AwsClients,
  query: SearchQuery,
  range: TimeRange,
  options: SearchOptions,
  stop: AbortController,
  started: number,
): Promise<SearchSummary> {
  const signal = stop.signal;
  const maxConcurrency = Math.min(MAX_SEARCH_CONCURRENCY, Math.max(1, Math.floor(options.concurrency ?? DEFAULT_SEARCH_CONCURRENCY)));
  const margins: PruneMargins = {
    ...DEFAULT_PRUNE_MARGINS,
    ...(options.lateMinutes !== undefined ? { lateMinutes: options.lateMinutes } : {}),
  };
  const where = await resolveSearchLocation(clients, query, signal);
  const { keys, unresolved } = await resolveQueryKeys(clients, query, where.region, signal);
  const matching = { match: compileMatcher(query, { range, keys }), scan: compileRawPrefilter(buildRawPrefilter(query, keys)) };
  const plan = planFolders(where.location, query, range, margins);
  const listing = await listPlannedFiles(clients, plan, where.region, maxConcurrency, signal);
  const estimate = await estimateCost(clients, where.location.bucket, where.region, listing, signal);
  options.onPlanned?.(estimate);
  const threshold = options.confirmAboveFiles ?? DEFAULT_CONFIRM_ABOVE_FILES;
  if (listing.files.length > threshold && !(await (options.confirm?.(estimate) ?? Promise.resolve(false)))) {
    throw new CancelledError(`The search was not started: it would read ${listing.files.length} files.`);
  }

  const state: Run = {
    started,
    readStarted: Date.now(),
    lastProgress: 0,
    summary: {
      location: formatScope({ kind: 'location', ...where.location }),
      ...(where.trail ? { trailArn: where.trail.arn } : {}),
      range: { from: eventTimeString(range.fromMs), to: eventTimeString(range.toMs) },
      margins,
      accounts: listing.accounts,
      regions: listing.regions,
      filesPlanned: listing.files.length,
      filesRead: 0,
      filesNotParsed: 0,
      bytesRead: 0,
      bytesScanned: 0,
      matches: 0,
      failures: [],
      listRequests: listing.listRequests,
      throttled: 0,
      unresolvedAliases: unresolved,
      truncated: false,
      cancelled: false,
      elapsedMs: 0,
      planMs: Date.now() - started,
      maxConcurrency,
    },
  };
  const limit = new AdaptiveLimit(maxConcurrency);
  const files = listing.files.map((file: PlannedFile): FileToRead => ({
    bucket: where.location.bucket,
    key: file.key,
    region: where.region,
    size: file.size,
    ...(where.trail ? { trailArn: where.trail.arn } : {}),
  }));
  await readAll(clients, files, matching, limit, state, options, stop);
  const summary = state.summary;
  summary.throttled = limit.throttles;
  summary.cancelled = !!options.signal?.aborted;
  summary.elapsedMs = Date.now() - started;
  report(state, limit, options, true);
  return summary;
}

function report(state: Run, limit: AdaptiveLimit, options: SearchOptions, force = false): void {
  const now = Date.now();
  if (!options.onProgress || (!force && now - state.lastProgress < PROGRESS_EVERY_MS)) return;
  state.lastProgress = now;
  const s = state.summary;
  options.onProgress({
    filesDone: s.filesRead + s.failures.length,
    filesTotal: s.filesPlanned,
    bytesRead: s.bytesRead,
    bytesScanned: s.bytesScanned,
    matches: s.matches,
    failures: s.failures.length,
    concurrency: limit.current,
  });
}

/** Reads every file through the limiter; a throttled read goes back in the queue, a failed one is reported. */
async function readAll(
  clients: AwsClients,
  files: FileToRead[],
  matching: Parameters<typeof readAndMatch>[2],
  limit: AdaptiveLimit,
  state: Run,
  options: SearchOptions,
  stop: AbortController,
): Promise<void> {
  const signal = stop.signal;
  const summary = state.summary;
  const queue = files.map((_, index) => index);
  const tries = new Map<number, number>();
  let inFlight = 0;
  let fatal: unknown;
  let wake: () => void = () => undefined;
  const finished = (): void => wake();

  const buffers = new BufferPool();
  const one = async (index: number, epoch: number): Promise<void> => {
    const file = files[index];
    let outcome: 'ok' | 'throttled' | 'other' = 'other';
    const into = buffers.take();
    try {
      const read = await readAndMatch(clients, file, matching, signal, into, () => {
        summary.firstFileMs ??= Date.now() - state.readStarted;
      });
      outcome = 'ok';
      summary.filesRead++;
      summary.bytesRead += read.compressedBytes;
      summary.bytesScanned += read.uncompressedBytes;
      if (!read.parsed) summary.filesNotParsed++;
      for (const hit of read.hits) {
        if (signal.aborted) break;
        summary.matches++;
        summary.firstMatchMs ??= Date.now() - state.readStarted;
        options.onHit?.(hit);
        if (options.maxResults !== undefined && summary.matches >= options.maxResults) {
          summary.truncated = true;
          stop.abort();
        }
      }
    } catch (error) {
      if (isCancelled(error) || signal.aborted) return;
      const why = explained(error, file, limit.current);
      if (why.code === 'Throttled' && (tries.get(index) ?? 0) + 1 < MAX_THROTTLED_TRIES) {
        outcome = 'throttled';
        tries.set(index, (tries.get(index) ?? 0) + 1);
        queue.unshift(index);
        return;
      }
      if (why.code === 'Throttled') outcome = 'throttled';
      if (why.code === 'Credentials') {
        fatal = why;
        stop.abort();
        return;
      }
      const failure = failureOf(file, why);
      summary.failures.push(failure);
      options.onFailure?.(failure);
      const done = summary.filesRead + summary.failures.length;
      if (
        summary.filesRead === 0 &&
        done >= Math.min(SAME_REFUSAL_LIMIT, files.length) &&
        done < files.length &&
        REFUSALS.has(why.code) &&
        summary.failures.every((other) => other.code === why.code)
      ) {
        fatal = new ExplainedError(
          why.code,
          `Every file read so far (${done} of ${files.length}) failed the same way, so the search stopped: ${why.what}`,
          why.why,
          why.todo,
          why,
        );
        stop.abort();
      }
    } finally {
      buffers.give(into);
      limit.release(outcome, epoch);
      inFlight--;
      report(state, limit, options);
      finished();
    }
  };

  while (!signal.aborted && (queue.length > 0 || inFlight > 0)) {
    if (queue.length === 0) {
      await new Promise<void>((resolve) => (wake = resolve));
      continue;
    }
    let epoch: number;
    try {
      epoch = await limit.acquire(signal);
    } catch {
      break; // cancelled while waiting for a slot
    }
    const index = queue.shift();
    if (index === undefined) {
      limit.release('other', epoch);
      continue;
    }
    inFlight++;
    void one(index, epoch);
  }
  // Stopped (cancelled, enough results, a fatal error) or done: let the reads in flight end (they were aborted).
  while (inFlight > 0) await new Promise<void>((resolve) => (wake = resolve));
  if (fatal) throw fatal;
}
