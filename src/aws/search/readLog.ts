/**
 * One file of a search: GetObject (S3 asks KMS to decrypt the data key), streamed through gunzip while the raw-bytes
 * prefilter scans the chunks as they arrive (core/search/rawScanner.ts); a file that cannot hold a match is never
 * parsed. The others are parsed once and each record is matched. Memory: this file's bytes and records, nothing more.
 */
import { CancelledError, ExplainedError } from '../../core/errors';
import { RawScanner, type CompiledRawPrefilter, type RecordMatcher, type SearchHit } from '../../core/search';
import type { AwsClients } from '../clients';
import { fetchLog, type ReusableBytes } from '../fetchLog';

/** CloudTrail writes at most 50 MB per file (uncompressed); anything beyond twice that is not a log to search. */
export const MAX_SEARCH_FILE_BYTES = 100 * 1024 * 1024;

export interface FileToRead {
  bucket: string;
  key: string;
  region: string;
  /** Compressed size from the listing. */
  size: number;
  trailArn?: string;
}

export interface FileRead {
  hits: SearchHit[];
  parsed: boolean;
  compressedBytes: number;
  uncompressedBytes: number;
}

export interface Matching {
  scan: CompiledRawPrefilter;
  match: RecordMatcher;
}

/** Where JSON.parse gave up, without the snippet of log text newer engines quote (log content stays out of messages). */
function jsonProblem(error: unknown): string {
  const position = /position (\d+)/.exec((error as Error)?.message ?? '')?.[1];
  return `The JSON breaks off or is malformed${position ? ` at character ${position}` : ''}.`;
}

function recordsOf(bytes: Uint8Array, location: string): unknown[] {
  let document: unknown;
  try {
    document = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));
  } catch (error) {
    throw new ExplainedError(
      'NotJson',
      `${location} is not a CloudTrail log file: it is not valid JSON.`,
      jsonProblem(error),
      'Leave it out of the search, or check who wrote it to the log folder.',
    );
  }
  const records = (document as { Records?: unknown } | null)?.Records;
  if (!Array.isArray(records))
    throw new ExplainedError(
      'NotCloudTrail',
      `${location} is not a CloudTrail log file: it has no "Records" array.`,
      undefined,
      'Leave it out of the search, or check who wrote it to the log folder.',
    );
  return records;
}

export async function readAndMatch(
  clients: AwsClients,
  file: FileToRead,
  matching: Matching,
  signal: AbortSignal,
  into: ReusableBytes,
  onReceived?: () => void,
): Promise<FileRead> {
  let scanner: RawScanner | undefined;
  const fetched = await fetchLog(
    clients,
    { bucket: file.bucket, key: file.key, region: file.region },
    {
      signal,
      maxBytes: MAX_SEARCH_FILE_BYTES,
      // Most files are ruled out by the scan and never parsed: their bytes go to a buffer reused from file to file,
      // never to a buffer of their own.
      into,
      ...(file.trailArn ? { trailArn: file.trailArn } : {}),
      observe: () => {
        const fresh = new RawScanner(matching.scan);
        scanner = fresh;
        return (chunk) => fresh.push(chunk);
      },
    },
  );
  onReceived?.();
  const read = { compressedBytes: fetched.compressedBytes, uncompressedBytes: fetched.uncompressedBytes };
  if (scanner && !scanner.mayMatch()) return { hits: [], parsed: false, ...read };
  if (signal.aborted) throw new CancelledError('The search was cancelled.');
  const location = `s3://${file.bucket}/${file.key}`;
  const records = recordsOf(fetched.bytes, location);
  const hits: SearchHit[] = [];
  for (let index = 0; index < records.length; index++) {
    const record = records[index];
    if (matching.match(record))
      hits.push({
        record: record as Record<string, unknown>,
        source: { bucket: file.bucket, key: file.key, region: file.region, recordIndex: index },
      });
  }
  return { hits, parsed: true, ...read };
}
