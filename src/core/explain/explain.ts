/** explain(text, offset): what the key or value under the cursor means, using the record index and the knowledge base. */
import { describe } from './describe';
import { decodeEmbedded, toInnerOffset, toOuterRange, type EmbeddedText } from './embedded';
import { locate, parseTree, toValue, type JsonNode, type Location } from './jsonTree';
import { CONTAINER_FIELDS } from './knowledge/recordFields';
import { own, type DocRef } from './knowledge/types';
import { capBody, shownValue } from './limits';
import { buildRecordIndex, recordAt, type RecordIndex } from './recordIndex';
import { resolveLookupPath, type Path } from './resolve';
import type { ExplainLink, ExplainSection, Explanation, TextRange } from './types';

export { describe, keyLocation, versionBefore } from './describe';

type Json = Record<string, unknown>;

const EVENT_KEYS = ['eventVersion', 'eventSource', 'eventName', 'userIdentity', 'eventID', 'eventType', 'eventTime'];

/** True when a parsed record looks like a CloudTrail event (at least two typical top-level keys). */
export function isEventNode(node: JsonNode | undefined): boolean {
  if (!node || node.kind !== 'object') return false;
  let hits = 0;
  for (const prop of node.props) if (EVENT_KEYS.includes(prop.key) && ++hits >= 2) return true;
  return false;
}

function indexFor(text: string, index: RecordIndex | undefined): RecordIndex {
  return index && index.textLength === text.length ? index : buildRecordIndex(text);
}

/** Path from the document root to record i. */
export function recordPrefix(index: RecordIndex, i: number): Path {
  switch (index.kind) {
    case 'records':
      return ['Records', i];
    case 'lookupEvents':
      return ['Events', i];
    case 'array':
      return [i];
    default:
      return [];
  }
}

export function explain(text: string, offset: number, index?: RecordIndex): Explanation | undefined {
  try {
    return explainUnsafe(text, offset, index);
  } catch {
    return undefined; // a hover must never throw; unexpected shapes explain nothing
  }
}

function explainUnsafe(text: string, offset: number, given?: RecordIndex): Explanation | undefined {
  if (!Number.isInteger(offset) || offset < 0 || offset >= text.length) return undefined;
  const index = indexFor(text, given);
  if (index.kind === 'none') return undefined;
  const i = recordAt(index, offset);
  if (i < 0) return explainContainerKey(text, offset, index);
  const root = parseTree(text, index.starts[i], index.ends[i]);
  if (!root) return undefined;
  const prefix = recordPrefix(index, i);

  if (index.kind === 'lookupEvents') return explainLookupElement(text, offset, root, prefix);
  if (!isEventNode(root)) return undefined;
  const location = locate(root, offset);
  if (!location) return undefined;
  const body = describe(location.path, location, toValue(root) as Json);
  if (!body) return undefined;
  return { range: location.range, path: [...prefix, ...location.path], ...body };
}

function explainContainerKey(text: string, offset: number, index: RecordIndex): Explanation | undefined {
  const range = index.containerKeyRange;
  const key = index.containerKey;
  if (!range || !key || offset < range.start || offset >= range.end) return undefined;
  if (index.count > 0) {
    const first = parseTree(text, index.starts[0], index.ends[0]);
    const looksRight = index.kind === 'lookupEvents' ? first?.kind === 'object' : isEventNode(first);
    if (!looksRight) return undefined;
  }
  const doc = own(CONTAINER_FIELDS, key);
  if (!doc) return undefined;
  return {
    range: { ...range },
    path: [key],
    title: `${key} — ${doc.title}`,
    sections: [{ text: doc.meaning }],
    links: [docLink(doc.doc)],
    specific: true,
  };
}

function explainLookupElement(text: string, offset: number, element: JsonNode, prefix: Path): Explanation | undefined {
  if (element.kind !== 'object') return undefined;
  const location = locate(element, offset);
  if (!location) return undefined;
  const top = location.path[0];
  const eventProp = element.props.find((prop) => prop.key === 'CloudTrailEvent');
  const literal = eventProp?.value;
  const insideLiteral =
    top === 'CloudTrailEvent' &&
    !location.onKey &&
    literal !== undefined &&
    (literal.kind === 'string' || literal.kind === 'invalid') &&
    offset > literal.start &&
    offset < literal.end - 1;
  if (insideLiteral && literal) {
    const embedded = decodeEmbedded(text, literal.start, literal.end);
    const inner = explainEmbedded(embedded, toInnerOffset(embedded, offset));
    if (inner) return { ...inner, path: [...prefix, 'CloudTrailEvent', ...inner.path] };
  }
  const resolved = resolveLookupPath(location.path);
  if (!resolved) return undefined;
  const sections: ExplainSection[] = [{ text: resolved.doc.meaning }, { heading: 'Type', text: resolved.doc.type }];
  const value = scalarText(location);
  const values = resolved.doc.values;
  if (value !== undefined && values) {
    sections.push({
      heading: `Value ${shownValue(value)}`,
      text: own(values, value) ?? `This explorer does not know the value ${shownValue(value)}.`,
    });
  }
  return capBody({
    range: location.range,
    path: [...prefix, ...location.path],
    title: `${resolved.name} — ${resolved.doc.title}`,
    sections,
    links: [docLink(resolved.doc.doc)],
    specific: true,
  });
}

/** Explains the decoded CloudTrailEvent string at a decoded offset; ranges are mapped back to the outer text. */
function explainEmbedded(embedded: EmbeddedText, innerOffset: number): Explanation | undefined {
  const root = parseTree(embedded.text);
  if (!root || !isEventNode(root)) return undefined;
  const location = locate(root, innerOffset);
  if (!location) return undefined;
  const body = describe(location.path, location, toValue(root) as Json);
  if (!body) return undefined;
  return { range: toOuterRange(embedded, location.range.start, location.range.end), path: location.path, ...body };
}

function scalarText(location: Pick<Location, 'onKey' | 'node'>): string | undefined {
  if (location.onKey) return undefined;
  const node = location.node;
  if (!node || node.kind === 'object' || node.kind === 'array') return undefined;
  return String(node.value);
}

function docLink(doc: DocRef): ExplainLink {
  return { kind: 'doc', url: doc.url, title: doc.title };
}

export type { TextRange };
