import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ByteBudgetCache } from '../../src/core/byteBudgetCache';

test('the cache evicts the least recently used entries to stay within its byte budget', () => {
  const cache = new ByteBudgetCache<string>(10);
  cache.set('a', 'A', 4);
  cache.set('b', 'B', 4);
  assert.equal(cache.get('a'), 'A'); // a is now the most recent
  cache.set('c', 'C', 4);
  assert.equal(cache.get('b'), undefined);
  assert.equal(cache.get('a'), 'A');
  assert.equal(cache.get('c'), 'C');
  assert.equal(cache.bytes, 8);
});

test('a value larger than the budget is not kept; clear empties the cache', () => {
  const cache = new ByteBudgetCache<string>(10);
  cache.set('big', 'x', 11);
  assert.equal(cache.size, 0);
  cache.set('a', 'A', 3);
  cache.set('a', 'A2', 5);
  assert.equal(cache.bytes, 5);
  cache.clear();
  assert.equal(cache.size, 0);
  assert.equal(cache.bytes, 0);
});
