/**
 * SHA-256 of the first gzip member of a stream, with the end checked as the aws CLI (v2, since 2026-05) does: bytes
 * after the first member's trailer are "unexpected data after end of compressed stream" — an appended gzip member
 * would otherwise add records a reader sees but the digest never covered.
 */
import { createHash } from 'node:crypto';
import { crc32, inflateRawSync } from 'node:zlib';
import { BoundedGunzip } from '../boundedGunzip';
import { ExplainedError } from '../errors';

export type GzipHashResult =
  | { status: 'hashed'; sha256: string }
  | { status: 'invalid-format' }
  | { status: 'trailing-data' }
  /** The decompressed bytes passed the limit: not hashed further (the error says which limit). */
  | { status: 'too-large'; error: ExplainedError };

/** Length of the gzip header at the start of `bytes`, undefined when more bytes are needed; throws when not gzip. */
export function gzipHeaderLength(bytes: Uint8Array): number | undefined {
  if (bytes.length < 10) return bytes.length >= 2 && (bytes[0] !== 0x1f || bytes[1] !== 0x8b) ? fail() : undefined;
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b || bytes[2] !== 8) fail();
  const flags = bytes[3];
  let at = 10;
  if (flags & 4) {
    if (bytes.length < at + 2) return undefined;
    at += 2 + (bytes[at] | (bytes[at + 1] << 8));
  }
  for (const bit of [8, 16]) {
    if (!(flags & bit)) continue;
    const end = bytes.indexOf(0, at);
    if (end === -1) return undefined;
    at = end + 1;
  }
  if (flags & 2) at += 2;
  return bytes.length >= at ? at : undefined;
}

function fail(): never {
  throw new Error('not gzip');
}

export interface GzipHashLimits {
  /** Limit on the decompressed size (a log is at most a few tens of MB; a bomb is refused, not hashed for minutes). */
  maxBytes: number;
  /** For the TooLarge message, e.g. `s3://bucket/key`. */
  location: string;
  /** Sources of at most this many bytes are inflated in one call (default SMALL_SOURCE_BYTES; 0: always streamed). */
  smallSourceBytes?: number;
}

/**
 * A log file of a validation is usually a few KB gzipped (hourly files of busy trails a few MB). A zlib stream costs
 * far more to set up and drive through the thread pool than such a file costs to inflate: sources up to this size
 * are collected and inflated in one synchronous call, at most SMALL_OUTPUT_BYTES out (a few ms of this thread);
 * larger sources, and small ones that inflate past that (a bomb), are streamed as before, with the same verdicts.
 */
export const SMALL_SOURCE_BYTES = 256 * 1024;
const SMALL_OUTPUT_BYTES = 8 * 1024 * 1024;

/** The verdict on a whole gzip file in memory, or undefined when it inflates past SMALL_OUTPUT_BYTES (stream it). */
function hashWholeGzip(bytes: Buffer, limits: GzipHashLimits): GzipHashResult | undefined {
  let headerLength: number | undefined;
  try {
    headerLength = gzipHeaderLength(bytes);
  } catch {
    return { status: 'invalid-format' };
  }
  if (headerLength === undefined) return { status: 'invalid-format' };
  let inflated: { buffer: Buffer; engine: { bytesWritten: number } };
  try {
    inflated = inflateRawSync(bytes.subarray(headerLength), {
      maxOutputLength: Math.min(limits.maxBytes + 1, SMALL_OUTPUT_BYTES),
      info: true,
    }) as unknown as { buffer: Buffer; engine: { bytesWritten: number } };
  } catch (error) {
    if ((error as { code?: string })?.code === 'ERR_BUFFER_TOO_LARGE') return undefined;
    return { status: 'invalid-format' };
  }
  const { buffer } = inflated;
  if (buffer.length > limits.maxBytes) return undefined; // the stream says which limit, as for any other source
  const remaining = bytes.length - headerLength - inflated.engine.bytesWritten;
  if (remaining < 8) return { status: 'invalid-format' };
  if (remaining > 8) return { status: 'trailing-data' };
  const tail = bytes.subarray(bytes.length - 8);
  if (tail.readUInt32LE(0) !== crc32(buffer) >>> 0 || tail.readUInt32LE(4) !== buffer.length >>> 0) return { status: 'invalid-format' };
  return { status: 'hashed', sha256: createHash('sha256').update(buffer).digest('hex') };
}

export async function hashFirstGzipMember(source: AsyncIterable<Uint8Array>, limits: GzipHashLimits): Promise<GzipHashResult> {
  const small = limits.smallSourceBytes ?? SMALL_SOURCE_BYTES;
  const iterator = source[Symbol.asyncIterator]();
  const collected: Uint8Array[] = [];
  let collectedBytes = 0;
  let ended = false;
  try {
    while (collectedBytes <= small) {
      const next = await iterator.next();
      if (next.done) {
        ended = true;
        break;
      }
      collected.push(next.value);
      collectedBytes += next.value.length;
    }
  } catch {
    return { status: 'invalid-format' }; // the connection broke mid-body, as the streamed path says
  }
  if (ended) {
    const verdict = hashWholeGzip(Buffer.concat(collected), limits);
    if (verdict) return verdict;
  }
  async function* rest(): AsyncIterable<Uint8Array> {
    yield* collected;
    if (ended) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return hashStreamed(rest(), limits);
}

async function hashStreamed(source: AsyncIterable<Uint8Array>, limits: GzipHashLimits): Promise<GzipHashResult> {
  const hash = createHash('sha256');
  let crc = 0;
  let size = 0;
  const inflate = new BoundedGunzip({
    maxBytes: limits.maxBytes,
    location: limits.location,
    raw: true,
    onData: (chunk) => {
      hash.update(chunk);
      crc = crc32(chunk, crc);
      size = (size + chunk.length) >>> 0;
    },
  });
  let head: Buffer | undefined = Buffer.alloc(0) as Buffer;
  let headerLength = 0;
  let total = 0;
  let tail: Buffer = Buffer.alloc(0);
  try {
    for await (const piece of source) {
      let chunk: Buffer = Buffer.from(piece);
      total += chunk.length;
      tail = Buffer.concat([tail, chunk]).subarray(-8);
      if (head) {
        head = Buffer.concat([head, chunk]);
        const length = gzipHeaderLength(head);
        if (length === undefined) continue;
        headerLength = length;
        chunk = head.subarray(length);
        head = undefined;
      }
      await inflate.write(chunk);
    }
    if (head) return { status: 'invalid-format' };
    await inflate.end();
  } catch (error) {
    inflate.destroy();
    if (error instanceof ExplainedError && error.code === 'TooLarge') return { status: 'too-large', error };
    return { status: 'invalid-format' };
  }
  const remaining = total - headerLength - inflate.inputBytes;
  if (remaining < 8) return { status: 'invalid-format' };
  if (remaining > 8) return { status: 'trailing-data' };
  if (tail.readUInt32LE(0) !== crc >>> 0 || tail.readUInt32LE(4) !== size) return { status: 'invalid-format' };
  return { status: 'hashed', sha256: hash.digest('hex') };
}
