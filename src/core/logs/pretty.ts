/**
 * Re-indents JSON with 2 spaces in one pass, the way `JSON.stringify(JSON.parse(text), null, 2)` lays it out,
 * but without building objects: every string and number token is copied verbatim (escapes, big numbers,
 * `1.0` stay as written). Large CloudTrail logs (50 MB) are the reason: no object graph, no string, one output
 * buffer: UTF-8 bytes in, UTF-8 bytes out (what VS Code's FileSystemProvider.readFile returns and stdout takes).
 * Validates as it goes and throws ExplainedError 'NotJson' on invalid input, with line and column (in characters).
 */
import { isUtf8 } from 'node:buffer';
import { notJsonError } from '../errors';

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

function grow(out: Buffer, used: number, need: number): Buffer {
  const bigger = Buffer.allocUnsafe(Math.max(out.length * 2, used + need + 65536));
  out.copy(bigger, 0, 0, used);
  return bigger;
}

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

function fail(bytes: Uint8Array, at: number, expected: string): never {
  let line = 1;
  let lineStart = 0;
  for (let i = bytes.indexOf(10); i !== -1 && i < at; i = bytes.indexOf(10, i + 1)) {
    line++;
    lineStart = i + 1;
  }
  const decode = (from: number, to: number): string => Buffer.from(bytes.buffer, bytes.byteOffset + from, to - from).toString('utf8');
  const found = at >= bytes.length ? 'the end of the text' : `${JSON.stringify(decode(at, Math.min(bytes.length, at + 4)).charAt(0))}`;
  throw notJsonError(`Expected ${expected} at line ${line}, column ${decode(lineStart, at).length + 1}, but found ${found}.`);
}

const isHex = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** Index just past the number starting at `start`, or fails. JSON grammar: -?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)? */
function scanNumber(text: Uint8Array, start: number): number {
  let j = start;
  if (text[j] === 45) j++;
  const first = text[j];
  if (first === 48) j++;
  else if (first >= 49 && first <= 57) while (isDigit(text[j])) j++;
  else fail(text, j, 'a digit');
  if (text[j] === 46) {
    j++;
    if (!isDigit(text[j])) fail(text, j, 'a digit after the decimal point');
    while (isDigit(text[j])) j++;
  }
  const e = text[j];
  if (e === 101 || e === 69) {
    j++;
    const sign = text[j];
    if (sign === 43 || sign === 45) j++;
    if (!isDigit(text[j])) fail(text, j, 'a digit in the exponent');
    while (isDigit(text[j])) j++;
  }
  return j;
}

/** Checks the escape at `j` (a backslash) and returns the index just past it. */
function escapeEnd(text: Uint8Array, j: number): number {
  const e = text[j + 1];
  if (e === 117) {
    if (!(isHex(text[j + 2]) && isHex(text[j + 3]) && isHex(text[j + 4]) && isHex(text[j + 5]))) {
      fail(text, j, 'four hex digits after \\u');
    }
    return j + 6;
  }
  if (e === 34 || e === 92 || e === 47 || e === 98 || e === 102 || e === 110 || e === 114 || e === 116) return j + 2;
  return fail(text, j, 'a valid escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)');
}

/**
 * Pretty-prints UTF-8 JSON bytes into UTF-8 bytes. Invalid UTF-8 is first replaced by U+FFFD, as Buffer.toString does
 * (only then is the input copied), so the output is always valid UTF-8. The result may be a view on a larger,
 * partly untouched allocation: its byteLength is what it holds.
 */
export function prettyPrintJsonBytes(input: Uint8Array): Buffer {
  const text = isUtf8(input) ? input : Buffer.from(Buffer.from(input.buffer, input.byteOffset, input.byteLength).toString('utf8'));
  const n = text.length;
  let out: Buffer = Buffer.allocUnsafe(Math.min(Math.max(1024, Math.ceil(n * 1.6) + 1024), 0x3fffffff));
  let pos = 0;
  let stack = new Uint8Array(64);
  let depth = 0;
  let state: State = State.Value;
  let i = text[0] === 0xef && text[1] === 0xbb && text[2] === 0xbf ? 3 : 0; // a UTF-8 BOM is tolerated, not copied

  while (i < n) {
    const c = text[i];
    if (c === 32 || c === 10 || c === 13 || c === 9) {
      i++;
      continue;
    }
    if (pos + 2 * depth + 16 > out.length) out = grow(out, pos, 2 * depth + 16);

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
        if (pos + 8 > out.length) out = grow(out, pos, 8);
        const s = text[j];
        if (s === 34) break;
        if (s === 92) {
          const end = escapeEnd(text, j);
          while (j < end) out[pos++] = text[j++];
        } else if (s < 128) {
          if (s < 32) fail(text, j, 'no raw control character inside a string');
          out[pos++] = s;
          j++;
        } else {
          out[pos++] = s; // a byte of a UTF-8 sequence, validated above
          j++;
        }
      }
      out[pos++] = 34;
      i = j + 1;
      state = isKey ? State.Colon : depth === 0 ? State.Done : State.After;
      continue;
    }

    let end: number;
    if (c === 45 || (c >= 48 && c <= 57)) end = scanNumber(text, i);
    else if (c === 116 && text[i + 1] === 114 && text[i + 2] === 117 && text[i + 3] === 101) end = i + 4;
    else if (c === 102 && text[i + 1] === 97 && text[i + 2] === 108 && text[i + 3] === 115 && text[i + 4] === 101) end = i + 5;
    else if (c === 110 && text[i + 1] === 117 && text[i + 2] === 108 && text[i + 3] === 108) end = i + 4;
    else end = fail(text, i, 'a value (object, array, string, number, true, false or null)');
    if (pos + (end - i) > out.length) out = grow(out, pos, end - i);
    while (i < end) out[pos++] = text[i++];
    state = depth === 0 ? State.Done : State.After;
  }

  if (state !== State.Done) {
    fail(
      text,
      n,
      pos === 0 ? 'a JSON value' : depth > 0 ? `the rest of the ${stack[depth - 1] === OBJECT ? 'object' : 'array'}` : 'a value',
    );
  }
  return out.subarray(0, pos);
}

/**
 * The same printer for a string: encoded once, printed as bytes, decoded once. A lone surrogate becomes U+FFFD,
 * as TextEncoder does. Callers that have the bytes (fetchLog's `bytes`) should use prettyPrintJsonBytes.
 */
export function prettyPrintJson(text: string): string {
  return prettyPrintJsonBytes(Buffer.from(text, 'utf8')).toString('utf8');
}
