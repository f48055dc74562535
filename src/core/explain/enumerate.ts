/** Every object key of every record with its explanation (for `cli explain --all` and the corpus tests). */
import { decodeEmbedded, toOuterRange } from './embedded';
import { describe, keyLocation } from './describe';
import { isEventNode, recordPrefix } from './explain';
import { parseTree, toValue, type JsonNode, type JsonProp } from './jsonTree';
import { buildRecordIndex, type RecordIndex } from './recordIndex';
import { resolveLookupPath, type Path } from './resolve';
import type { ExplainLink, ExplainSection } from './types';

export interface KeyExplanation {
  path: Path;
  /** Offset of the key's opening quote in the text. */
  offset: number;
  /** Undefined where nothing is known about the key. */
  title?: string;
  /** False where the text is a generic catch-all (or nothing is known). */
  specific: boolean;
  sections: ExplainSection[];
  links: ExplainLink[];
}

type Json = Record<string, unknown>;

/** Keys nested deeper than this are not listed (a path that long helps nobody, and building it would be quadratic). */
export const MAX_KEY_DEPTH = 256;

interface Frame {
  node: JsonNode;
  path: Path;
}

/** Walks the keys of a parsed record depth-first (iteratively: deep nesting must not overflow the stack). */
function* walkKeys(root: JsonNode): Generator<{ path: Path; prop: JsonProp }> {
  const stack: Frame[] = [{ node: root, path: [] }];
  while (stack.length > 0) {
    const { node, path } = stack.pop() as Frame;
    if (path.length >= MAX_KEY_DEPTH) continue;
    if (node.kind === 'object') {
      const children: Frame[] = [];
      for (const prop of node.props) {
        const propPath = [...path, prop.key];
        yield { path: propPath, prop };
        if (prop.value && (prop.value.kind === 'object' || prop.value.kind === 'array'))
          children.push({ node: prop.value, path: propPath });
      }
      for (let k = children.length - 1; k >= 0; k--) stack.push(children[k]);
    } else if (node.kind === 'array') {
      for (let k = node.items.length - 1; k >= 0; k--) {
        const item = node.items[k];
        if (item.kind === 'object' || item.kind === 'array') stack.push({ node: item, path: [...path, k] });
      }
    }
  }
}

export function* explainEveryKey(text: string, index?: RecordIndex): Generator<KeyExplanation> {
  const idx = index && index.textLength === text.length ? index : buildRecordIndex(text);
  for (let i = 0; i < idx.count; i++) {
    const root = parseTree(text, idx.starts[i], idx.ends[i]);
    if (!root) continue;
    const prefix = recordPrefix(idx, i);
    if (idx.kind === 'lookupEvents') {
      for (const { path, prop } of walkKeys(root)) {
        const resolved = resolveLookupPath(path);
        yield {
          path: [...prefix, ...path],
          offset: prop.keyStart,
          title: resolved ? `${resolved.name} — ${resolved.doc.title}` : undefined,
          specific: resolved !== undefined,
          sections: resolved ? [{ text: resolved.doc.meaning }] : [],
          links: resolved ? [{ kind: 'doc', url: resolved.doc.doc.url, title: resolved.doc.doc.title }] : [],
        };
        if (path.length === 1 && path[0] === 'CloudTrailEvent' && prop.value && prop.value.kind === 'string') {
          const embedded = decodeEmbedded(text, prop.value.start, prop.value.end);
          const inner = parseTree(embedded.text);
          if (!inner || !isEventNode(inner)) continue;
          const record = toValue(inner) as Json;
          for (const entry of walkKeys(inner)) {
            const body = describe(entry.path, keyLocation(entry.prop), record);
            yield {
              path: [...prefix, 'CloudTrailEvent', ...entry.path],
              offset: toOuterRange(embedded, entry.prop.keyStart, entry.prop.keyEnd).start,
              title: body?.title,
              specific: body?.specific ?? false,
              sections: body?.sections ?? [],
              links: body?.links ?? [],
            };
          }
        }
      }
      continue;
    }
    if (!isEventNode(root)) continue;
    const record = toValue(root) as Json;
    for (const { path, prop } of walkKeys(root)) {
      const body = describe(path, keyLocation(prop), record);
      yield {
        path: [...prefix, ...path],
        offset: prop.keyStart,
        title: body?.title,
        specific: body?.specific ?? false,
        sections: body?.sections ?? [],
        links: body?.links ?? [],
      };
    }
  }
}
