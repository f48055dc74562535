/**
 * Re-indents JSON with 2 spaces in one pass, the way `JSON.stringify(JSON.parse(text), null, 2)` lays it out,
 * but without building objects: every string and number token is copied verbatim (escapes, big numbers,
 * `1.0` stay as written). Large CloudTrail logs (50 MB) are the reason: no object graph, one output buffer,
 * one decode at the end. Validates as it goes and throws ExplainedError 'NotJson' on invalid input.
 */
import { notJsonError } from './errors';

const enum State {
  Value, // a value must follow (top level, after ':')
  FirstInArray, // after '[': a value or ']'
  FirstInObject, // after '{': a key or '}'
  Key, // after ',' in an object
  Colon, // after a key
  After, // after a value: ',' or a closing bracket
  Element, // after ',' in an array
  Done, // the top-level value is complete
}

const OBJECT = 1;
const ARRAY = 2;

/** Output is written into one small buffer that is decoded into a string piece whenever it fills up. */
const SEGMENT_BYTES = 1 << 20;

function newlineAndIndent(out: Buffer, pos: number, depth: number): number {
  out[pos++] = 10;
  const end = pos + depth * 2;
  if (depth > 8) {
    out.fill(32, pos, end);
    return end;
  }
  while (pos < end) out[pos++] = 32;
  return end;
}

function fail(text: string, at: number, expected: string): never {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  const found = at >= text.length ? 'the end of the text' : `${JSON.stringify(text.charAt(at))}`;
  throw notJsonError(`Expected ${expected} at line ${line}, column ${at - lineStart + 1}, but found ${found}.`);
}

const isHex = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** Index just past the number starting at `start`, or fails. JSON grammar: -?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)? */
function scanNumber(text: string, start: number): number {
  let j = start;
  if (text.charCodeAt(j) === 45) j++;
  const first = text.charCodeAt(j);
  if (first === 48) j++;
  else if (first >= 49 && first <= 57) while (isDigit(text.charCodeAt(j))) j++;
  else fail(text, j, 'a digit');
  if (text.charCodeAt(j) === 46) {
    j++;
    if (!isDigit(text.charCodeAt(j))) fail(text, j, 'a digit after the decimal point');
    while (isDigit(text.charCodeAt(j))) j++;
  }
  const e = text.charCodeAt(j);
  if (e === 101 || e === 69) {
    j++;
    const sign = text.charCodeAt(j);
    if (sign === 43 || sign === 45) j++;
    if (!isDigit(text.charCodeAt(j))) fail(text, j, 'a digit in the exponent');
    while (isDigit(text.charCodeAt(j))) j++;
  }
  return j;
}

/** Checks the escape at `j` (a backslash) and returns the index just past it. */
function escapeEnd(text: string, j: number): number {
  const e = text.charCodeAt(j + 1);
  if (e === 117) {
    if (!(isHex(text.charCodeAt(j + 2)) && isHex(text.charCodeAt(j + 3)) && isHex(text.charCodeAt(j + 4)) && isHex(text.charCodeAt(j + 5)))) {
      fail(text, j, 'four hex digits after \\u');
    }
    return j + 6;
  }
  if (e === 34 || e === 92 || e === 47 || e === 98 || e === 102 || e === 110 || e === 114 || e === 116) return j + 2;
  return fail(text, j, 'a valid escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)');
}

/** Writes the UTF-8 bytes of the character at `j` (>= 0x80, maybe a surrogate pair); returns the new position. */
function writeUtf8(out: Buffer, pos: number, code: number, next: number): number {
  if (code < 0x800) {
    out[pos++] = 0xc0 | (code >> 6);
    out[pos++] = 0x80 | (code & 63);
    return pos;
  }
  if (code >= 0xd800 && code <= 0xdbff && (next & 0xfc00) === 0xdc00) {
    const point = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
    out[pos++] = 0xf0 | (point >> 18);
    out[pos++] = 0x80 | ((point >> 12) & 63);
    out[pos++] = 0x80 | ((point >> 6) & 63);
    out[pos++] = 0x80 | (point & 63);
    return pos;
  }
  if (code >= 0xd800 && code <= 0xdfff) code = 0xfffd; // a lone surrogate cannot be UTF-8: U+FFFD, as TextEncoder does
  out[pos++] = 0xe0 | (code >> 12);
  out[pos++] = 0x80 | ((code >> 6) & 63);
  out[pos++] = 0x80 | (code & 63);
  return pos;
}

export function prettyPrintJson(text: string): string {
  const n = text.length;
  // Pieces are joined with '+', which V8 keeps as a rope: peak memory is the input plus the output, not twice the output.
  let out: Buffer = Buffer.allocUnsafe(Math.min(SEGMENT_BYTES, Math.ceil(n * 1.6) + 1024));
  let pos = 0;
  let result = '';
  let segmentAscii = true;
  const flush = (need: number): void => {
    result += out.toString(segmentAscii ? 'latin1' : 'utf8', 0, pos);
    pos = 0;
    segmentAscii = true;
    if (need > out.length) out = Buffer.allocUnsafe(need + SEGMENT_BYTES);
  };
  let stack = new Uint8Array(64);
  let depth = 0;
  let state: State = State.Value;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // a UTF-8 BOM is tolerated, not copied

  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13 || c === 9) {
      i++;
      continue;
    }
    if (pos + 2 * depth + 16 > out.length) flush(2 * depth + 16);

    if (state === State.After) {
      if (c === 44) {
        out[pos++] = 44;
        pos = newlineAndIndent(out, pos, depth);
        state = stack[depth - 1] === OBJECT ? State.Key : State.Element;
        i++;
        continue;
      }
      if ((c === 125 && stack[depth - 1] === OBJECT) || (c === 93 && stack[depth - 1] === ARRAY)) {
        depth--;
        pos = newlineAndIndent(out, pos, depth);
        out[pos++] = c;
        state = depth === 0 ? State.Done : State.After;
        i++;
        continue;
      }
      fail(text, i, stack[depth - 1] === OBJECT ? '"," or "}"' : '"," or "]"');
    }

    if (state === State.Colon) {
      if (c !== 58) fail(text, i, '":"');
      out[pos++] = 58;
      out[pos++] = 32;
      state = State.Value;
      i++;
      continue;
    }

    let isKey = false;
    if (state === State.FirstInObject || state === State.Key) {
      if (c === 125 && state === State.FirstInObject) {
        out[pos++] = 125;
        depth--;
        state = depth === 0 ? State.Done : State.After;
        i++;
        continue;
      }
      if (c !== 34) fail(text, i, state === State.Key ? 'a key in double quotes' : 'a key in double quotes or "}"');
      if (state === State.FirstInObject) pos = newlineAndIndent(out, pos, depth);
      isKey = true;
    } else {
      if (state === State.Done) fail(text, i, 'nothing after the top-level value');
      // A value: State.Value, State.FirstInArray or State.Element.
      if (state === State.FirstInArray) {
        if (c === 93) {
          out[pos++] = 93;
          depth--;
          state = depth === 0 ? State.Done : State.After;
          i++;
          continue;
        }
        pos = newlineAndIndent(out, pos, depth);
      }
      if (c === 123 || c === 91) {
        out[pos++] = c;
        if (depth === stack.length) {
          const deeper = new Uint8Array(stack.length * 2);
          deeper.set(stack);
          stack = deeper;
        }
        stack[depth++] = c === 123 ? OBJECT : ARRAY;
        state = c === 123 ? State.FirstInObject : State.FirstInArray;
        i++;
        continue;
      }
    }

    if (c === 34) {
      // Copy the string while scanning it: no slices, no per-token native calls.
      out[pos++] = 34;
      let j = i + 1;
      for (;;) {
        if (j >= n) fail(text, j, 'the closing quote of a string');
        if (pos + 8 > out.length) flush(8);
        const s = text.charCodeAt(j);
        if (s === 34) break;
        if (s === 92) {
          const end = escapeEnd(text, j);
          while (j < end) out[pos++] = text.charCodeAt(j++);
        } else if (s < 128) {
          if (s < 32) fail(text, j, 'no raw control character inside a string');
          out[pos++] = s;
          j++;
        } else {
          segmentAscii = false;
          const next = text.charCodeAt(j + 1);
          pos = writeUtf8(out, pos, s, next);
          j += s >= 0xd800 && s <= 0xdbff && (next & 0xfc00) === 0xdc00 ? 2 : 1;
        }
      }
      out[pos++] = 34;
      i = j + 1;
      state = isKey ? State.Colon : depth === 0 ? State.Done : State.After;
      continue;
    }

    let end: number;
    if (c === 45 || (c >= 48 && c <= 57)) end = scanNumber(text, i);
    else if (c === 116 && text.startsWith('true', i)) end = i + 4;
    else if (c === 102 && text.startsWith('false', i)) end = i + 5;
    else if (c === 110 && text.startsWith('null', i)) end = i + 4;
    else end = fail(text, i, 'a value (object, array, string, number, true, false or null)');
    if (pos + (end - i) > out.length) flush(end - i);
    while (i < end) out[pos++] = text.charCodeAt(i++);
    state = depth === 0 ? State.Done : State.After;
  }

  if (state !== State.Done) {
    fail(text, n, pos === 0 ? 'a JSON value' : depth > 0 ? `the rest of the ${stack[depth - 1] === OBJECT ? 'object' : 'array'}` : 'a value');
  }
  flush(0);
  return result;
}
