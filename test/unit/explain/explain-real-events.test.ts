/**
 * Issue 13 "done when", measured on the real events of test/fixtures/real-events (valid JSON as published):
 * share of object keys with a specific explanation (overall and on KMS events), failures told as such.
 * `node --test out/test/unit/explain/explain-real-events.test.js` prints the figures.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildRecordIndex, explainEveryKey } from '../../../src/core/explain';
import { isSpecific, realFiles, realRecords } from './realEvents';

test('the real events are there: at least 40 valid events, 20 of them KMS', () => {
  const records = realRecords(realFiles().filter((f) => f.valid));
  assert.ok(records.length >= 40, `${records.length} events`);
  assert.ok(records.filter((r) => r.kms).length >= 20, `${records.filter((r) => r.kms).length} KMS events`);
});

test('at least 95 % of the object keys of the real events are explained specifically, and 99 % on KMS events', (t) => {
  let keys = 0;
  let specific = 0;
  let kmsKeys = 0;
  let kmsSpecific = 0;
  const generic = new Map<string, number>();
  for (const file of realFiles().filter((f) => f.valid)) {
    const index = buildRecordIndex(file.text);
    const records = realRecords([file]);
    for (const entry of explainEveryKey(file.text, index)) {
      const recordIndex = index.kind === 'records' ? Number(entry.path[1]) : 0;
      const kms = records[recordIndex]?.kms ?? false;
      const ok = isSpecific(entry);
      keys++;
      if (ok) specific++;
      if (kms) {
        kmsKeys++;
        if (ok) kmsSpecific++;
      }
      if (!ok) generic.set(`${file.name} ${entry.path.join('.')}`, 1);
    }
  }
  const overall = specific / keys;
  const kms = kmsSpecific / kmsKeys;
  t.diagnostic(`object keys: ${keys}, specific ${specific} (${(overall * 100).toFixed(1)} %)`);
  t.diagnostic(`KMS-event keys: ${kmsKeys}, specific ${kmsSpecific} (${(kms * 100).toFixed(1)} %)`);
  t.diagnostic(`generic: ${[...generic.keys()].join('; ')}`);
  assert.ok(keys > 1000, `${keys} keys`);
  assert.ok(overall >= 0.95, `overall ${(overall * 100).toFixed(1)} %`);
  assert.ok(kms >= 0.99, `KMS ${(kms * 100).toFixed(1)} %`);
});
