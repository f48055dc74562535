/**
 * One pass over a (possibly huge) document that finds the span of every CloudTrail record, so that
 * explain() parses only the record under the cursor. Hand-written for speed: charCodeAt outside
 * strings, indexOf to jump over strings, no allocation per character.
 */

/**
 * - `records`: `{"Records": [ {...}, ... ]}` (a log file); spans are the array's object elements.
 * - `lookupEvents`: `{"Events": [ {..., "CloudTrailEvent": "<json>"}, ... ]}` (LookupEvents output).
 * - `array`: a bare top-level array of events.
 * - `single`: one event object; its span is the whole object.
 * - `none`: no JSON object or array at the start.
 */
export type RecordIndexKind = 'records' | 'lookupEvents' | 'array' | 'single' | 'none';

export interface RecordIndex {
  readonly kind: RecordIndexKind;
  /** Record i spans text[starts[i], ends[i]); ends[i] is the text length for a truncated last record. */
  readonly starts: Int32Array | number[];
  readonly ends: Int32Array | number[];
  readonly count: number;
  /** The wrapper key (`Records` / `Events`) and where its name is in the text, when there is one. */
  readonly containerKey?: string;
  readonly containerKeyRange?: { start: number; end: number };
  /** Length of the text the index was built for (a cheap staleness check). */
  readonly textLength: number;
}

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const COLON = 58;

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 0xfeff;
}

/** Index of the closing quote of the string opening at `open`, or -1 when it never closes. */
function closingQuote(text: string, open: number): number {
  let from = open + 1;
  for (;;) {
    const q = text.indexOf('"', from);
    if (q < 0) return -1;
    let k = q - 1;
    while (k > open && text.charCodeAt(k) === BACKSLASH) k--;
    if (((q - 1 - k) & 1) === 0) return q;
    from = q + 1;
  }
}

class Growable {
  data = new Int32Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }
  done(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}

const CONTAINER_KEYS = new Set(['Records', 'Events']);

export function buildRecordIndex(text: string): RecordIndex {
  const n = text.length;
  let i = 0;
  while (i < n && isSpace(text.charCodeAt(i))) i++;
  const first = i < n ? text.charCodeAt(i) : -1;
  if (first !== OPEN_BRACE && first !== OPEN_BRACKET) {
    return { kind: 'none', starts: [], ends: [], count: 0, textLength: n };
  }

  const starts = new Growable();
  const ends = new Growable();
  const topIsObject = first === OPEN_BRACE;
  // Depth of the array whose object elements are records (1 for a bare array), -1 while unknown.
  let recordsDepth = topIsObject ? -1 : 1;
  let containerKey: string | undefined;
  let containerKeyRange: { start: number; end: number } | undefined;
  let pendingKey: string | undefined;
  let pendingKeyRange: { start: number; end: number } | undefined;
  let topEnd = -1;
  let recordStart = -1;
  let depth = 0;

  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const q = closingQuote(text, i);
      if (q < 0) {
        i = n;
        break;
      }
      if (depth === 1 && topIsObject && recordsDepth === -1 && q - i - 1 <= 8) {
        // A short string at the top level of an object: maybe the key of the records array.
        let j = q + 1;
        while (j < n && isSpace(text.charCodeAt(j))) j++;
        const name = text.slice(i + 1, q);
        if (j < n && text.charCodeAt(j) === COLON && CONTAINER_KEYS.has(name)) {
          pendingKey = name;
          pendingKeyRange = { start: i, end: q + 1 };
        } else if (j < n && text.charCodeAt(j) === COLON) {
          pendingKey = undefined;
        }
      } else if (depth === 1 && topIsObject && recordsDepth === -1) {
        pendingKey = undefined;
      }
      i = q;
      continue;
    }
    if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      depth++;
      if (depth === recordsDepth + 1 && c === OPEN_BRACE && recordStart < 0) recordStart = i;
      else if (depth === 2 && c === OPEN_BRACKET && pendingKey !== undefined && recordsDepth === -1) {
        recordsDepth = 2;
        containerKey = pendingKey;
        containerKeyRange = pendingKeyRange;
      }
      continue;
    }
    if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      if (depth === recordsDepth + 1 && recordStart >= 0) {
        starts.push(recordStart);
        ends.push(i + 1);
        recordStart = -1;
      }
      depth--;
      if (depth === 1 && recordsDepth === 2) pendingKey = undefined;
      if (depth <= 0) {
        topEnd = i + 1;
        break;
      }
      continue;
    }
  }
  if (recordStart >= 0) {
    starts.push(recordStart);
    ends.push(n);
  }

  if (recordsDepth === -1) {
    // A single event object (or some other JSON object): one record, the whole object.
    const start = text.search(/\S/);
    return { kind: 'single', starts: [start], ends: [topEnd > 0 ? topEnd : n], count: 1, textLength: n };
  }
  const kind: RecordIndexKind = !topIsObject ? 'array' : containerKey === 'Events' ? 'lookupEvents' : 'records';
  const s = starts.done();
  return { kind, starts: s, ends: ends.done(), count: s.length, containerKey, containerKeyRange, textLength: n };
}

/** Index of the record whose span contains offset, or -1 (binary search). */
export function recordAt(index: RecordIndex, offset: number): number {
  let lo = 0;
  let hi = index.count - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (offset < index.starts[mid]) hi = mid - 1;
    else if (offset >= index.ends[mid]) lo = mid + 1;
    else return mid;
  }
  return -1;
}
