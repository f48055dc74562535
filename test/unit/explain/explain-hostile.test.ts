import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildRecordIndex, explain, explainEveryKey, outline, type ExplainLink } from '../../../src/core/explain';
import { findEventsTarget } from '../../../src/core/explain/linkTargets';
import { seed } from './corpus';

test('a minified single-line 50 MB log: index once, explain anywhere', () => {
  const records = [seed('configured'), seed('stored'), seed('read')].map((text) => JSON.stringify(JSON.parse(text)));
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < 50 * 1024 * 1024; i++) {
    const record = records[i % 3];
    parts.push(record);
    size += record.length + 1;
  }
  const text = `{"Records":[${parts.join(',')}]}`;
  assert.ok(text.length >= 50 * 1024 * 1024);
  assert.ok(!text.includes('\n'));
  const index = buildRecordIndex(text);
  assert.equal(index.count, parts.length);
  let seedValue = 42;
  for (let n = 0; n < 200; n++) {
    seedValue = (seedValue * 1103515245 + 12345) % 2147483648;
    const r = seedValue % index.count;
    const offset = text.indexOf('"eventName"', index.starts[r]) + 1;
    const explanation = explain(text, offset, index);
    assert.deepEqual(explanation?.path, ['Records', r, 'eventName']);
  }
  const last = index.count - 1;
  assert.deepEqual(explain(text, text.indexOf('"ARN"', index.starts[last]) + 1, index)?.path, ['Records', last, 'resources', 0, 'ARN']);
});

test('truncated JSON: never throws, explains what is there, including inside the cut record', () => {
  const full = JSON.stringify({ Records: [JSON.parse(seed('configured')), JSON.parse(seed('read'))] }, null, 2);
  for (const cut of [full.length - 1, Math.floor(full.length * 0.75), Math.floor(full.length * 0.55), 40, 5]) {
    const text = full.slice(0, cut);
    const index = buildRecordIndex(text);
    for (let offset = 0; offset < text.length; offset += 7) explain(text, offset, index);
    outline(text, index);
    assert.ok(Array.isArray([...explainEveryKey(text, index)]));
  }
  const text = full.slice(0, full.lastIndexOf('"readOnly"') + 5);
  const explanation = explain(text, text.lastIndexOf('"eventName"') + 1);
  assert.deepEqual(explanation?.path, ['Records', 1, 'eventName']);
  assert.equal(outline(text).length, 2);
});

test('broken JSON around the cursor: missing commas, missing colons, unterminated strings', () => {
  const text =
    '{"Records":[{"eventVersion": "1.08" "eventSource": "kms.amazonaws.com", "eventName" "Decrypt", "userAgent": "aws-cli/2\n, "readOnly": true}]}';
  assert.equal(explain(text, text.indexOf('"eventSource"') + 1)?.title, 'eventSource — The service that received the request');
  assert.equal(explain(text, text.indexOf('"Decrypt"') + 1)?.title, 'eventName — The API action');
  assert.equal(explain(text, text.indexOf('"readOnly"') + 1)?.title, 'readOnly — Read-only operation or not');
});

test('JSON that is not CloudTrail returns undefined at every offset', () => {
  const samples = [
    JSON.stringify({ name: 'pkg', version: '1.0.0', dependencies: { a: '^1' } }, null, 2),
    JSON.stringify({ Records: [{ a: 1, b: [1, 2] }] }),
    JSON.stringify([1, 2, { x: 'y' }]),
    '"just a string"',
    '42',
    'plain text, not JSON at all',
    '',
  ];
  for (const text of samples) {
    const index = buildRecordIndex(text);
    for (let offset = -1; offset <= text.length + 1; offset++) assert.equal(explain(text, offset, index), undefined, `${text} @${offset}`);
    assert.deepEqual(outline(text), []);
  }
  assert.equal(explain(seed('read'), Number.NaN), undefined);
});

const DOC_URL = /^https:\/\/docs\.aws\.amazon\.com\/[A-Za-z0-9/_.#-]+$/;

/** Log text may only reach links as typed fields (bucket, key, ARN) for the renderer to validate; never as a URL. */
function assertSafeLinks(links: ExplainLink[]): void {
  for (const link of links) {
    assert.ok(['trail', 's3Object', 's3Prefix', 'kmsKey', 'doc', 'findEvents'].includes(link.kind), JSON.stringify(link));
    // A search link carries only a value the click handler accepts again, never free log text.
    if (link.kind === 'findEvents') assert.deepEqual(findEventsTarget(link), link);
    if (link.kind === 'doc') {
      assert.match(link.url, DOC_URL);
      assert.ok(!link.title.includes('command:') && !link.title.includes('<'), link.title);
    }
    if (link.kind === 'trail') assert.match(link.arn, /^arn:aws[a-z-]*:cloudtrail:/);
    if (link.kind === 'kmsKey' && link.arn) assert.match(link.arn, /^arn:aws[a-z-]*:kms:/);
  }
}

test('Markdown and command: links in values come back as plain text, never as links', () => {
  const evil = '[open](command:workbench.action.terminal.new?%22rm%20-rf%22)';
  const html = '<img src=x onerror=alert(1)>';
  const event = JSON.parse(seed('read')) as {
    userAgent: string;
    errorCode: string;
    userIdentity: { invokedBy: string };
    requestParameters: { encryptionContext: Record<string, string> };
  };
  event.userAgent = evil;
  event.errorCode = evil;
  event.requestParameters.encryptionContext[evil] = html;
  event.requestParameters.encryptionContext['aws:s3:arn'] = `arn:aws:s3:::bucket/${evil}`;
  event.userIdentity.invokedBy = html;
  const text = JSON.stringify(event, null, 2);
  const index = buildRecordIndex(text);
  for (let offset = 0; offset < text.length; offset += 3) {
    const explanation = explain(text, offset, index);
    if (explanation) assertSafeLinks(explanation.links);
  }
  const onKey = explain(text, text.indexOf(`${JSON.stringify(evil)}:`) + 1, index);
  assert.equal(onKey?.title, `requestParameters.encryptionContext.${evil} — Encryption context pair chosen by the caller`);
  const story = explain(text, text.indexOf('"Decrypt"') + 1, index)?.sections.find((s) => s.heading === 'What happened')?.text ?? '';
  assert.ok(story.includes(`KMS answered ${evil}`), story);
  const agent = explain(text, text.indexOf('"userAgent"') + 1, index);
  assert.equal(agent?.title, 'userAgent — The client that made the request');
  for (const entry of explainEveryKey(text, index)) assertSafeLinks(entry.links);
});

test('deeply nested values (100k [) neither overflow the stack nor throw', () => {
  const depth = 100_000;
  const closed = `{"Records":[{"eventVersion":"1.08","eventSource":"x.amazonaws.com","eventName":"X","requestParameters":{"deep":${'['.repeat(depth)}${']'.repeat(depth)}}}]}`;
  const open = `{"Records":[{"eventVersion":"1.08","eventSource":"x.amazonaws.com","eventName":"X","requestParameters":{"deep":${'['.repeat(depth)}`;
  for (const text of [closed, open, '['.repeat(depth), '{"a":'.repeat(depth)]) {
    const index = buildRecordIndex(text);
    for (const offset of [1, 20, 60, text.indexOf('"deep"') + 1, Math.floor(text.length / 2), text.length - 1])
      explain(text, offset, index);
    outline(text, index);
    assert.ok(Array.isArray([...explainEveryKey(text, index)]));
  }
  const explanation = explain(closed, closed.indexOf('"deep"') + 1);
  assert.equal(explanation?.title, 'requestParameters.deep — request parameter of x.amazonaws.com X');
  const inside = explain(closed, closed.indexOf('"deep"') + 5000);
  assert.deepEqual(inside?.path.slice(0, 4), ['Records', 0, 'requestParameters', 'deep']);
  assert.ok((inside?.path.length ?? 0) > 4000);
  assert.ok((inside?.title.length ?? 1000) < 200, 'a deep path is shortened in the title');
  assert.match(inside?.title ?? '', /levels\)/);
});
