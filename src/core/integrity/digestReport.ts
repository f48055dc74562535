/**
 * Validation as `aws cloudtrail validate-logs` reports it: verdict lines for digests and the logs of valid digests,
 * the gap notices, counts and the summary text.
 */
import { display, walkDigestChain, type ChainEvent, type DigestStore, type DigestTrail } from './digestChain';
import type { DigestLogEntry } from './digestFile';

export type LogHashResult =
  | { status: 'hashed'; sha256: string }
  | { status: 'missing' }
  | { status: 'invalid-format' }
  /** Bytes after the first gzip member (an appended member or garbage). */
  | { status: 'trailing-data' }
  /** Could not be read for another reason (access denied, throttled…): the aws CLI stops; we report it and go on. */
  | { status: 'error'; message: string };

export interface VerdictLine {
  kind: 'digest' | 'backfill digest' | 'log' | 'gap';
  /** s3://bucket/key (absent for gaps). */
  uri?: string;
  /** The object the line is about, as plain parts (absent for gaps). */
  bucket?: string;
  key?: string;
  /** `valid`, `INVALID: …`, `ERROR: …`, or the gap notice. */
  verdict: string;
  ok: boolean;
}

export interface ValidationCounts {
  validDigests: number;
  invalidDigests: number;
  validBackfillDigests: number;
  invalidBackfillDigests: number;
  validLogs: number;
  invalidLogs: number;
  /** Logs that could not be read (not a verdict of the aws CLI, which stops instead). */
  unreadLogs: number;
  foundStart?: Date;
  foundEnd?: Date;
}

/** The aws CLI's line: `Digest file\ts3://b/k\tvalid`, `(backfill) Digest file…`, `Log file…`, or a gap sentence. */
export function formatVerdictLine(line: VerdictLine): string {
  if (line.kind === 'gap') return line.verdict;
  const label = line.kind === 'log' ? 'Log file' : line.kind === 'digest' ? 'Digest file' : '(backfill) Digest file';
  return `${label}\t${line.uri}\t${line.verdict}`;
}

export type LogHasher = (bucket: string, key: string) => Promise<LogHashResult>;

/** `work` run at most `limit` at a time, in the order asked for. */
function limiter(limit: number): <R>(work: () => Promise<R>) => Promise<R> {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async (work) => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await work();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}

/** What one chain event prints: its own line, then (for a valid digest) one line per listed log, in the digest's order. */
interface PendingLines {
  line: VerdictLine;
  logs: PendingLog[];
}
interface PendingLog {
  uri: string;
  bucket: string;
  key: string;
  hashValue: string;
  result: Promise<LogHashResult>;
  state: { settled: boolean };
}

function logVerdict(result: LogHashResult, hashValue: string): string {
  if (result.status === 'hashed') return result.sha256 === hashValue ? 'valid' : "INVALID: hash value doesn't match";
  if (result.status === 'missing') return 'INVALID: not found';
  if (result.status === 'invalid-format') return 'INVALID: invalid format';
  if (result.status === 'trailing-data') return 'INVALID: unexpected data after end of compressed stream';
  return `ERROR: ${result.message}`;
}

/**
 * Walks the chain, checks each valid digest's logs, calls `onLine` for every line; returns the counts.
 * Concurrency (the lines still come out in the walk's order, digest then its logs): the walk fetches up to
 * `concurrency` listed digests ahead of itself, and logs are hashed up to `concurrency` at a time across digests, the
 * walk running on while they are; at most 4 × `concurrency` logs wait to be printed before the walk waits for them.
 */
export async function validateTrailLogs(
  store: DigestStore,
  hashLog: LogHasher,
  bucket: string,
  trail: DigestTrail,
  start: Date,
  end: Date,
  onLine: (line: VerdictLine) => void,
  concurrency = 8,
): Promise<ValidationCounts> {
  const counts: ValidationCounts = {
    validDigests: 0,
    invalidDigests: 0,
    validBackfillDigests: 0,
    invalidBackfillDigests: 0,
    validLogs: 0,
    invalidLogs: 0,
    unreadLogs: 0,
  };
  const limit = Math.max(1, concurrency);
  const run = limiter(limit);
  const queue: PendingLines[] = [];
  let queuedLogs = 0;
  const printHead = async (): Promise<void> => {
    const head = queue.shift() as PendingLines;
    onLine(head.line);
    for (const log of head.logs) {
      const result = await log.result;
      queuedLogs--;
      const verdict = logVerdict(result, log.hashValue);
      if (verdict === 'valid') counts.validLogs++;
      else if (result.status === 'error') counts.unreadLogs++;
      else counts.invalidLogs++;
      onLine({ kind: 'log', uri: log.uri, bucket: log.bucket, key: log.key, verdict, ok: verdict === 'valid' });
    }
  };
  const startHash = (entry: DigestLogEntry): PendingLog => {
    const state = { settled: false };
    const result = run(() => hashLog(entry.s3Bucket, entry.s3Object))
      .catch((error: unknown): LogHashResult => ({ status: 'error', message: error instanceof Error ? error.message : String(error) }))
      .finally(() => {
        state.settled = true;
      });
    queuedLogs++;
    return {
      uri: `s3://${entry.s3Bucket}/${entry.s3Object}`,
      bucket: entry.s3Bucket,
      key: entry.s3Object,
      hashValue: entry.hashValue,
      result,
      state,
    };
  };
  const printReady = async (): Promise<void> => {
    while (queue.length > 0 && (queuedLogs > 4 * limit || queue[0].logs.every((log) => log.state.settled))) await printHead();
  };
  try {
    for await (const event of walkDigestChain(store, bucket, trail, start, end, limit)) {
      queue.push(pendingLines(event, counts, start, end, startHash));
      await printReady();
    }
  } finally {
    // What was found before the walk ended (or failed) is printed, as the aws CLI printed it as it went.
    while (queue.length > 0) await printHead();
  }
  return counts;
}

/** The line of one chain event (counted now), with the hashes of a valid digest's logs started. */
function pendingLines(
  event: ChainEvent,
  counts: ValidationCounts,
  start: Date,
  end: Date,
  hash: (entry: DigestLogEntry) => PendingLog,
): PendingLines {
  if (event.type === 'gap') {
    const verdict = `${event.backfill ? '(backfill) ' : ''}No log files were delivered by CloudTrail between ${display(event.from)} and ${display(event.to)}`;
    return { line: { kind: 'gap', ok: true, verdict }, logs: [] };
  }
  const kind = event.backfill ? 'backfill digest' : 'digest';
  if (!('digest' in event)) {
    if (event.backfill) counts.invalidBackfillDigests++;
    else counts.invalidDigests++;
    return {
      line: { kind, uri: `s3://${event.bucket}/${event.key}`, bucket: event.bucket, key: event.key, verdict: event.verdict, ok: false },
      logs: [],
    };
  }
  if (event.backfill) counts.validBackfillDigests++;
  else counts.validDigests++;
  const digestStart = new Date(event.digest.digestStartTime);
  const digestEnd = new Date(event.digest.digestEndTime);
  const earliest = digestStart > start ? digestStart : start;
  if (!counts.foundStart || earliest < counts.foundStart) counts.foundStart = earliest;
  const latest = digestEnd < end ? digestEnd : end;
  if (!Number.isNaN(latest.getTime()) && (!counts.foundEnd || latest > counts.foundEnd)) counts.foundEnd = latest;
  return {
    line: {
      kind,
      uri: `s3://${event.digest.digestS3Bucket}/${event.digest.digestS3Object}`,
      bucket: event.digest.digestS3Bucket,
      key: event.digest.digestS3Object,
      verdict: 'valid',
      ok: true,
    },
    logs: event.digest.logFiles.map(hash),
  };
}

function ratio(valid: number, invalid: number, name: string): string {
  const total = valid + invalid;
  if (total === 0) return '';
  return `\n${valid}/${total} ${name} files valid${invalid > 0 ? `, ${invalid}/${total} ${name} files INVALID` : ''}`;
}

/** The aws CLI's closing summary (`Results requested for … / Results found for …: / N/M digest files valid…`). */
export function formatSummary(counts: ValidationCounts, start: Date, end: Date): string {
  let text = `Results requested for ${display(start)} to ${display(end)}\n`;
  const digests = counts.validDigests + counts.validBackfillDigests + counts.invalidDigests + counts.invalidBackfillDigests;
  if (digests === 0) return `${text}No digests found\n`;
  text +=
    counts.foundStart && counts.foundEnd
      ? `Results found for ${display(counts.foundStart)} to ${display(counts.foundEnd)}:\n`
      : 'No valid digests found in range\n';
  text += ratio(counts.validDigests, counts.invalidDigests, 'digest');
  text += ratio(counts.validBackfillDigests, counts.invalidBackfillDigests, 'backfill digest');
  text += ratio(counts.validLogs, counts.invalidLogs, 'log');
  if (counts.unreadLogs > 0) text += `\n${counts.unreadLogs} log files could not be read (see the ERROR lines)`;
  return `${text}\n`;
}

/** Exit status: anything invalid or unread is a failure. */
export function validationFailed(counts: ValidationCounts): boolean {
  return counts.invalidDigests + counts.invalidBackfillDigests + counts.invalidLogs + counts.unreadLogs > 0;
}
