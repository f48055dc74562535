import { test } from 'node:test';
import assert from 'node:assert/strict';

import { parseQuery } from '../../../src/core/search/queryParse';
import { QueryError } from '../../../src/core/search/queryError';
import { formatTimePoint, parseTimePoint, resolveTimeRange, type TimeRange } from '../../../src/core/search/timeRange';

const NOW = Date.parse('2026-11-24T10:17:42.500Z');
const iso = (range: TimeRange) => [new Date(range.fromMs).toISOString(), new Date(range.toMs).toISOString()];
const resolve = (text: string) => iso(resolveTimeRange(parseQuery(text), NOW));

test('relative forms count back from now; the range is rounded outward to whole minutes', () => {
  assert.deepEqual(resolve('from:-1h'), ['2026-11-24T09:17:00.000Z', '2026-11-24T10:18:00.000Z']);
  assert.deepEqual(resolve('from:now-15m to:now'), ['2026-11-24T10:02:00.000Z', '2026-11-24T10:18:00.000Z']);
  assert.deepEqual(resolve('from:-7d to:-1d'), ['2026-11-17T10:17:00.000Z', '2026-11-23T10:18:00.000Z']);
  assert.deepEqual(resolve('from:-2w'), ['2026-11-10T10:17:00.000Z', '2026-11-24T10:18:00.000Z']);
});

test('days are whole UTC days: as from their start, as to their end', () => {
  assert.deepEqual(resolve('from:2026-11-20 to:2026-11-20'), ['2026-11-20T00:00:00.000Z', '2026-11-21T00:00:00.000Z']);
  assert.deepEqual(resolve('from:2026/11/20 to:2026/11/22'), ['2026-11-20T00:00:00.000Z', '2026-11-23T00:00:00.000Z']);
  assert.deepEqual(resolve('from:yesterday to:yesterday'), ['2026-11-23T00:00:00.000Z', '2026-11-24T00:00:00.000Z']);
  assert.deepEqual(resolve('from:today'), ['2026-11-24T00:00:00.000Z', '2026-11-24T10:18:00.000Z']);
  assert.deepEqual(resolve('from:today to:today'), ['2026-11-24T00:00:00.000Z', '2026-11-25T00:00:00.000Z']);
});

test('instants: UTC without a zone, offsets, seconds and fractions (a pasted eventTime) widen to the minute', () => {
  assert.deepEqual(resolve('from:2026-11-24T08:30 to:2026-11-24T09:00'), ['2026-11-24T08:30:00.000Z', '2026-11-24T09:00:00.000Z']);
  assert.deepEqual(resolve('from:2026-11-24T10:30+02:00 to:2026-11-24T08:45:10-0100'), [
    '2026-11-24T08:30:00.000Z',
    '2026-11-24T09:46:00.000Z',
  ]);
  assert.deepEqual(resolve('from:2026-11-24T08:30:45Z to:2026-11-24T08:30:45.250Z'), [
    '2026-11-24T08:30:00.000Z',
    '2026-11-24T08:31:00.000Z',
  ]);
});

test('a missing from: uses the caller default or is an error; an empty range is an error', () => {
  assert.throws(
    () => resolveTimeRange(parseQuery('name:Decrypt'), NOW),
    (error: unknown) => error instanceof QueryError && /no start time/.test(error.message),
  );
  assert.deepEqual(iso(resolveTimeRange(parseQuery(''), NOW, { from: { kind: 'ago', amount: 1, unit: 'h' } })), [
    '2026-11-24T09:17:00.000Z',
    '2026-11-24T10:18:00.000Z',
  ]);
  assert.throws(
    () => resolveTimeRange(parseQuery('from:-1h to:-2h'), NOW),
    /time range is empty: to:-2h \(2026-11-24T08:18Z\) is not after from:-1h/,
  );
  assert.throws(() => resolveTimeRange(parseQuery('from:2026-12-01'), NOW), /is not after from:2026-12-01/);
});

test('parseTimePoint refuses what is not a time (and never guesses)', () => {
  for (const text of [
    '',
    'tomorrow',
    '-1y',
    '1h',
    '-99999999m',
    '2026-13-01',
    '2026-02-29',
    '2026-11-24T24:00',
    '2026-11-24T10:60',
    '2026-11-24T10:30+19:00',
    '26-11-24',
    '2026-11-24T10',
    'now+1h',
    '1969-12-31',
    `2026-11-24${'0'.repeat(50)}`,
  ])
    assert.equal(parseTimePoint(text), undefined, text);
  assert.deepEqual(parseTimePoint('2028-02-29'), { kind: 'day', day: '2028-02-29' });
});

test('formatTimePoint writes what parseTimePoint reads back', () => {
  for (const text of [
    'now',
    'today',
    'yesterday',
    '-90m',
    '-36h',
    '-7d',
    '-2w',
    '2026-11-24',
    '2026-11-24T10:30Z',
    '2026-11-24T10:30:45Z',
    '2026-11-24T10:30:45.123Z',
  ]) {
    const point = parseTimePoint(text);
    assert.ok(point, text);
    assert.equal(formatTimePoint(point), text);
    assert.deepEqual(parseTimePoint(formatTimePoint(point)), point);
  }
  assert.equal(formatTimePoint(parseTimePoint('2026-11-24T10:30+02:00')!), '2026-11-24T08:30Z');
  assert.equal(formatTimePoint(parseTimePoint('now-5m')!), '-5m');
});
