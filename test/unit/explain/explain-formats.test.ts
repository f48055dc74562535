import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildRecordIndex, explain, explainEveryKey, looksLikeCloudTrail, outline, recordAt } from '../../../src/core/explain';
import { at, seed } from './corpus';

const events = [seed('configured'), seed('stored'), seed('read')].map((text) => JSON.parse(text) as Record<string, unknown>);
const pretty = JSON.stringify({ Records: events }, null, 2);
const minified = JSON.stringify({ Records: events });

test('the record index finds each element of Records, pretty or minified', () => {
  for (const text of [pretty, minified]) {
    const index = buildRecordIndex(text);
    assert.equal(index.kind, 'records');
    assert.equal(index.count, 3);
    for (let i = 0; i < 3; i++) {
      assert.deepEqual(JSON.parse(text.slice(index.starts[i], index.ends[i])), events[i]);
    }
    assert.equal(text.slice(index.containerKeyRange?.start, index.containerKeyRange?.end), '"Records"');
    assert.equal(recordAt(index, index.starts[1]), 1);
    assert.equal(recordAt(index, index.ends[2] - 1), 2);
    assert.equal(recordAt(index, 0), -1);
  }
});

test('the record index handles a single event, a bare array, a BOM, and strings with brackets and escaped quotes', () => {
  const single = buildRecordIndex(`\uFEFF  ${seed('read')}`);
  assert.equal(single.kind, 'single');
  assert.equal(single.count, 1);
  const tricky = JSON.stringify([
    { eventVersion: '1.08', eventSource: 'x', userAgent: 'a "quoted" ] } { [ \\ thing' },
    { eventVersion: '1.08', eventName: 'B' },
  ]);
  const array = buildRecordIndex(tricky);
  assert.equal(array.kind, 'array');
  assert.equal(array.count, 2);
  assert.equal(JSON.parse(tricky.slice(array.starts[1], array.ends[1])).eventName, 'B');
  assert.equal(buildRecordIndex('not json').kind, 'none');
  assert.equal(buildRecordIndex('').kind, 'none');
});

test('explain works the same in pretty and minified text and reports the path from the root', () => {
  for (const text of [pretty, minified]) {
    const index = buildRecordIndex(text);
    const second = text.indexOf('"aws:s3:arn"', index.starts[1]);
    const explanation = explain(text, second + 2, index);
    assert.deepEqual(explanation?.path, ['Records', 1, 'requestParameters', 'encryptionContext', 'aws:s3:arn']);
    assert.equal(text.slice(explanation?.range.start, explanation?.range.end), '"aws:s3:arn"');
    const records = explain(text, at(text, '"Records"'), index);
    assert.equal(records?.title, 'Records — The events of a CloudTrail log file');
  }
});

test('explain builds the index itself when none is given, and ignores a stale one', () => {
  const text = minified;
  const offset = text.lastIndexOf('"Decrypt"') + 1;
  assert.deepEqual(explain(text, offset)?.path, ['Records', 2, 'eventName']);
  const stale = buildRecordIndex(pretty);
  assert.deepEqual(explain(text, offset, stale)?.path, ['Records', 2, 'eventName']);
});

function lookupEventsOutput(): string {
  return JSON.stringify(
    {
      Events: events.map((event, i) => ({
        EventId: event.eventID,
        EventName: event.eventName,
        ReadOnly: 'true',
        EventTime: `2015-11-11T21:1${i}:00+00:00`,
        EventSource: event.eventSource,
        Username: 'someone',
        Resources: [{ ResourceType: 'AWS::KMS::Key', ResourceName: 'k' }],
        CloudTrailEvent: JSON.stringify(event),
      })),
      NextToken: 'abc',
    },
    null,
    4,
  );
}

test('LookupEvents output: explains the outer fields and inside the embedded CloudTrailEvent string, mapping offsets', () => {
  const text = lookupEventsOutput();
  assert.ok(looksLikeCloudTrail(text));
  const index = buildRecordIndex(text);
  assert.equal(index.kind, 'lookupEvents');
  assert.equal(index.count, 3);

  const readOnly = explain(text, at(text, '"ReadOnly"'), index);
  assert.equal(readOnly?.title, 'ReadOnly — Read-only operation or not');
  assert.deepEqual(readOnly?.path, ['Events', 0, 'ReadOnly']);

  const inner = text.indexOf('\\"aws:s3:arn\\"', index.starts[1]);
  const explanation = explain(text, inner + 3, index);
  assert.deepEqual(explanation?.path, ['Events', 1, 'CloudTrailEvent', 'requestParameters', 'encryptionContext', 'aws:s3:arn']);
  assert.equal(text.slice(explanation?.range.start, explanation?.range.end), '\\"aws:s3:arn\\"');
  assert.match(
    explanation?.sections.find((s) => s.heading === 'What happened')?.text ?? '',
    /asked KMS for a data key to encrypt log file/,
  );
  assert.ok(explanation?.links.some((l) => l.kind === 's3Object'));

  const value = text.indexOf('\\"AwsApiCall\\"', index.starts[2]);
  const eventType = explain(text, value + 4, index);
  assert.equal(eventType?.title, 'eventType — Kind of event');
  assert.equal(text.slice(eventType?.range.start, eventType?.range.end), '\\"AwsApiCall\\"');

  const keys = [...explainEveryKey(text, index)];
  assert.ok(
    keys.every((k) => k.title),
    JSON.stringify(keys.find((k) => !k.title)?.path),
  );
  assert.ok(keys.some((k) => k.path.join('.') === 'Events.2.CloudTrailEvent.userIdentity.sessionContext.attributes.mfaAuthenticated'));
});

test('outline lists each record as eventTime eventName principal with its span', () => {
  const entries = outline(pretty);
  assert.deepEqual(
    entries.map((e) => e.label),
    [
      '2015-11-11T21:15:33Z GenerateDataKey IAM user AWSCloudTrail',
      '2015-11-11T21:15:58Z GenerateDataKey role AWSCloudTrail (session i-34755b85)',
      '2015-11-11T21:20:52Z Decrypt IAM user cloudtrail-admin',
    ],
  );
  const index = buildRecordIndex(pretty);
  entries.forEach((entry, i) => {
    assert.deepEqual(entry.range, { start: index.starts[i], end: index.ends[i] });
    assert.equal(pretty.slice(entry.selectionRange.start, entry.selectionRange.end), JSON.stringify(entry.eventName));
  });
  const lookup = outline(lookupEventsOutput());
  assert.equal(lookup.length, 3);
  assert.equal(lookup[2].label, '2015-11-11T21:20:52Z Decrypt IAM user cloudtrail-admin');
  assert.equal(outline(seed('read')).length, 1);
});

test('looksLikeCloudTrail: log files, single events, LookupEvents yes; other JSON and text no', () => {
  assert.ok(looksLikeCloudTrail(pretty));
  assert.ok(looksLikeCloudTrail(minified));
  assert.ok(looksLikeCloudTrail(seed('configured')));
  assert.ok(!looksLikeCloudTrail(JSON.stringify({ name: 'x', version: '1.0.0', scripts: {} })));
  assert.ok(!looksLikeCloudTrail('# eventVersion eventSource'));
  assert.ok(!looksLikeCloudTrail(''));
});
