/**
 * The pure pieces that let Athena rows sit in Find Events' results document: a record found in its log by eventID
 * (no record index from Athena), record links by index or eventID (anything else refused), ordering of hits with
 * and without a record index, and the one results item both engines make of an event.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { s3RecordTarget } from '../../../src/core/explain/linkTargets';
import { recordIndexOfEventId } from '../../../src/core/logs/recordOfEvent';
import { athenaHitToResultItem } from '../../../src/core/athena';
import { compareHitsByTime, hitToResultItem, type EventHit } from '../../../src/core/search';

function logText(ids: string[], spacing: ': ' | ':'): { text: string; starts: number[] } {
  const starts: number[] = [];
  let text = '{"Records": [\n';
  ids.forEach((id, i) => {
    starts.push(text.length);
    text += `  {"eventName"${spacing}"Decrypt", "eventID"${spacing}"${id}", "sharedEventID"${spacing}"${ids[0]}"}${i < ids.length - 1 ? ',' : ''}\n`;
  });
  return { text: `${text}]}\n`, starts };
}

test('a record is found in its log by eventID, pretty-printed or as stored; an id not there is undefined', () => {
  const ids = ['aaaa-1', 'bbbb-2', 'cccc-3', 'dddd-4'];
  for (const spacing of [': ', ':'] as const) {
    const { text, starts } = logText(ids, spacing);
    ids.forEach((id, i) => assert.equal(recordIndexOfEventId(text, starts, starts.length, id), i, `${id} ${spacing}`));
    assert.equal(recordIndexOfEventId(text, starts, starts.length, 'eeee-5'), undefined);
    assert.equal(recordIndexOfEventId(text, starts, starts.length, ''), undefined);
    assert.equal(recordIndexOfEventId(text, starts, 0, 'aaaa-1'), undefined);
  }
  // The first record's id also appears as every record's sharedEventID: only an eventID field counts.
  const { text, starts } = logText(ids, ': ');
  assert.equal(recordIndexOfEventId(text, starts, starts.length, 'aaaa-1'), 0);
});

test('record links: by index, or by an eventID of letters, digits and dashes; anything else is refused', () => {
  const base = { bucket: 'b-1', key: 'AWSLogs/x.json.gz' };
  assert.equal(s3RecordTarget({ ...base, recordIndex: 3 }).recordIndex, 3);
  const byId = s3RecordTarget({ ...base, eventID: '7e5d9b1c-0000-4a4a-9c9c-123456789abc' });
  assert.equal(byId.eventID, '7e5d9b1c-0000-4a4a-9c9c-123456789abc');
  assert.equal(byId.recordIndex, undefined);
  for (const eventID of ['', 'a"b', 'a b', 'x'.repeat(129), 42, '../../etc'])
    assert.throws(() => s3RecordTarget({ ...base, eventID }), /record index is not valid/, String(eventID));
  assert.throws(() => s3RecordTarget({ ...base, recordIndex: -1, eventID: 'ok-1' }), /record index is not valid/);
});

test('hits sort by time, then file, then index; Athena rows (no index, or no file) sort among them', () => {
  const hit = (time: string, key?: string, recordIndex?: number): EventHit => ({
    record: { eventTime: time },
    ...(key ? { source: { bucket: 'b', key, ...(recordIndex !== undefined ? { recordIndex } : {}) } } : {}),
  });
  const hits = [hit('2026-11-24T10:00:02Z', 'b.json.gz', 1), hit('2026-11-24T10:00:01Z'), hit('2026-11-24T10:00:02Z', 'a.json.gz')];
  hits.push(hit('2026-11-24T10:00:02Z', 'b.json.gz', 0));
  const sorted = [...hits].sort(compareHitsByTime);
  assert.deepEqual(
    sorted.map((h) => `${h.record.eventTime as string} ${h.source?.key ?? '-'} ${h.source?.recordIndex ?? '-'}`),
    [
      '2026-11-24T10:00:01Z - -',
      '2026-11-24T10:00:02Z a.json.gz -',
      '2026-11-24T10:00:02Z b.json.gz 0',
      '2026-11-24T10:00:02Z b.json.gz 1',
    ],
  );
});

test('an Athena row and a file hit of the same event are the same results item but for the record index', () => {
  const record = {
    eventName: 'Decrypt',
    eventTime: '2026-11-24T10:00:00Z',
    errorCode: 'AccessDenied',
    awsRegion: 'eu-west-1',
    userIdentity: { type: 'AssumedRole', arn: 'arn:aws:sts::111122223333:assumed-role/Auditor/ana' },
  };
  const fromFile = hitToResultItem({ record, source: { bucket: 'b', key: 'k', region: 'eu-west-1', recordIndex: 4 } });
  const fromAthena = athenaHitToResultItem({ record, source: { bucket: 'b', key: 'k' } }, 'eu-west-1');
  assert.deepEqual(
    { ...fromFile, source: { ...fromFile.source, recordIndex: undefined } },
    { ...fromAthena, source: { ...fromAthena.source, recordIndex: undefined } },
  );
  assert.equal(fromAthena.source?.recordIndex, undefined);
});
