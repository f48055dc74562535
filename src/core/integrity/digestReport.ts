/**
 * Validation as `aws cloudtrail validate-logs` reports it: verdict lines for digests and the logs of valid digests,
 * the gap notices, counts and the summary text.
 */
import { display, walkDigestChain, type DigestStore, type DigestTrail } from './digestChain';

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

/** Starts `work` on every item, at most `limit` at once; promises in item order. A failing item fails only its promise. */
function orderedMap<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Array<Promise<R>> {
  const slots: Array<{ resolve(value: R): void; reject(error: unknown): void }> = [];
  const promises = items.map(
    () =>
      new Promise<R>((resolve, reject) => {
        slots.push({ resolve, reject });
      }),
  );
  let next = 0;
  const runner = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      try {
        slots[index].resolve(await work(items[index]));
      } catch (error) {
        slots[index].reject(error);
      }
    }
  };
  for (let i = 0; i < Math.min(Math.max(1, limit), items.length); i++) void runner();
  return promises;
}

/** Walks the chain, checks each valid digest's logs, calls `onLine` for every line; returns the counts. */
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
  for await (const event of walkDigestChain(store, bucket, trail, start, end)) {
    if (event.type === 'gap') {
      onLine({
        kind: 'gap',
        ok: true,
        verdict: `${event.backfill ? '(backfill) ' : ''}No log files were delivered by CloudTrail between ${display(event.from)} and ${display(event.to)}`,
      });
      continue;
    }
    const kind = event.backfill ? 'backfill digest' : 'digest';
    const uri = `s3://${event.bucket}/${event.key}`;
    if (!('digest' in event)) {
      if (event.backfill) counts.invalidBackfillDigests++;
      else counts.invalidDigests++;
      onLine({ kind, uri, bucket: event.bucket, key: event.key, verdict: event.verdict, ok: false });
      continue;
    }
    if (event.backfill) counts.validBackfillDigests++;
    else counts.validDigests++;
    const digestStart = new Date(event.digest.digestStartTime);
    const digestEnd = new Date(event.digest.digestEndTime);
    const earliest = digestStart > start ? digestStart : start;
    if (!counts.foundStart || earliest < counts.foundStart) counts.foundStart = earliest;
    const latest = digestEnd < end ? digestEnd : end;
    if (!Number.isNaN(latest.getTime()) && (!counts.foundEnd || latest > counts.foundEnd)) counts.foundEnd = latest;
    onLine({
      kind,
      uri: `s3://${event.digest.digestS3Bucket}/${event.digest.digestS3Object}`,
      bucket: event.digest.digestS3Bucket,
      key: event.digest.digestS3Object,
      verdict: 'valid',
      ok: true,
    });
    // Logs are hashed `concurrency` at a time; lines still come out in the digest's order.
    const results = orderedMap(event.digest.logFiles, concurrency, (log) =>
      hashLog(log.s3Bucket, log.s3Object).catch((error: unknown): LogHashResult => ({
        status: 'error',
        message: error instanceof Error ? error.message : String(error),
      })),
    );
    for (const [index, log] of event.digest.logFiles.entries()) {
      const result = await results[index];
      let verdict: string;
      if (result.status === 'hashed') verdict = result.sha256 === log.hashValue ? 'valid' : "INVALID: hash value doesn't match";
      else if (result.status === 'missing') verdict = 'INVALID: not found';
      else if (result.status === 'invalid-format') verdict = 'INVALID: invalid format';
      else if (result.status === 'trailing-data') verdict = 'INVALID: unexpected data after end of compressed stream';
      else verdict = `ERROR: ${result.message}`;
      if (verdict === 'valid') counts.validLogs++;
      else if (result.status === 'error') counts.unreadLogs++;
      else counts.invalidLogs++;
      onLine({
        kind: 'log',
        uri: `s3://${log.s3Bucket}/${log.s3Object}`,
        bucket: log.s3Bucket,
        key: log.s3Object,
        verdict,
        ok: verdict === 'valid',
      });
    }
  }
  return counts;
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
