/** `Records[0].userIdentity.type` → the offset of that key (or array item) in the text, for `cli explain --path`. */
import { decodeEmbedded, toOuterRange } from './embedded';
import { parseTree, type JsonNode, type JsonProp } from './jsonTree';
import { buildRecordIndex, type RecordIndex } from './recordIndex';

export type PathSegment = string | number;

/** Parses `a.b[0].c` and `a["x.y"]`; undefined when the syntax is wrong. */
export function parsePath(text: string): PathSegment[] | undefined {
  const out: PathSegment[] = [];
  const re = /\s*(?:\.?([A-Za-z_$][\w$:-]*)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\])/y;
  let at = 0;
  while (at < text.length) {
    re.lastIndex = at;
    const match = re.exec(text);
    if (!match || match[0].length === 0) return undefined;
    if (at === 0 && match[0].startsWith('.')) return undefined;
    if (match[1] !== undefined) out.push(match[1]);
    else if (match[2] !== undefined) out.push(Number(match[2]));
    else out.push(JSON.parse(`"${match[3]}"`) as string);
    at = re.lastIndex;
  }
  return out.length > 0 ? out : undefined;
}

function descend(root: JsonNode, path: PathSegment[]): { start: number; end: number; node?: JsonNode } | undefined {
  let node: JsonNode | undefined = root;
  let range: { start: number; end: number } | undefined;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    if (!node) return undefined;
    if (typeof segment === 'number') {
      if (node.kind !== 'array' || segment >= node.items.length) return undefined;
      node = node.items[segment];
      range = { start: node.start, end: node.end };
    } else {
      if (node.kind !== 'object') return undefined;
      const prop: JsonProp | undefined = node.props.find((p) => p.key === segment);
      if (!prop) return undefined;
      range = { start: prop.keyStart, end: prop.keyEnd };
      node = prop.value;
    }
  }
  return range ? { ...range, node } : undefined;
}

/** Offset of the key (or item) the path names, or undefined when the document has no such thing. */
export function offsetOfPath(text: string, path: PathSegment[], index: RecordIndex = buildRecordIndex(text)): number | undefined {
  let rest = path;
  let record = 0;
  if (index.kind === 'records' || index.kind === 'lookupEvents') {
    if (path[0] !== index.containerKey) return undefined;
    if (path.length === 1) return index.containerKeyRange?.start;
    if (typeof path[1] !== 'number') return undefined;
    record = path[1];
    rest = path.slice(2);
  } else if (index.kind === 'array') {
    if (typeof path[0] !== 'number') return undefined;
    record = path[0];
    rest = path.slice(1);
  }
  if (record >= index.count) return undefined;
  const root = parseTree(text, index.starts[record], index.ends[record]);
  if (!root) return undefined;
  if (rest.length === 0) return root.start;
  if (index.kind === 'lookupEvents' && rest[0] === 'CloudTrailEvent' && rest.length > 1) {
    const literal = descend(root, ['CloudTrailEvent'])?.node;
    if (!literal || literal.kind !== 'string') return undefined;
    const embedded = decodeEmbedded(text, literal.start, literal.end);
    const inner = parseTree(embedded.text);
    const found = inner ? descend(inner, rest.slice(1)) : undefined;
    return found ? toOuterRange(embedded, found.start, found.end).start : undefined;
  }
  return descend(root, rest)?.start;
}
