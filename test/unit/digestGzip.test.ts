import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { gzipHeaderLength, hashFirstGzipMember, type GzipHashLimits, type GzipHashResult } from '../../src/core/integrity/digestGzip';

async function* chunks(bytes: Uint8Array, size: number): AsyncIterable<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

const text = Buffer.from('{"Records":[' + '{"eventName":"Decrypt"},'.repeat(5000) + '{}]}');
const sha = createHash('sha256').update(text).digest('hex');
const gz = gzipSync(text);
const LIMITS = { maxBytes: 256 * 1024 * 1024, location: 's3://bucket-1/log.json.gz' };

/**
 * The verdict of both paths — a small source inflated in one call, and the same source streamed (smallSourceBytes 0)
 * — which must agree; `make` gives a fresh source for each.
 */
async function hash(make: () => AsyncIterable<Uint8Array>, limits: GzipHashLimits): Promise<GzipHashResult> {
  const whole = await hashFirstGzipMember(make(), limits);
  const streamed = await hashFirstGzipMember(make(), { ...limits, smallSourceBytes: 0 });
  if (whole.status === 'too-large' && streamed.status === 'too-large') assert.equal(whole.error.message, streamed.error.message);
  else assert.deepEqual(whole, streamed, 'the whole-source and the streamed path agree');
  return whole;
}

describe('first gzip member hash', () => {
  it('hashes the decompressed bytes, whatever the chunking (1 byte, 7 bytes, all at once)', async () => {
    for (const size of [1, 7, gz.length])
      assert.deepEqual(await hash(() => chunks(gz, size), LIMITS), { status: 'hashed', sha256: sha }, `chunks of ${size}`);
  });

  it('an appended gzip member or trailing garbage: trailing-data (the aws CLI v2 "unexpected data after end of compressed stream")', async () => {
    assert.deepEqual(await hash(() => chunks(Buffer.concat([gz, gzipSync('{"Records":[{"forged":true}]}')]), 100), LIMITS), {
      status: 'trailing-data',
    });
    assert.deepEqual(await hash(() => chunks(Buffer.concat([gz, Buffer.from('x'.repeat(20))]), 100), LIMITS), {
      status: 'trailing-data',
    });
  });

  it('not gzip, truncated, a bad CRC or a header only: invalid-format', async () => {
    assert.deepEqual(await hash(() => chunks(text, 100), LIMITS), { status: 'invalid-format' });
    assert.deepEqual(await hash(() => chunks(gz.subarray(0, gz.length - 20), 100), LIMITS), { status: 'invalid-format' });
    assert.deepEqual(await hash(() => chunks(gz.subarray(0, gz.length - 3), 100), LIMITS), { status: 'invalid-format' });
    const badCrc = Buffer.from(gz);
    badCrc[badCrc.length - 8] ^= 0xff;
    assert.deepEqual(await hash(() => chunks(badCrc, 100), LIMITS), { status: 'invalid-format' });
    assert.deepEqual(await hash(() => chunks(gz.subarray(0, 5), 100), LIMITS), { status: 'invalid-format' });
  });

  it('a source that fails mid-body: invalid-format', async () => {
    async function* broken(): AsyncIterable<Uint8Array> {
      yield gz.subarray(0, 50);
      throw new Error('ECONNRESET');
    }
    assert.deepEqual(await hash(broken, LIMITS), { status: 'invalid-format' });
  });

  it('header with FNAME and FEXTRA', () => {
    const header = Buffer.from([0x1f, 0x8b, 8, 4 | 8, 0, 0, 0, 0, 0, 3, 2, 0, 0xaa, 0xbb, 0x61, 0x62, 0]);
    assert.equal(gzipHeaderLength(header), header.length);
    assert.equal(gzipHeaderLength(header.subarray(0, 15)), undefined);
    assert.throws(() => gzipHeaderLength(Buffer.from('{"a":1}xxxxx')));
  });

  it('a gzip bomb (inflating past the limit) is refused as too large, without inflating the rest', async () => {
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024), { level: 9 });
    const result = await hash(() => chunks(bomb, 4096), { maxBytes: 4 * 1024 * 1024, location: 's3://bucket-1/bomb.json.gz' });
    assert.equal(result.status, 'too-large');
    assert.match(
      result.status === 'too-large' ? result.error.message : '',
      /s3:\/\/bucket-1\/bomb\.json\.gz is larger than the limit of 4(\.0)? MiB/,
    );
  });

  it('a small source that inflates past the in-memory cap (8 MiB) but not past the limit is streamed and hashed', async () => {
    const plain = Buffer.alloc(12 * 1024 * 1024, 0x20);
    const packed = gzipSync(plain, { level: 9 });
    assert.ok(packed.length < 256 * 1024, 'the source is small enough for the one-call path');
    const expected = createHash('sha256').update(plain).digest('hex');
    assert.deepEqual(await hash(() => chunks(packed, 4096), LIMITS), { status: 'hashed', sha256: expected });
  });

  it('a small valid file and a large one (past 256 KiB gzipped) give the hash of their bytes', async () => {
    const big = Buffer.from(Array.from({ length: 60_000 }, (_, i) => `{"eventID":"${i.toString(36)}-${(i * 7919) % 10007}"}`).join(','));
    const packed = gzipSync(big);
    assert.ok(packed.length > 256 * 1024, `large enough to be streamed (${packed.length} bytes)`);
    assert.deepEqual(await hash(() => chunks(packed, 65536), LIMITS), {
      status: 'hashed',
      sha256: createHash('sha256').update(big).digest('hex'),
    });
  });
});
