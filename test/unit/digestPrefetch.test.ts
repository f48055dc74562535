import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DigestStore } from '../../src/core/integrity/digestChain';
import type { SignedDigest } from '../../src/core/integrity/digestFile';
import { DigestPrefetch } from '../../src/core/integrity/digestPrefetch';

const BUCKET = 'digests';
/** Listed keys, oldest first (S3 order); the walk goes from the newest (k9) back. */
const KEYS = Array.from({ length: 10 }, (_, i) => `k${i}`);

/** A store that records every fetch; some keys are missing, some fail. */
function recordingStore(options: { missing?: string[]; failing?: string[] } = {}) {
  const calls: string[] = [];
  const store: DigestStore = {
    listKeys: () => {
      throw new Error('not used by the prefetch');
    },
    publicKeys: () => Promise.reject(new Error('not used by the prefetch')),
    fetchDigest: (bucket, key) => {
      calls.push(`${bucket}/${key}`);
      if (options.failing?.includes(key)) return Promise.reject(new Error(`AccessDenied on ${key}`));
      if (options.missing?.includes(key)) return Promise.resolve('missing');
      const digest: SignedDigest = { bucket, key, inflated: new TextEncoder().encode(key) };
      return Promise.resolve(digest);
    },
  };
  return { store, calls };
}

const keyOf = (answer: SignedDigest | 'missing'): string => (answer === 'missing' ? 'missing' : answer.key);
const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('DigestPrefetch', () => {
  const unhandled: unknown[] = [];
  const record = (reason: unknown): void => void unhandled.push(reason);
  before(() => process.on('unhandledRejection', record));
  after(() => process.off('unhandledRejection', record));

  it('fetches the newest `ahead` listed digests before the walk asks, then keeps that many in flight', async () => {
    const { store, calls } = recordingStore();
    const prefetch = new DigestPrefetch(store, 3);
    prefetch.follow(BUCKET, KEYS);
    assert.deepEqual(calls, ['digests/k9', 'digests/k8', 'digests/k7'], 'newest first, at most 3');

    assert.equal(keyOf(await prefetch.fetchDigest(BUCKET, 'k9')), 'k9');
    assert.deepEqual(calls.slice(3), ['digests/k6'], 'taking one starts the next');
    for (const key of [...KEYS].reverse().slice(1)) assert.equal(keyOf(await prefetch.fetchDigest(BUCKET, key)), key);
    assert.deepEqual(
      calls,
      [...KEYS].reverse().map((key) => `${BUCKET}/${key}`),
      'every digest fetched once, in walk order',
    );
  });

  it('with ahead 0 fetches only what the walk asks for', async () => {
    const { store, calls } = recordingStore();
    const prefetch = new DigestPrefetch(store, 0);
    prefetch.follow(BUCKET, KEYS);
    assert.deepEqual(calls, []);
    assert.equal(keyOf(await prefetch.fetchDigest(BUCKET, 'k4')), 'k4');
    assert.deepEqual(calls, ['digests/k4']);
  });

  it('fetches a digest that was never listed (another bucket or key) when asked, and the plan goes on', async () => {
    const { store, calls } = recordingStore();
    const prefetch = new DigestPrefetch(store, 2);
    prefetch.follow(BUCKET, KEYS);
    assert.equal(keyOf(await prefetch.fetchDigest('elsewhere', 'k9')), 'k9');
    assert.equal(keyOf(await prefetch.fetchDigest(BUCKET, 'unlisted')), 'unlisted');
    assert.deepEqual(calls, ['digests/k9', 'digests/k8', 'elsewhere/k9', 'digests/unlisted']);
    assert.equal(keyOf(await prefetch.fetchDigest(BUCKET, 'k9')), 'k9');
    assert.deepEqual(calls.slice(4), ['digests/k7'], 'the prefetched k9 was used, not fetched again');
  });

  it('drops the digests the walk passes over and goes on from where it landed', async () => {
    const { store, calls } = recordingStore();
    const prefetch = new DigestPrefetch(store, 2);
    prefetch.follow(BUCKET, KEYS);
    assert.equal(keyOf(await prefetch.fetchDigest(BUCKET, 'k5')), 'k5');
    // k9, k8 were in flight and are dropped; k5 was not started: fetched now; then k4, k3 ahead of the walk.
    assert.deepEqual(calls, ['digests/k9', 'digests/k8', 'digests/k5', 'digests/k4', 'digests/k3']);
    assert.equal(keyOf(await prefetch.fetchDigest(BUCKET, 'k4')), 'k4');
    assert.deepEqual(calls.slice(5), ['digests/k2']);
  });

  it('hands a prefetched failure or a missing digest to the walk when it takes that digest, never as an unhandled rejection', async () => {
    const { store } = recordingStore({ failing: ['k8'], missing: ['k7'] });
    const prefetch = new DigestPrefetch(store, 3);
    prefetch.follow(BUCKET, KEYS);
    await tick();
    await tick();
    assert.deepEqual(unhandled, [], 'a prefetched failure not yet taken is not an unhandled rejection');
    assert.equal(keyOf(await prefetch.fetchDigest(BUCKET, 'k9')), 'k9');
    await assert.rejects(prefetch.fetchDigest(BUCKET, 'k8'), /AccessDenied on k8/);
    assert.equal(await prefetch.fetchDigest(BUCKET, 'k7'), 'missing');
  });

  it('starts over when it follows another listing (a new digest folder)', async () => {
    const { store, calls } = recordingStore();
    const prefetch = new DigestPrefetch(store, 2);
    prefetch.follow(BUCKET, KEYS);
    prefetch.follow('other', ['a0', 'a1', 'a2']);
    assert.deepEqual(calls, ['digests/k9', 'digests/k8', 'other/a2', 'other/a1']);
    assert.equal(keyOf(await prefetch.fetchDigest('other', 'a2')), 'a2');
    assert.equal(keyOf(await prefetch.fetchDigest(BUCKET, 'k9')), 'k9');
    assert.deepEqual(calls.slice(4), ['other/a0', 'digests/k9'], 'the old listing is no longer prefetched');
  });
});
