import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildRecordIndex, explain, explainEveryKey } from '../../../src/core/explain';
import { parseTree, type JsonNode, type JsonScalar } from '../../../src/core/explain/jsonTree';
import { resolveRecordPath } from '../../../src/core/explain/resolve';
import { corpusFiles } from './corpus';

const files = corpusFiles();

test('the corpus is there (a test over nothing proves nothing)', () => {
  assert.ok(files.length >= 80, `only ${files.length} corpus files`);
});

test('every object key of every corpus record has an explanation with a title', () => {
  let keys = 0;
  for (const file of files) {
    for (const entry of explainEveryKey(file.text)) {
      keys++;
      assert.ok(entry.title, `${file.name}: no explanation for ${JSON.stringify(entry.path)}`);
      assert.ok(
        entry.sections.length > 0 && entry.sections[0].text.length > 20,
        `${file.name}: empty text for ${JSON.stringify(entry.path)}`,
      );
      assert.ok(
        entry.links.some((link) => link.kind === 'doc' && link.url.startsWith('https://docs.aws.amazon.com/')),
        `${file.name}: no AWS doc link for ${JSON.stringify(entry.path)}`,
      );
    }
  }
  assert.ok(keys > 2000, `only ${keys} keys`);
});

test('hovering each key gives the same explanation as the enumerator, with the key as range', () => {
  for (const file of files.slice(0, 30)) {
    const index = buildRecordIndex(file.text);
    for (const entry of explainEveryKey(file.text, index)) {
      const hover = explain(file.text, entry.offset + 1, index);
      assert.ok(hover, `${file.name}: no hover at ${JSON.stringify(entry.path)}`);
      assert.equal(hover.title, entry.title);
      assert.deepEqual(hover.path, entry.path);
      assert.equal(hover.range.start, entry.offset);
    }
  }
});

interface NodeAt {
  path: (string | number)[];
  node: JsonNode;
}
interface ScalarAt {
  path: (string | number)[];
  node: JsonScalar;
}

function scalars(root: JsonNode): ScalarAt[] {
  const out: ScalarAt[] = [];
  const stack: NodeAt[] = [{ path: [], node: root }];
  while (stack.length) {
    const { path, node } = stack.pop() as NodeAt;
    if (node.kind === 'object')
      for (const prop of node.props) {
        if (prop.value) stack.push({ path: [...path, prop.key], node: prop.value });
      }
    else if (node.kind === 'array') node.items.forEach((item, i) => stack.push({ path: [...path, i], node: item }));
    else out.push({ path, node });
  }
  return out;
}

test('every enumerated value in the corpus has a value explanation', () => {
  let checked = 0;
  for (const file of files) {
    const index = buildRecordIndex(file.text);
    for (let r = 0; r < index.count; r++) {
      const root = parseTree(file.text, index.starts[r], index.ends[r]);
      assert.ok(root);
      const record = JSON.parse(file.text.slice(index.starts[r], index.ends[r])) as { eventSource?: string; eventName?: string };
      for (const { path, node } of scalars(root)) {
        const resolved = resolveRecordPath(path, record);
        if (!resolved?.doc.values || resolved.item) continue;
        checked++;
        const hover = explain(file.text, node.start + 1, index);
        assert.ok(hover, `${file.name}: no hover on value of ${path.join('.')}`);
        const section = hover.sections.find((s) => s.heading === `Value ${String(node.value)}`);
        assert.ok(section, `${file.name}: no value section for ${path.join('.')} = ${String(node.value)}`);
        assert.doesNotMatch(section.text, /does not know/, `${file.name}: ${path.join('.')} = ${String(node.value)} unexplained`);
      }
    }
  }
  assert.ok(checked > 300, `only ${checked} enumerated values checked`);
});

test('every encryption-context key in the corpus has an explanation of who sets it', () => {
  const seen = new Set<string>();
  for (const file of files) {
    for (const entry of explainEveryKey(file.text)) {
      const parent = entry.path[entry.path.length - 2];
      if (typeof parent !== 'string' || !/[eE]ncryptionContext/.test(parent)) continue;
      const key = String(entry.path[entry.path.length - 1]);
      seen.add(key);
      assert.match(entry.title ?? '', /Encryption context (set by|pair chosen by)/, `${file.name}: ${key}`);
      if (key.startsWith('aws:')) assert.match(entry.title ?? '', /set by (Amazon S3|AWS CloudTrail|Amazon EBS)/, key);
    }
  }
  for (const expected of ['aws:s3:arn', 'aws:cloudtrail:arn', 'aws:ebs:id', 'Department']) assert.ok(seen.has(expected), expected);
});
