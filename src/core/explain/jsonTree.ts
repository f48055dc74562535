/**
 * A tolerant JSON parser that keeps offsets, for one record at a time.
 * Iterative (an explicit stack), so 100k nested `[` cannot overflow the call stack; never throws.
 * Broken input yields the best tree it can: a missing comma or colon is assumed, an unterminated
 * string ends at the line end, unclosed containers end where the parsed span ends.
 */

export type JsonNode = JsonObject | JsonArray | JsonScalar;

export interface JsonObject {
  kind: 'object';
  start: number;
  end: number;
  props: JsonProp[];
}
export interface JsonArray {
  kind: 'array';
  start: number;
  end: number;
  items: JsonNode[];
}
export interface JsonScalar {
  kind: 'string' | 'number' | 'boolean' | 'null' | 'invalid';
  start: number;
  end: number;
  value: string | number | boolean | null;
}
export interface JsonProp {
  key: string;
  keyStart: number;
  keyEnd: number;
  value?: JsonNode;
}

const enum Ch {
  Tab = 9,
  Lf = 10,
  Cr = 13,
  Space = 32,
  Quote = 34,
  Comma = 44,
  Colon = 58,
  OpenBracket = 91,
  Backslash = 92,
  CloseBracket = 93,
  OpenBrace = 123,
  CloseBrace = 125,
}

interface Frame {
  node: JsonObject | JsonArray;
  /** object: 'key' → 'colon' → 'value' → 'next'; array: 'value' → 'next'. */
  state: 'key' | 'colon' | 'value' | 'next';
  prop?: JsonProp;
}

function isWhitespace(c: number): boolean {
  return c === Ch.Space || c === Ch.Lf || c === Ch.Cr || c === Ch.Tab || c === 0xfeff;
}

/** End (exclusive, after the closing quote) of the string starting at `start`; stops at a raw line break. */
export function stringEnd(text: string, start: number, limit: number): { end: number; closed: boolean } {
  for (let i = start + 1; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === Ch.Quote) return { end: i + 1, closed: true };
    if (c === Ch.Backslash) i++;
    else if (c === Ch.Lf || c === Ch.Cr) return { end: i, closed: false };
  }
  return { end: limit, closed: false };
}

/** Decodes the JSON string literal text[start, end) (quotes included when present). */
export function decodeString(text: string, start: number, end: number, closed: boolean): string {
  const inner = text.slice(start + 1, closed ? end - 1 : end);
  if (inner.indexOf('\\') === -1) return inner;
  try {
    return JSON.parse(`"${inner}"`) as string;
  } catch {
    return inner.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_m, e: string) => {
      if (e.length === 5) return String.fromCharCode(parseInt(e.slice(1), 16));
      return ({ n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' } as Record<string, string>)[e] ?? e;
    });
  }
}

function isTokenChar(c: number): boolean {
  return !(
    isWhitespace(c) ||
    c === Ch.Comma ||
    c === Ch.Colon ||
    c === Ch.Quote ||
    c === Ch.OpenBrace ||
    c === Ch.CloseBrace ||
    c === Ch.OpenBracket ||
    c === Ch.CloseBracket
  );
}

function scalarToken(text: string, start: number, limit: number): JsonScalar {
  let end = start;
  while (end < limit && isTokenChar(text.charCodeAt(end))) end++;
  if (end === start) end = start + 1;
  const token = text.slice(start, end);
  if (token === 'true' || token === 'false') return { kind: 'boolean', start, end, value: token === 'true' };
  if (token === 'null') return { kind: 'null', start, end, value: null };
  if (/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(token)) return { kind: 'number', start, end, value: Number(token) };
  return { kind: 'invalid', start, end, value: token };
}

/** Parses the first JSON value in text[start, limit). Undefined when there is none. */
export function parseTree(text: string, start = 0, limit = text.length): JsonNode | undefined {
  let root: JsonNode | undefined;
  const stack: Frame[] = [];
  let i = start;

  const attach = (node: JsonNode): void => {
    const top = stack[stack.length - 1];
    if (!top) {
      root = node;
      return;
    }
    if (top.node.kind === 'array') top.node.items.push(node);
    else if (top.prop) top.prop.value = node;
    top.state = 'next';
  };
  const close = (end: number): void => {
    const frame = stack.pop();
    if (!frame) return;
    frame.node.end = end;
  };

  while (i < limit) {
    const c = text.charCodeAt(i);
    if (isWhitespace(c)) {
      i++;
      continue;
    }
    const top = stack[stack.length - 1];
    if (!top && root) break;

    if (c === Ch.CloseBrace || c === Ch.CloseBracket) {
      if (!top) {
        i++;
        continue;
      }
      const matches = (c === Ch.CloseBrace) === (top.node.kind === 'object');
      close(matches ? i + 1 : i);
      if (matches) i++;
      if (stack.length === 0) break;
      continue;
    }
    if (c === Ch.Comma) {
      if (top) top.state = top.node.kind === 'object' ? 'key' : 'value';
      i++;
      continue;
    }

    if (top && top.node.kind === 'object') {
      if (top.state === 'key' || top.state === 'next') {
        if (c === Ch.Quote) {
          const { end, closed } = stringEnd(text, i, limit);
          const prop: JsonProp = { key: decodeString(text, i, end, closed), keyStart: i, keyEnd: end };
          top.node.props.push(prop);
          top.prop = prop;
          top.state = 'colon';
          i = end;
          continue;
        }
        if (c === Ch.Colon) {
          top.state = 'value';
          i++;
          continue;
        }
        // A value where a key belongs (e.g. a missing key): read it as an anonymous property's value.
        if (top.state === 'next' || top.state === 'key') {
          const prop: JsonProp = { key: '', keyStart: i, keyEnd: i };
          top.node.props.push(prop);
          top.prop = prop;
          top.state = 'value';
          continue;
        }
      }
      if (top.state === 'colon') {
        top.state = 'value';
        if (c === Ch.Colon) {
          i++;
          continue;
        }
      }
    } else if (top && top.state === 'next') {
      top.state = 'value'; // a missing comma between array items
    }

    // A value.
    if (c === Ch.OpenBrace || c === Ch.OpenBracket) {
      const node: JsonObject | JsonArray =
        c === Ch.OpenBrace ? { kind: 'object', start: i, end: limit, props: [] } : { kind: 'array', start: i, end: limit, items: [] };
      attach(node);
      stack.push({ node, state: node.kind === 'object' ? 'key' : 'value' });
      i++;
      continue;
    }
    if (c === Ch.Colon) {
      i++;
      continue;
    }
    let scalar: JsonScalar;
    if (c === Ch.Quote) {
      const { end, closed } = stringEnd(text, i, limit);
      scalar = { kind: closed ? 'string' : 'invalid', start: i, end, value: decodeString(text, i, end, closed) };
    } else {
      scalar = scalarToken(text, i, limit);
    }
    attach(scalar);
    i = scalar.end;
    if (stack.length === 0) break;
  }
  while (stack.length > 0) close(limit);
  return root;
}

export interface Location {
  /** Keys and indexes from the parsed root to the node under the offset. */
  path: (string | number)[];
  /** Containers from the root down to (not including) the target. */
  ancestors: (JsonObject | JsonArray)[];
  /** The property whose key or value is under the offset (undefined for array items and the root). */
  prop?: JsonProp;
  onKey: boolean;
  /** The value node under the offset (undefined when the cursor is on a key without a value). */
  node?: JsonNode;
  range: { start: number; end: number };
}

/**
 * Finds the innermost key or value under `offset` (start <= offset < end).
 * Undefined when the offset is on punctuation or whitespace only of the root.
 */
export function locate(root: JsonNode, offset: number): Location | undefined {
  if (offset < root.start || offset >= root.end) return undefined;
  const path: (string | number)[] = [];
  const ancestors: (JsonObject | JsonArray)[] = [];
  let current: JsonNode = root;
  let prop: JsonProp | undefined;
  for (;;) {
    if (current.kind === 'object') {
      const found = findProp(current.props, offset);
      if (!found) break;
      if (offset >= found.keyStart && offset < found.keyEnd) {
        ancestors.push(current);
        path.push(found.key);
        return { path, ancestors, prop: found, onKey: true, node: found.value, range: { start: found.keyStart, end: found.keyEnd } };
      }
      const value = found.value;
      if (!value || offset < value.start || offset >= value.end) break;
      ancestors.push(current);
      path.push(found.key);
      prop = found;
      current = value;
      continue;
    }
    if (current.kind === 'array') {
      const index = findItem(current.items, offset);
      if (index < 0) break;
      ancestors.push(current);
      path.push(index);
      prop = undefined;
      current = current.items[index];
      continue;
    }
    break;
  }
  if (current === root && current.kind !== 'object' && current.kind !== 'array') {
    return { path, ancestors, onKey: false, node: current, range: { start: current.start, end: current.end } };
  }
  if (current === root) return undefined;
  return { path, ancestors, prop, onKey: false, node: current, range: { start: current.start, end: current.end } };
}

function findProp(props: JsonProp[], offset: number): JsonProp | undefined {
  // Properties are in text order: binary search for the last one starting at or before offset.
  let lo = 0;
  let hi = props.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (props[mid].keyStart <= offset) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (best < 0) return undefined;
  const prop = props[best];
  const end = prop.value ? prop.value.end : prop.keyEnd;
  return offset < end ? prop : undefined;
}

function findItem(items: JsonNode[], offset: number): number {
  let lo = 0;
  let hi = items.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const item = items[mid];
    if (offset < item.start) hi = mid - 1;
    else if (offset >= item.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** Plain JS value of a node, down to `maxDepth` levels (deeper containers become undefined). */
export function toValue(node: JsonNode | undefined, maxDepth = 32): unknown {
  if (!node) return undefined;
  if (node.kind === 'object') {
    if (maxDepth <= 0) return undefined;
    const out: Record<string, unknown> = {};
    for (const prop of node.props) {
      if (prop.key === '__proto__') continue;
      out[prop.key] = toValue(prop.value, maxDepth - 1);
    }
    return out;
  }
  if (node.kind === 'array') {
    if (maxDepth <= 0) return undefined;
    return node.items.map((item) => toValue(item, maxDepth - 1));
  }
  return node.value;
}

/** The value of `key` directly inside an object node. */
export function propValue(node: JsonNode | undefined, key: string): JsonNode | undefined {
  if (!node || node.kind !== 'object') return undefined;
  for (const prop of node.props) if (prop.key === key) return prop.value;
  return undefined;
}
