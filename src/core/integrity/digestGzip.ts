/**
 * SHA-256 of the first gzip member of a stream, with the end checked as the aws CLI (v2, since 2026-05) does: bytes
 * after the first member's trailer are "unexpected data after end of compressed stream" — an appended gzip member
 * would otherwise add records a reader sees but the digest never covered.
 */
import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
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
}

export async function hashFirstGzipMember(source: AsyncIterable<Uint8Array>, limits: GzipHashLimits): Promise<GzipHashResult> {
  const hash = createHash('sha256');
  let crc = 0;
  let size = 0;
  const inflate = new BoundedGunzip({
    ...limits,
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
