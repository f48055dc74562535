import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildRecordIndex, explain, outline } from '../../src/core/explain';
import { EXTENSION_SYNC_LIMIT, layoutForEditor, utf16Length } from '../../src/core/logs/editorLayout';
import { prettyPrintJsonBytes } from '../../src/core/logs/pretty';
import { corpusFiles } from './explain/corpus';

/** A log file of the corpus's records, stored compactly as CloudTrail writes it. */
function corpusLog(): { json: Buffer; records: unknown[] } {
  const records: unknown[] = [];
  for (const file of corpusFiles()) {
    const parsed = JSON.parse(file.text) as { Records?: unknown[] };
    if (Array.isArray(parsed.Records)) records.push(...parsed.Records);
    else if (parsed && typeof parsed === 'object' && 'eventName' in parsed) records.push(parsed);
  }
  assert.ok(records.length > 20, `only ${records.length} corpus records`);
  return { json: Buffer.from(JSON.stringify({ Records: records })), records };
}

const print = (json: Uint8Array, lineDepth?: number): string =>
  prettyPrintJsonBytes(json, lineDepth === undefined ? {} : { lineDepth }).toString('utf8');

test('lineDepth 2 puts every record of a log compactly on its own line, the same JSON', () => {
  const { json, records } = corpusLog();
  const text = print(json, 2);
  assert.deepEqual(JSON.parse(text), JSON.parse(json.toString('utf8')));
  const lines = text.split('\n');
  assert.equal(lines[0], '{');
  assert.equal(lines[1], '  "Records": [');
  assert.deepEqual(lines.slice(-2), ['  ]', '}']);
  const recordLines = lines.slice(2, -2);
  assert.equal(recordLines.length, records.length);
  recordLines.forEach((line, i) => {
    assert.ok(line.startsWith('    {'), `line ${i + 3}: ${line.slice(0, 40)}`);
    // Compact as JSON.stringify writes it (the corpus has no number spelled otherwise).
    assert.equal(line.slice(4).replace(/,$/, ''), JSON.stringify(records[i]), `record ${i}`);
  });
  // About the stored size, where indenting every level makes it a third larger or more.
  assert.ok(text.length < json.length * 1.01, `${text.length} vs stored ${json.length}`);
  assert.ok(print(json).length > json.length * 1.25);
});

test('lineDepth: empty containers, nesting at the edge, and the default unchanged', () => {
  const json = Buffer.from('{"a":[],"Records":[{},{"x":[1,{"y":{}}],"z":"s"}],"b":{"c":{"d":1}}}');
  assert.equal(
    print(json, 2),
    '{\n  "a": [],\n  "Records": [\n    {},\n    {"x":[1,{"y":{}}],"z":"s"}\n  ],\n  "b": {\n    "c": {"d":1}\n  }\n}',
  );
  assert.equal(print(json, 0), '{"a":[],"Records":[{},{"x":[1,{"y":{}}],"z":"s"}],"b":{"c":{"d":1}}}');
  assert.equal(print(json), JSON.stringify(JSON.parse(json.toString()), null, 2));
  assert.equal(print(json, 99), JSON.stringify(JSON.parse(json.toString()), null, 2));
});

test('hovers and the outline find the same things one record per line as indented', () => {
  const { json, records } = corpusLog();
  const indented = print(json);
  const lines = print(json, 2);
  const indexed = buildRecordIndex(lines);
  assert.equal(indexed.kind, 'records');
  assert.equal(indexed.count, records.length);
  assert.deepEqual(
    outline(lines).map((e) => e.label),
    outline(indented).map((e) => e.label),
  );
  let compared = 0;
  for (const needle of ['"eventSource"', '"kms.amazonaws.com"', '"encryptionContext"', '"userIdentity"', '"AssumedRole"', '"eventName"']) {
    for (let from = 0, seen = 0; seen < 3; seen++) {
      const a = indented.indexOf(needle, from);
      if (a < 0) break;
      // The same occurrence in the other layout: count occurrences before it.
      const nth = indented.slice(0, a).split(needle).length - 1;
      let b = -1;
      for (let k = 0; k <= nth; k++) b = lines.indexOf(needle, b + 1);
      const inIndented = explain(indented, a + 2);
      const inLines = explain(lines, b + 2, indexed);
      assert.ok(inIndented, `no explanation of ${needle} in the indented text`);
      assert.ok(inLines, `no explanation of ${needle} one record per line`);
      assert.deepEqual({ title: inLines.title, path: inLines.path }, { title: inIndented.title, path: inIndented.path });
      assert.equal(lines.slice(inLines.range.start, inLines.range.end), indented.slice(inIndented.range.start, inIndented.range.end));
      compared++;
      from = a + 1;
    }
  }
  assert.ok(compared >= 12, `compared ${compared}`);
});

test('utf16Length counts what string.length counts, from the UTF-8 bytes', () => {
  for (const text of ['', 'abc', 'é', 'Zürich 東京 😀 a', '𝔸𝔹', '"\\u00e9" \u2028']) {
    assert.equal(utf16Length(Buffer.from(text, 'utf8')), text.length, text);
  }
});

test('layoutForEditor: indented when it fits, one record per line when only that fits, else too large', () => {
  const { json } = corpusLog();
  const indented = prettyPrintJsonBytes(json);
  const lines = prettyPrintJsonBytes(json, { lineDepth: 2 });
  let storedCalls = 0;
  const stored = () => (storedCalls++, json);

  const fits = layoutForEditor(indented, stored, indented.length);
  assert.equal(fits.kind, 'asGiven');
  assert.equal(fits.bytes, indented);
  assert.equal(storedCalls, 0, 'the stored bytes are not inflated again when the indented text fits');

  const perLine = layoutForEditor(indented, stored, indented.length - 1);
  assert.equal(perLine.kind, 'recordPerLine');
  assert.ok(Buffer.from(perLine.bytes).equals(lines));
  assert.equal(perLine.chars, lines.length);
  assert.equal(perLine.indentedChars, indented.length);

  const tooLarge = layoutForEditor(indented, stored, lines.length - 1);
  assert.equal(tooLarge.kind, 'tooLarge');
  assert.ok(Buffer.from(tooLarge.bytes).equals(lines), 'the most readable text the editor can still show');

  // Not JSON (no indented text): the stored bytes, too large or not.
  const notJson = Buffer.from('not json at all');
  assert.equal(layoutForEditor(undefined, () => notJson, 100).kind, 'asGiven');
  assert.equal(layoutForEditor(undefined, () => notJson, 10).kind, 'tooLarge');
  assert.equal(EXTENSION_SYNC_LIMIT, 50 * 1024 * 1024);
});

test('layoutForEditor counts characters as VS Code does, not bytes', () => {
  // 3 bytes but one UTF-16 unit per character: over the limit in bytes, within it in characters.
  const json = Buffer.from(JSON.stringify({ Records: [{ eventName: 'Decrypt', userAgent: '東'.repeat(300) }] }), 'utf8');
  const indented = prettyPrintJsonBytes(json);
  const chars = indented.toString('utf8').length;
  assert.ok(indented.length > chars + 500);
  assert.equal(layoutForEditor(indented, () => json, chars).kind, 'asGiven');
  assert.equal(layoutForEditor(indented, () => json, chars - 1).kind, 'recordPerLine');
});
