/** Issue 13 class 1: key links only from key-holding fields, one per key, arguments that the click handler accepts. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildRecordIndex, explain, explainEveryKey, type ExplainLink } from '../../../src/core/explain';
import { parseTree, toValue, type JsonNode } from '../../../src/core/explain/jsonTree';
import { kmsKeyTarget } from '../../../src/core/explain/linkTargets';
import { realFile, realFiles, inside } from './realEvents';

type KeyLink = Extract<ExplainLink, { kind: 'kmsKey' }>;

/** The keys a record names in fields that hold keys, as bare key ids and alias names (computed here, independently). */
function keysOfRecord(record: Record<string, unknown>): Set<string> {
  const keys = new Set<string>();
  const add = (value: unknown): void => {
    if (typeof value !== 'string') return;
    const at = value.lastIndexOf(':');
    const tail = value.startsWith('arn:') ? value.slice(at + 1) : value;
    keys.add(tail.startsWith('key/') ? tail.slice(4) : tail);
  };
  const request = (record.requestParameters ?? {}) as Record<string, unknown>;
  const response = (record.responseElements ?? {}) as Record<string, unknown>;
  for (const name of ['keyId', 'targetKeyId', 'destinationKeyId', 'sourceKeyId', 'aliasName']) add(request[name]);
  add(response.keyId);
  for (const meta of [response.keyMetadata, response.replicaKeyMetadata]) {
    const m = (meta ?? {}) as Record<string, unknown>;
    add(m.arn);
    add(m.keyId);
  }
  for (const resource of Array.isArray(record.resources) ? record.resources : []) {
    const r = (resource ?? {}) as Record<string, unknown>;
    if (r.type === 'AWS::KMS::Key' || (typeof r.ARN === 'string' && r.ARN.includes(':kms:'))) add(r.ARN);
  }
  return keys;
}

function keyName(link: KeyLink): string {
  return link.keyId ?? link.alias ?? '';
}

function scalarOffsets(root: JsonNode): number[] {
  const out: number[] = [];
  const stack: JsonNode[] = [root];
  while (stack.length) {
    const node = stack.pop() as JsonNode;
    if (node.kind === 'object') {
      for (const prop of node.props) if (prop.value) stack.push(prop.value);
    } else if (node.kind === 'array') stack.push(...node.items);
    else out.push(node.start + 1);
  }
  return out;
}

test('on the real events, every key link names a key that a key-holding field of the record names, once per hover, with arguments the click handler accepts', () => {
  let hovers = 0;
  let keyLinks = 0;
  for (const file of realFiles()) {
    const index = buildRecordIndex(file.text);
    for (let r = 0; r < index.count; r++) {
      const root = parseTree(file.text, index.starts[r], index.ends[r]);
      assert.ok(root);
      const record = toValue(root) as Record<string, unknown>;
      const allowed = keysOfRecord(record);
      const offsets = [...scalarOffsets(root)];
      for (const entry of explainEveryKey(file.text, index)) offsets.push(entry.offset + 1);
      for (const offset of offsets) {
        if (offset < index.starts[r] || offset >= index.ends[r]) continue;
        const hover = explain(file.text, offset, index);
        if (!hover) continue;
        hovers++;
        const links = hover.links.filter((l): l is KeyLink => l.kind === 'kmsKey');
        const names = links.map(keyName);
        assert.equal(
          new Set(names).size,
          names.length,
          `${file.name} ${hover.path.join('.')}: the same key linked twice: ${names.join(', ')}`,
        );
        for (const link of links) {
          keyLinks++;
          assert.ok(
            allowed.has(keyName(link)),
            `${file.name} ${hover.path.join('.')}: key link to ${keyName(link)}, which no key field of the record names`,
          );
          assert.doesNotThrow(
            () => kmsKeyTarget(link),
            `${file.name} ${hover.path.join('.')}: the click handler refuses ${JSON.stringify(link)}`,
          );
        }
      }
    }
  }
  assert.ok(hovers > 1500, `only ${hovers} hovers`);
  assert.ok(keyLinks > 100, `only ${keyLinks} key links`);
});

test('request, event and shared event IDs are UUIDs, not keys: hovering them offers no key link', () => {
  const text = realFile('kms-developer-guide/services-dynamodb-generatedatakey.json');
  for (const field of ['"requestID"', '"eventID"', '"sharedEventID"']) {
    for (const offset of [inside(text, field), text.indexOf('"', text.indexOf(':', text.indexOf(field))) + 1]) {
      const hover = explain(text, offset);
      assert.ok(hover, field);
      assert.deepEqual(
        hover.links.filter((l) => l.kind === 'kmsKey'),
        [],
        `${field}: ${JSON.stringify(hover.links)}`,
      );
    }
  }
});

test('a bare key id and the key ARN in resources are one key: one link, with the ARN (and its Region) from resources', () => {
  const text = realFile('kms-developer-guide/ct-getkeylastusage.json');
  const hover = explain(text, inside(text, '"1234abcd-12ab-34cd-56ef-1234567890ab"'));
  const keys = hover?.links.filter((l) => l.kind === 'kmsKey') ?? [];
  assert.deepEqual(keys, [
    {
      kind: 'kmsKey',
      arn: 'arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
      keyId: '1234abcd-12ab-34cd-56ef-1234567890ab',
      region: 'us-west-2',
      account: '111122223333',
    },
  ]);
});

test('an alias that is not a valid alias name gets no key link (the click handler would refuse it)', () => {
  const event = JSON.parse(realFile('kms-developer-guide/services-dynamodb-generatedatakey.json')) as Record<
    string,
    Record<string, unknown>
  >;
  event.requestParameters.keyId = 'arn:aws:kms:us-west-2:111122223333:alias/has space';
  const text = JSON.stringify(event, null, 2);
  const hover = explain(text, inside(text, '"arn:aws:kms:us-west-2:111122223333:alias/has space"'));
  assert.ok(hover);
  assert.ok(!hover.links.some((l) => l.kind === 'kmsKey' && l.alias), JSON.stringify(hover.links));
});
