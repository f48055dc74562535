/**
 * Decrypt and fetch one log object: GetObject (S3 asks KMS to decrypt the data key for us), streamed through gunzip
 * when the bytes start with the gzip magic 1f 8b, collected into one buffer and handed back as bytes (the text is
 * decoded only when asked for). Nothing touches the disk.
 */
import type { Readable } from 'node:stream';
import { GetObjectCommand, type GetObjectCommandOutput } from '@aws-sdk/client-s3';
import { BoundedGunzip, LOG_SIZE_LIMIT } from '../core/boundedGunzip';
import { CancelledError, explainAwsError, ExplainedError, tooLargeError } from '../core/errors';
import type { FetchedLog, SseFacts } from '../core/model';
import { s3RegionFor } from './buckets';
import type { AwsClients } from './clients';
import { explainGetObjectFailure, getObjectContext } from './getObjectErrors';
import { bodyTimeoutError, isAttemptTimeout } from './timeouts';
import { PrettyLogSink } from './prettyLogSink';

/** CloudTrail writes at most 50 MB per file (uncompressed); the default limit leaves room for other JSON. */
export const DEFAULT_MAX_LOG_BYTES = LOG_SIZE_LIMIT;

export interface FetchLogOptions {
  signal?: AbortSignal;
  /** Limit on the uncompressed size; reading stops as soon as it is passed. */
  maxBytes?: number;
  /** Compressed bytes received so far, and the object's size when S3 told it. */
  onProgress?: (receivedBytes: number, totalBytes?: number) => void;
  /** The trail that wrote the object, when the caller knows it: named in the explanation of a KMS denial. */
  trailArn?: string;
  /**
   * Sees the uncompressed bytes as they arrive, chunk by chunk and in order (Find Events scans them while the body
   * streams). Called afresh for every attempt: a body fetched once more starts again from its first byte.
   */
  observe?: () => (chunk: Uint8Array) => void;
  /**
   * Copy the uncompressed bytes into this caller-owned buffer, reused from one fetch to the next (Find Events keeps
   * one per file in flight): gunzip's chunks then die young instead of outliving garbage collections in a list, and
   * nothing is allocated per file. `bytes` is a view on it, valid until the next fetch into the same buffer.
   * Default: one buffer reserved up front (the limit, at most 256 MB; untouched pages cost no memory).
   */
  into?: ReusableBytes;
  /** Pretty-print the document while it arrives (the result's `pretty`); `bytes` is then made only when read. */
  prettyPrint?: boolean;
}

function isAbort(error: unknown, signal: AbortSignal | undefined): boolean {
  if (signal?.aborted) return true;
  const name = (error as { name?: string })?.name;
  return name === 'AbortError' || error instanceof CancelledError;
}

function sseFacts(answer: GetObjectCommandOutput): SseFacts {
  return {
    ...(answer.ServerSideEncryption ? { algorithm: answer.ServerSideEncryption } : {}),
    ...(answer.SSEKMSKeyId ? { kmsKeyId: answer.SSEKMSKeyId } : {}),
    ...(answer.BucketKeyEnabled !== undefined ? { bucketKeyEnabled: answer.BucketKeyEnabled } : {}),
  };
}

/**
 * Where the uncompressed bytes go by default: one buffer reserved up front (untouched pages of a large allocation cost
 * no memory), grown only past the reservation, so the bytes are handed on without a second, concatenated copy.
 */
const RESERVE_BYTES = 256 * 1024 * 1024;

/** A growable buffer a caller lends to fetch after fetch; see FetchLogOptions.into. */
export class ReusableBytes {
  constructor(public buffer: Buffer = Buffer.alloc(0)) {}
}

/**
 * Writes into a ReusableBytes from its start, growing it (and keeping it grown) when a file is larger; `bytes` is a
 * view, without a copy. Also the default sink, over a reservation of its own.
 */
class ReuseSink {
  length = 0;
  constructor(private readonly into: ReusableBytes) {}
  push(chunk: Buffer): void {
    const needed = this.length + chunk.length;
    if (needed > this.into.buffer.length) {
      const bigger = Buffer.allocUnsafe(Math.max(needed, this.into.buffer.length * 2, 256 * 1024));
      this.into.buffer.copy(bigger, 0, 0, this.length);
      this.into.buffer = bigger;
    }
    chunk.copy(this.into.buffer, this.length);
    this.length = needed;
  }
  bytes(): Buffer {
    return this.into.buffer.subarray(0, this.length);
  }
}

/** Indented text is about 1.4–1.6 × the JSON, and CloudTrail's gzip about 8–12 × smaller: room reserved up front. */
function prettyReserve(total: number | undefined, gzipped: boolean): number {
  return Math.min(RESERVE_BYTES, Math.max(1024 * 1024, (total ?? 0) * (gzipped ? 24 : 2)));
}

interface Collected {
  sink: ReuseSink | PrettyLogSink;
  compressedBytes: number;
  uncompressedBytes: number;
  gzipped: boolean;
}

/** Reads the body, inflating on the fly when gzipped; throws ExplainedError / CancelledError with the reason. */
async function collectBody(
  body: Readable,
  location: string,
  maxBytes: number,
  total: number | undefined,
  options: FetchLogOptions,
): Promise<Collected> {
  const { onProgress } = options;
  const observer = options.observe?.();
  const result: Collected = {
    sink: new ReuseSink(new ReusableBytes()), // replaced at the first chunk (an empty body stays empty, nothing reserved)
    compressedBytes: 0,
    uncompressedBytes: 0,
    gzipped: false,
  };
  let inflater: BoundedGunzip | undefined;
  let decided = false;
  let stopped = false;
  const keep = (chunk: Buffer): void => {
    if (stopped) return;
    result.uncompressedBytes += chunk.length;
    if (result.uncompressedBytes > maxBytes) throw tooLargeError(location, maxBytes, result.uncompressedBytes);
    result.sink.push(chunk);
    observer?.(chunk);
  };

  try {
    const pieces = body[Symbol.asyncIterator]();
    for (;;) {
      let next: IteratorResult<unknown>;
      try {
        next = await pieces.next();
      } catch (error) {
        if (error instanceof CancelledError || (error as Error)?.name === 'AbortError') throw error;
        if (isAttemptTimeout(error)) throw bodyTimeoutError(location, result.compressedBytes, error);
        // The connection broke mid-body (the SDK's retries only cover the request, not the body).
        throw new ExplainedError(
          'DownloadInterrupted',
          `The download of ${location} stopped after ${result.compressedBytes}${total !== undefined ? ` of ${total}` : ''} bytes.`,
          `The connection ended early (${(error as Error)?.message ?? String(error)}).`,
          'Try again.',
          error,
        );
      }
      if (next.done) break;
      const chunk = next.value as Buffer;
      if (!decided) {
        decided = true;
        result.gzipped = chunk.length >= 2 && chunk[0] === 0x1f && chunk[1] === 0x8b;
        result.sink = options.prettyPrint
          ? new PrettyLogSink(prettyReserve(total, result.gzipped), maxBytes)
          : options.into
            ? new ReuseSink(options.into)
            : new ReuseSink(new ReusableBytes(Buffer.allocUnsafe(Math.max(64 * 1024, Math.min(maxBytes, RESERVE_BYTES)))));
        if (result.gzipped) {
          // The one bounded gunzip: a bomb stops just past maxBytes with TooLarge; corrupt or truncated input is explained.
          inflater = new BoundedGunzip({ maxBytes, location, onData: keep });
        } else if (total !== undefined && total > maxBytes) {
          throw tooLargeError(location, maxBytes, total);
        }
      }
      result.compressedBytes += chunk.length;
      if (result.gzipped && result.sink instanceof PrettyLogSink) result.sink.keepCompressed(chunk);
      onProgress?.(result.compressedBytes, total);
      if (inflater) await inflater.write(chunk);
      else keep(chunk);
    }
    if (total !== undefined && result.compressedBytes < total) {
      throw new ExplainedError(
        'DownloadInterrupted',
        `The download of ${location} stopped after ${result.compressedBytes} of ${total} bytes.`,
        'The connection ended early.',
        'Try again.',
      );
    }
    if (inflater) await inflater.end();
  } catch (error) {
    // A failed attempt's gunzip may still hold compressed bytes it has not inflated: stop it, so that nothing lands in
    // the sink afterwards (with `into`, the buffer is written again by the retry, or lent to the next file).
    stopped = true;
    inflater?.destroy();
    throw error;
  }
  return result;
}

async function downloadOnce(
  clients: AwsClients,
  region: string,
  where: { bucket: string; key: string },
  location: string,
  maxBytes: number,
  options: FetchLogOptions,
): Promise<{ answer: GetObjectCommandOutput; collected: Collected }> {
  const { signal } = options;
  let answer: GetObjectCommandOutput;
  try {
    answer = await clients.s3(region).send(new GetObjectCommand({ Bucket: where.bucket, Key: where.key }), { abortSignal: signal });
  } catch (error) {
    if (isAbort(error, signal)) throw new CancelledError(`Opening ${location} was cancelled.`);
    throw await explainGetObjectFailure(clients, region, { ...where, trailArn: options.trailArn }, error);
  }

  const body = answer.Body as Readable | undefined;
  if (!body) throw new ExplainedError('EmptyBody', `S3 returned no content for ${location}.`);
  const stop = (): void => {
    body.destroy(new CancelledError(`Opening ${location} was cancelled.`));
  };
  signal?.addEventListener('abort', stop, { once: true });
  try {
    const collected = await collectBody(body, location, maxBytes, answer.ContentLength, options);
    if (signal?.aborted) throw new CancelledError(`Opening ${location} was cancelled.`);
    return { answer, collected };
  } catch (error) {
    body.destroy();
    if (isAbort(error, signal)) throw new CancelledError(`Opening ${location} was cancelled.`);
    if (error instanceof ExplainedError) throw error;
    throw explainAwsError(error as Error, getObjectContext(clients, region, where));
  } finally {
    signal?.removeEventListener('abort', stop);
  }
}

export async function fetchLog(
  clients: AwsClients,
  where: { bucket: string; key: string; region?: string },
  options: FetchLogOptions = {},
): Promise<FetchedLog> {
  const { signal } = options;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_LOG_BYTES;
  const location = `s3://${where.bucket}/${where.key}`;
  if (signal?.aborted) throw new CancelledError(`Opening ${location} was cancelled.`);
  const region = await s3RegionFor(clients, where.bucket, where.region);

  // One more try when the connection breaks mid-body: the SDK retries requests, not bodies already being read.
  let answer: GetObjectCommandOutput | undefined;
  let collected: Collected | undefined;
  for (let attempt = 1; !collected; attempt++) {
    try {
      ({ answer, collected } = await downloadOnce(clients, region, where, location, maxBytes, options));
    } catch (error) {
      if (!(error instanceof ExplainedError && error.code === 'DownloadInterrupted') || attempt >= 2 || signal?.aborted) throw error;
    }
  }
  if (!answer) throw new ExplainedError('EmptyBody', `S3 returned no content for ${location}.`);

  const { sink } = collected;
  let bytes: Buffer | undefined;
  let text: string | undefined;
  const stored = (): Buffer => (bytes ??= sink.bytes());

  return {
    bucket: where.bucket,
    key: where.key,
    region,
    // With prettyPrint, made on first use only (the editor and `cat` print the indented bytes).
    get bytes(): Buffer {
      return stored();
    },
    // Decoded on first use only: the editor and `cat` print the bytes and never need the text.
    get text(): string {
      text ??= stored().toString('utf8');
      return text;
    },
    ...(sink instanceof PrettyLogSink ? { pretty: sink.pretty() } : {}),
    sse: sseFacts(answer),
    compressedBytes: collected.compressedBytes,
    uncompressedBytes: collected.uncompressedBytes,
    gzipped: collected.gzipped,
    ...(answer.ETag ? { etag: answer.ETag } : {}),
    ...(answer.LastModified ? { lastModified: answer.LastModified.toISOString() } : {}),
  };
}
