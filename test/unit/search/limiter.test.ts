/** The search's adaptive concurrency: halve on throttling (once per burst), back off, climb back one at a time; cancellable. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AdaptiveLimit, sleep } from '../../../src/aws/search/limiter';
import { CancelledError } from '../../../src/core/errors';

test('starts at the maximum; a throttle halves it once per burst, clean reads raise it one by one', async () => {
  const limit = new AdaptiveLimit(8, () => 0);
  const epochs = await Promise.all(Array.from({ length: 8 }, () => limit.acquire()));
  assert.equal(limit.current, 8);
  // Eight reads of the same epoch come back throttled: one decrease, not eight.
  for (const epoch of epochs) limit.release('throttled', epoch);
  assert.equal(limit.current, 4);
  assert.equal(limit.throttles, 8);
  // Reads that started after the decrease: clean ones raise the limit after as many as the limit.
  for (let round = 0; round < 4; round++) {
    const epoch = await limit.acquire();
    limit.release('ok', epoch);
  }
  assert.equal(limit.current, 5);
  // A throttle of the new epoch halves again; the limit never goes under one.
  for (let i = 0; i < 5; i++) limit.release('throttled', await limit.acquire());
  assert.equal(limit.current, 1);
});

test('no more than the limit at once; a back-off holds new starts', async () => {
  const limit = new AdaptiveLimit(2, () => 0);
  await limit.acquire();
  const second = await limit.acquire();
  let third = false;
  const waiting = limit.acquire().then(() => (third = true));
  await sleep(20);
  assert.equal(third, false, 'a third read waits for a slot');
  const before = Date.now();
  limit.release('throttled', second); // halves to 1 and holds starts for ≥ 125 ms (jitter 0)
  await sleep(20);
  assert.equal(third, false, 'still one in flight and a back-off');
  limit.release('other');
  await waiting;
  assert.ok(Date.now() - before >= 120, `started after ${Date.now() - before} ms`);
});

test('waiting for a slot or a back-off ends at once when the signal aborts', async () => {
  const limit = new AdaptiveLimit(1);
  await limit.acquire();
  const abort = new AbortController();
  const waiting = limit.acquire(abort.signal);
  abort.abort();
  await assert.rejects(waiting, CancelledError);
  await assert.rejects(sleep(10_000, abort.signal), CancelledError);
});
