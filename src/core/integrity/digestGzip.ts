/**
 * SHA-256 of the first gzip member of a stream, with the end checked as the aws CLI (v2, since 2026-05) does: bytes
 * after the first member's trailer are "unexpected data after end of compressed stream" — an appended gzip member
 * would otherwise add records a reader sees but the digest never covered.
 */
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createInflateRaw, crc32 } from 'node:zlib';

export type GzipHashResult = { status: 'hashed'; sha256: string } | { status: 'invalid-format' } | { status: 'trailing-data' };

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

export async function hashFirstGzipMember(source: AsyncIterable<Uint8Array>): Promise<GzipHashResult> {
  const hash = createHash('sha256');
  const inflate = createInflateRaw();
  let crc = 0;
  let size = 0;
  let failed = false;
  inflate.on('data', (chunk: Buffer) => {
    hash.update(chunk);
    crc = crc32(chunk, crc);
    size = (size + chunk.length) >>> 0;
  });
  inflate.on('error', () => {
    failed = true;
  });
  const ended = once(inflate, 'end').then(
    () => true,
    () => false,
  );
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
      if (failed) return { status: 'invalid-format' };
      if (!inflate.write(chunk) && !failed) await Promise.race([once(inflate, 'drain'), ended]);
    }
  } catch {
    inflate.destroy();
    return { status: 'invalid-format' };
  }
  if (head) return { status: 'invalid-format' };
  inflate.end();
  if (!(await ended) || failed) return { status: 'invalid-format' };
  const remaining = total - headerLength - inflate.bytesWritten;
  if (remaining < 8) return { status: 'invalid-format' };
  if (remaining > 8) return { status: 'trailing-data' };
  if (tail.readUInt32LE(0) !== crc >>> 0 || tail.readUInt32LE(4) !== size) return { status: 'invalid-format' };
  return { status: 'hashed', sha256: hash.digest('hex') };
}
