// Issue 12, item 2: one streaming gunzip with a limit on the decompressed size, refusing with an explained error.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { main } from '../../../src/cli';
import { gunzipBounded } from '../../../src/core/boundedGunzip';
import { ExplainedError } from '../../../src/core/errors';

async function* chunks(bytes: Uint8Array, size: number): AsyncIterable<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

test('inflates within the limit, from bytes or a stream of chunks, several members too', async () => {
  const text = Buffer.from('{"Records":[]}'.repeat(10_000));
  assert.deepEqual(await gunzipBounded(gzipSync(text), text.length, 'f'), text);
  assert.deepEqual(await gunzipBounded(chunks(gzipSync(text), 7), text.length, 'f'), text);
  assert.deepEqual(await gunzipBounded(Buffer.concat([gzipSync('a'), gzipSync('b')]), 2, 'f'), Buffer.from('ab'));
});

test('a 1 MB bomb that inflates to 1 GiB stops just past the limit with TooLarge (it peaked at 3.2 GB)', async () => {
  // 1,024 gzip members of 1 MiB of zeros each: about 1 MB that inflates to 1 GiB (built without deflating 1 GiB here).
  const bomb = Buffer.concat(new Array<Buffer>(1024).fill(gzipSync(Buffer.alloc(1024 * 1024), { level: 9 })));
  assert.ok(bomb.length < 1.1 * 1024 * 1024);
  const before = process.memoryUsage().rss;
  await assert.rejects(gunzipBounded(chunks(bomb, 64 * 1024), 16 * 1024 * 1024, 'digest.json.gz'), (error: unknown) => {
    assert.ok(error instanceof ExplainedError);
    assert.equal(error.code, 'TooLarge');
    assert.match(error.message, /^digest\.json\.gz is larger than the limit of 16(\.0)? MiB \(uncompressed\)\./);
    return true;
  });
  assert.ok(process.memoryUsage().rss - before < 200 * 1024 * 1024, 'memory stayed near the limit');
});

test('truncated and not-gzip input are explained, never a raw zlib error', async () => {
  const gz = gzipSync('{"Records":[]}'.repeat(1000));
  await assert.rejects(gunzipBounded(gz.subarray(0, gz.length - 10), 1e9, 'a.json.gz'), { code: 'TruncatedGzip' });
  await assert.rejects(gunzipBounded(Buffer.from('{"not":"gzip"}'), 1e9, 'b.json.gz'), { code: 'CorruptGzip' });
});

test('explain FILE.json.gz: a bomb stops at the limit named in the message (it inflated 600 KB to 1.27 GB)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ct-bomb-'));
  try {
    const path = join(dir, 'bomb.json.gz');
    writeFileSync(path, Buffer.concat(new Array<Buffer>(64).fill(gzipSync(Buffer.alloc(1024 * 1024, 0x20)))));
    let stdout = '';
    let stderr = '';
    const code = await main(['explain', path, '--all', '--max-mb', '8'], {
      stdout: { write: (t: string | Uint8Array) => (stdout += String(t)) },
      stderr: { write: (t: string) => (stderr += t) },
    });
    assert.equal(code, 1);
    assert.equal(stdout, '');
    assert.match(stderr, /bomb\.json\.gz is larger than the limit of 8(\.0)? MiB \(uncompressed\)\. Reading stopped after /);
    assert.ok(!/RangeError|Invalid string length/.test(stderr), stderr);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
