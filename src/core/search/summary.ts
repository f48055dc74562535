/**
 * What a Find Events run reports while it runs and when it ends, as plain data (the engine in src/aws fills it; the CLI
 * prints it on stderr, the editor shows it above the results), and the words for it — one text for both front ends.
 */
import { formatBytes } from '../formatBytes';
import type { PruneMargins } from './prune';

export interface SearchProgress {
  filesDone: number;
  filesTotal: number;
  /** Compressed bytes received. */
  bytesRead: number;
  /** Decompressed bytes (what was scanned). */
  bytesScanned: number;
  matches: number;
  failures: number;
  /** The current number of files read at once (lowered when AWS throttles, raised again when it stops). */
  concurrency: number;
}

/** A file that could not be searched, and why (an explained error as plain fields). */
export interface FileFailure {
  bucket: string;
  key: string;
  region?: string;
  code: string;
  what: string;
  why?: string;
  todo?: string;
}

/** What the planned search will cost, shown before a large search (issue 16 item 3). */
export interface SearchEstimate {
  files: number;
  /** Compressed size of those files (from the listing). */
  bytes: number;
  /** `aws:kms` when a sampled file is SSE-KMS; undefined when not known. */
  encryption?: string;
  kmsKeyId?: string;
  /** True when the sampled file uses an S3 Bucket Key (then S3 asks KMS far less often). */
  bucketKey?: boolean;
  /** KMS Decrypt requests S3 will make on the reader's behalf: one per file for SSE-KMS without a Bucket Key. */
  kmsRequests?: number;
  /** Day folders the listing read. */
  folders: number;
}

export interface SearchSummary {
  /** Where the search looked: `s3://bucket/prefix/AWSLogs/…` (and the trail, when given). */
  location: string;
  trailArn?: string;
  range: { from: string; to: string };
  margins: PruneMargins;
  accounts: string[];
  regions: string[];
  filesPlanned: number;
  filesRead: number;
  /** Files the raw-bytes prefilter ruled out: received and scanned, never parsed. */
  filesNotParsed: number;
  bytesRead: number;
  bytesScanned: number;
  matches: number;
  failures: FileFailure[];
  /** S3 list requests made to plan the search. */
  listRequests: number;
  /** Times AWS throttled a read (each answered by lowering the concurrency and waiting). */
  throttled: number;
  /** Key aliases that could not be resolved to a key ARN (then matched by their text only), with the reason. */
  unresolvedAliases: { alias: string; reason: string }[];
  /** Stopped at the maximum number of results. */
  truncated: boolean;
  cancelled: boolean;
  elapsedMs: number;
  /** Resolving the scope and aliases, listing the folders, the cost estimate (and the question, if asked). */
  planMs: number;
  /** From the start of the reading phase: when the first file was received and when the first result was found. */
  firstFileMs?: number;
  firstMatchMs?: number;
  maxConcurrency: number;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}

/** `early 5 min, late 60 min`: which files the search read by their names' delivery times. */
export function marginText(margins: PruneMargins): string {
  return `files delivered from ${margins.earlyMinutes} min before the range to ${margins.lateMinutes} min after it`;
}

/** What reading the planned files costs, in words (the CLI's refusal, the editor's question). */
export function estimateText(estimate: SearchEstimate): string {
  const files = plural(estimate.files, 'log file');
  const kms =
    estimate.kmsRequests !== undefined
      ? `${plural(estimate.kmsRequests, 'KMS Decrypt request')}: S3 decrypts each SSE-KMS log with ${estimate.kmsKeyId ?? 'its KMS key'} for you, and KMS bills every request and counts it against the account's request quota (shared with everything else in the account and region)`
      : estimate.bucketKey
        ? 'few KMS requests: the files use an S3 Bucket Key'
        : estimate.encryption?.startsWith('aws:kms')
          ? 'KMS Decrypt requests for SSE-KMS logs'
          : estimate.encryption
            ? `no KMS requests: the files are encrypted with ${estimate.encryption}`
            : 'one KMS Decrypt request per file if they are SSE-KMS (their encryption could not be read)';
  return `${files} (${formatBytes(estimate.bytes)} compressed, ${plural(estimate.folders, 'day folder')}), ${kms}.`;
}

/** One line of counts, updated while the search runs: `37/197 files · 4.1 MB · 8 matches · 1 failed`. */
export function progressText(progress: SearchProgress): string {
  const parts = [
    `${progress.filesDone.toLocaleString('en-US')}/${progress.filesTotal.toLocaleString('en-US')} files`,
    formatBytes(progress.bytesRead),
    plural(progress.matches, 'match', 'matches'),
  ];
  if (progress.failures) parts.push(`${progress.failures.toLocaleString('en-US')} failed`);
  return parts.join(' · ');
}

/** Failures grouped by what went wrong, most frequent first: `2 files: KMS refused Decrypt …`. */
export function groupFailures(failures: readonly FileFailure[]): { what: string; code: string; count: number; example: FileFailure }[] {
  const groups = new Map<string, { what: string; code: string; count: number; example: FileFailure }>();
  for (const failure of failures) {
    // The explanation names the file; group by the code and the sentence without it.
    const id = `${failure.code}\u0000${failure.what.split(`s3://${failure.bucket}/${failure.key}`).join('<file>')}`;
    const group = groups.get(id);
    if (group) group.count++;
    else groups.set(id, { what: failure.what, code: failure.code, count: 1, example: failure });
  }
  return [...groups.values()].sort((a, b) => b.count - a.count);
}

/** The summary a person reads after a search (the CLI's stderr, the editor's details): counts, margin, failures. */
export function summaryText(summary: SearchSummary): string {
  const lines: string[] = [];
  const state = summary.cancelled
    ? 'Cancelled'
    : summary.truncated
      ? `Stopped at ${plural(summary.matches, 'result')} (the maximum)`
      : 'Searched';
  lines.push(
    `${state}: ${summary.filesRead.toLocaleString('en-US')} of ${plural(summary.filesPlanned, 'file')} read ` +
      `(${formatBytes(summary.bytesRead)} compressed, ${formatBytes(summary.bytesScanned)} scanned, ` +
      `${summary.filesNotParsed.toLocaleString('en-US')} ruled out without parsing), ${plural(summary.matches, 'match', 'matches')}, ` +
      `${plural(summary.failures.length, 'failure')}, in ${(summary.elapsedMs / 1000).toFixed(1)} s.`,
  );
  lines.push(`Where: ${summary.trailArn ? `trail ${summary.trailArn}, ` : ''}${summary.location}`);
  lines.push(
    `Range: ${summary.range.from} to ${summary.range.to} (events at or after the start, before the end); ${marginText(summary.margins)}. ` +
      `Events delivered more than ${summary.margins.lateMinutes} min late are missed: widen the late margin if you expect them.`,
  );
  if (summary.accounts.length || summary.regions.length)
    lines.push(
      `Accounts: ${summary.accounts.length ? summary.accounts.join(', ') : 'all'}; regions: ${summary.regions.length ? summary.regions.join(', ') : 'all'}.`,
    );
  if (summary.throttled)
    lines.push(
      `AWS throttled ${plural(summary.throttled, 'read')}; the search slowed down and retried (it read up to ${summary.maxConcurrency} files at once).`,
    );
  for (const alias of summary.unresolvedAliases)
    lines.push(`Alias ${alias.alias} could not be resolved to its key (${alias.reason}); records naming the alias itself were matched.`);
  for (const group of groupFailures(summary.failures)) {
    const example = group.example;
    lines.push(
      `Not searched (${plural(group.count, 'file')}, ${group.code}): ${example.what}${example.why ? ` ${example.why}` : ''}${example.todo ? ` ${example.todo}` : ''}`,
    );
    if (group.count > 1) lines.push(`  and ${plural(group.count - 1, 'more file')} the same way.`);
  }
  return lines.join('\n');
}
