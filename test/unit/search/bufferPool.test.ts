import { test } from 'node:test';
import assert from 'node:assert/strict';

import { BufferPool, KEEP_BUFFER_BYTES } from '../../../src/aws/search/bufferPool';

test('buffer pool: one buffer per file in flight, reused by the next file; a big one is not kept', () => {
  const pool = new BufferPool();
  const a = pool.take();
  const b = pool.take();
  assert.notEqual(a, b, 'two files in flight never share a buffer');
  a.buffer = Buffer.alloc(64 * 1024);
  const kept = a.buffer;
  pool.give(a);
  const c = pool.take();
  assert.equal(c, a, 'the next file gets the buffer back');
  assert.equal(c.buffer, kept, 'with its bytes allocated once');
  b.buffer = Buffer.alloc(KEEP_BUFFER_BYTES + 1);
  pool.give(b);
  assert.equal(pool.take().buffer.length, 0, 'a buffer grown past the limit by a big log is let go');
  assert.notEqual(pool.take(), c, 'a buffer in use is not handed out again');
});
