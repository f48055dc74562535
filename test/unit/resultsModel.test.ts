import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareItems, groupResults, resultsToJsonLines, type ResultItem } from '../../src/core/results/model';

const item = (severity: ResultItem['severity'], group: string[], label: string, time?: string): ResultItem => ({
  severity,
  group,
  label,
  ...(time ? { time } : {}),
});

test('groups nest by path, count every item below them and carry the worst severity; worst group first', () => {
  const root = groupResults([
    item('ok', ['valid', '2026-11-24'], 'a.json.gz'),
    item('ok', ['valid', '2026-11-25'], 'b.json.gz'),
    item('error', ['INVALID'], 'c.json.gz'),
    item('ok', ['valid', '2026-11-25'], 'd.json.gz'),
    item('warning', ['not found'], 'e.json.gz'),
  ]);
  assert.equal(root.count, 5);
  assert.equal(root.severity, 'error');
  assert.deepEqual(
    root.groups.map((g) => [g.name, g.severity, g.count]),
    [
      ['INVALID', 'error', 1],
      ['not found', 'warning', 1],
      ['valid', 'ok', 3],
    ],
  );
  const valid = root.groups[2];
  assert.deepEqual(
    valid.groups.map((g) => [g.name, g.count]),
    [
      ['2026-11-25', 2],
      ['2026-11-24', 1],
    ],
  );
  assert.deepEqual(
    valid.groups[0].items.map((i) => i.label),
    ['b.json.gz', 'd.json.gz'],
  );
});

test('items sort worst first, then newest first, then by label', () => {
  const items = [
    item('ok', [], 'x', '2026-11-24T01:00:00Z'),
    item('error', [], 'y', '2026-11-23T00:00:00Z'),
    item('ok', [], 'z', '2026-11-25T00:00:00Z'),
    item('ok', [], 'a', '2026-11-25T00:00:00Z'),
  ].sort(compareItems);
  assert.deepEqual(
    items.map((i) => i.label),
    ['y', 'a', 'z', 'x'],
  );
});

test('JSON Lines: one parseable object per item, log text kept verbatim', () => {
  const hostile = item('info', ['g'], 'line\nbreak "quoted" \u001b[31m');
  const lines = resultsToJsonLines([hostile, item('ok', [], 'b')]).split('\n');
  assert.equal(lines.length, 3);
  assert.equal(lines[2], '');
  assert.deepEqual(JSON.parse(lines[0]), hostile);
});
