import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { gzipHeaderLength, hashFirstGzipMember } from '../../src/core/integrity/digestGzip';

async function* chunks(bytes: Uint8Array, size: number): AsyncIterable<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

const text = Buffer.from('{"Records":[' + '{"eventName":"Decrypt"},'.repeat(5000) + '{}]}');
const sha = createHash('sha256').update(text).digest('hex');
const gz = gzipSync(text);
const LIMITS = { maxBytes: 256 * 1024 * 1024, location: 's3://bucket-1/log.json.gz' };

describe('first gzip member hash', () => {
  it('hashes the decompressed bytes, whatever the chunking (1 byte, 7 bytes, all at once)', async () => {
    for (const size of [1, 7, gz.length])
      assert.deepEqual(await hashFirstGzipMember(chunks(gz, size), LIMITS), { status: 'hashed', sha256: sha }, `chunks of ${size}`);
  });

  it('an appended gzip member or trailing garbage: trailing-data (the aws CLI v2 "unexpected data after end of compressed stream")', async () => {
    assert.deepEqual(await hashFirstGzipMember(chunks(Buffer.concat([gz, gzipSync('{"Records":[{"forged":true}]}')]), 100), LIMITS), {
      status: 'trailing-data',
    });
    assert.deepEqual(await hashFirstGzipMember(chunks(Buffer.concat([gz, Buffer.from('x'.repeat(20))]), 100), LIMITS), {
      status: 'trailing-data',
    });
  });

  it('not gzip, truncated, a bad CRC or a header only: invalid-format', async () => {
    assert.deepEqual(await hashFirstGzipMember(chunks(text, 100), LIMITS), { status: 'invalid-format' });
    assert.deepEqual(await hashFirstGzipMember(chunks(gz.subarray(0, gz.length - 20), 100), LIMITS), { status: 'invalid-format' });
    assert.deepEqual(await hashFirstGzipMember(chunks(gz.subarray(0, gz.length - 3), 100), LIMITS), { status: 'invalid-format' });
    const badCrc = Buffer.from(gz);
    badCrc[badCrc.length - 8] ^= 0xff;
    assert.deepEqual(await hashFirstGzipMember(chunks(badCrc, 100), LIMITS), { status: 'invalid-format' });
    assert.deepEqual(await hashFirstGzipMember(chunks(gz.subarray(0, 5), 100), LIMITS), { status: 'invalid-format' });
  });

  it('a source that fails mid-body: invalid-format', async () => {
    async function* broken(): AsyncIterable<Uint8Array> {
      yield gz.subarray(0, 50);
      throw new Error('ECONNRESET');
    }
    assert.deepEqual(await hashFirstGzipMember(broken(), LIMITS), { status: 'invalid-format' });
  });

  it('header with FNAME and FEXTRA', () => {
    const header = Buffer.from([0x1f, 0x8b, 8, 4 | 8, 0, 0, 0, 0, 0, 3, 2, 0, 0xaa, 0xbb, 0x61, 0x62, 0]);
    assert.equal(gzipHeaderLength(header), header.length);
    assert.equal(gzipHeaderLength(header.subarray(0, 15)), undefined);
    assert.throws(() => gzipHeaderLength(Buffer.from('{"a":1}xxxxx')));
  });

  it('a gzip bomb (inflating past the limit) is refused as too large, without inflating the rest', async () => {
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024), { level: 9 });
    const result = await hashFirstGzipMember(chunks(bomb, 4096), { maxBytes: 4 * 1024 * 1024, location: 's3://bucket-1/bomb.json.gz' });
    assert.equal(result.status, 'too-large');
    assert.match(
      result.status === 'too-large' ? result.error.message : '',
      /s3:\/\/bucket-1\/bomb\.json\.gz is larger than the limit of 4(\.0)? MiB/,
    );
  });
});
