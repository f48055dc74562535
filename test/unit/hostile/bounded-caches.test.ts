// Issue 12, item 7: caches keyed by what logs, links and endpoints choose have a limit and evict the least recently used.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AwsClients, BUCKET_REGION_ENTRIES } from '../../../src/aws/clients';
import { bucketRegion } from '../../../src/aws/buckets';
import { LruMap } from '../../../src/core/lruMap';

test('LruMap keeps the most recently used entries and tells what it evicts', () => {
  const evicted: string[] = [];
  const map = new LruMap<string, number>(3, (key) => evicted.push(key));
  for (const key of ['a', 'b', 'c']) map.set(key, key.charCodeAt(0));
  assert.equal(map.get('a'), 97); // a is now the newest
  map.set('d', 100);
  map.set('e', 101);
  assert.deepEqual(evicted, ['b', 'c']);
  assert.deepEqual([...map.values()], [97, 100, 101]);
  assert.equal(map.get('b'), undefined);
  map.set('a', 1); // replacing is no eviction
  assert.deepEqual(evicted, ['b', 'c']);
  assert.throws(() => new LruMap(0));
});

test('bucket-region look-ups for 10,000 bucket names from logs (all failing) keep at most the limit', async () => {
  // Failed look-ups are remembered as undefined (a denied caller is not asked again per object); filled directly here.
  const clients = new AwsClients({ regions: ['us-west-2'], endpointUrl: 'http://127.0.0.1:9' });
  try {
    for (let i = 0; i < 10_000; i++) clients.bucketRegions.set(`bucket-${i}`, Promise.resolve(undefined));
    assert.equal(clients.bucketRegions.size, BUCKET_REGION_ENTRIES);
    assert.equal(await bucketRegion(clients, 'bucket-9999'), undefined, 'the newest is still known (no AWS call)');
    assert.equal(clients.bucketRegions.has('bucket-0'), false);
  } finally {
    clients.dispose();
  }
});
