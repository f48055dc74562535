/**
 * The state machine behind pretty.ts: re-indents UTF-8 JSON bytes with 2 spaces the way
 * `JSON.stringify(JSON.parse(text), null, 2)` lays it out, copying every string and number token verbatim, and
 * validating as it goes. It takes its input whole or in pieces (a gunzip stream's chunks as they arrive): a token cut
 * at the end of a piece is finished by the next one. One output buffer, grown by doubling, never past `limit`: the
 * indentation is counted before it is written, and a document whose indented text would pass the limit stops there
 * (deep nesting makes it grow with the square of the depth). Failures are thrown as `IndentStop`.
 */
import { escapeExpected, escapeStep, IndentStop, Num, NUMBER_EXPECTED, resumedTokenEnd, tokenEnd, type TokenCut } from './jsonTokens';

export { IndentStop, type IndentFailure } from './jsonTokens';

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

/**
 * A newline and 2 spaces per level at `pos` (room checked by the caller); returns the position after them. Below
 * `lineDepth` (a value nested deeper than that) nothing: the value stays on its parent's line.
 */
function newline(out: Buffer, words: DataView, pos: number, depth: number, lineDepth: number): number {
  if (depth > lineDepth) return pos;
  const end = pos + 1 + 2 * depth;
  if (depth > 16) {
    out[pos] = 10;
    out.fill(32, pos + 1, end);
    return end;
  }
  // Four bytes per store (a newline and three spaces, then spaces): up to 3 bytes past the end are written, inside the
  // room the caller checked, and overwritten by what follows. Indentation is a third of the output.
  words.setInt32(pos, 0x2020200a, true);
  for (let at = pos + 4; at < end; at += 4) words.setInt32(at, 0x20202020, true);
  return end;
}

export class JsonIndenter {
  private out: Buffer;
  private pos = 0;
  private stack = new Uint8Array(64);
  private depth = 0;
  private state: State = State.Value;
  /** Input bytes before the current piece. */
  private consumed = 0;
  /** A token cut at the end of the last piece. */
  private inString = false;
  private stringIsKey = false;
  private escape = 0;
  /** Input offset of the backslash of a cut escape. */
  private escapeAt = 0;
  private readonly cut: TokenCut = { number: Num.None, literal: undefined, literalAt: 0 };

  /**
   * `reserve`: the output buffer to start with (address space: its pages are touched only as they are written, and
   * writing never passes the limit). `limit(inputBytes)`: the most indented bytes allowed for that much input.
   * `lineDepth`: values nested deeper than that many levels are written compactly on their parent's line, without
   * spaces (2: a log's records one per line); the default indents every level.
   */
  constructor(
    reserve: number,
    private readonly limit: (inputBytes: number) => number,
    private readonly lineDepth = Number.MAX_SAFE_INTEGER,
  ) {
    this.out = Buffer.allocUnsafe(Math.max(1024, Math.min(reserve, limit(Number.MAX_SAFE_INTEGER))));
  }

  /** The printed bytes so far (a view on the output buffer). */
  output(): Buffer {
    return this.out.subarray(0, this.pos);
  }

  private fail(at: number, expected: string): never {
    throw new IndentStop({ kind: 'syntax', at: this.consumed + at, expected });
  }

  /** A bigger buffer for `need` more bytes; refuses (IndentStop 'size') rather than go past `cap`. */
  private grow(out: Buffer, used: number, need: number, cap: number, at: number, depth: number): Buffer {
    if (used + need > cap) throw new IndentStop({ kind: 'size', at: this.consumed + at, depth, limit: cap });
    const size = Math.min(Math.max(out.length * 2, used + need + 65536), cap);
    const bigger = Buffer.allocUnsafe(size);
    out.copy(bigger, 0, 0, used);
    return bigger;
  }

  /**
   * Prints `text[from..]`. With `last`, the input ends with this piece: a cut token is an error (and so is an
   * incomplete document, see finish). Throws IndentStop; the printer is then not to be fed again.
   */
  feed(text: Uint8Array, last: boolean, from = 0): void {
    const n = text.length;
    const cap = this.limit(this.consumed + n);
    const lineDepth = this.lineDepth;
    let out = this.out;
    let pos = this.pos;
    let depth = this.depth;
    let state = this.state;
    let stack = this.stack;
    let i = from;
    let inString = this.inString;
    let isKey = this.stringIsKey;
    let escape = this.escape;
    let escapeStart = this.escapeAt - this.consumed; // relative to this piece (negative: began in an earlier one)
    const wordsIn = new DataView(text.buffer, text.byteOffset, text.byteLength);
    let wordsOut = new DataView(out.buffer, out.byteOffset, out.length);
    let wordsFor = out;
    try {
      // Finish a number or a literal cut at the end of the last piece.
      const cut = this.cut;
      if (cut.number !== Num.None || cut.literal) {
        const end = resumedTokenEnd(text, i, cut, this.consumed);
        if (pos + (end - i) > out.length) out = this.grow(out, pos, end - i, cap, i, depth);
        while (i < end) out[pos++] = text[i++];
        if (cut.number !== Num.None || cut.literal) return; // the piece ended inside it again (finish() judges the end)
        state = depth === 0 ? State.Done : State.After;
      }

      while (i < n) {
        if (!inString) {
          const c = text[i];
          if (c === 32 || c === 10 || c === 13 || c === 9) {
            i++;
            continue;
          }
          if (pos + 2 * depth + 16 > out.length) out = this.grow(out, pos, 2 * depth + 16, cap, i, depth);
          if (wordsFor !== out) {
            wordsOut = new DataView(out.buffer, out.byteOffset, out.length);
            wordsFor = out;
          }

          if (state === State.After) {
            if (c === 44) {
              out[pos++] = 44;
              pos = newline(out, wordsOut, pos, depth, lineDepth);
              state = stack[depth - 1] === OBJECT ? State.Key : State.Element;
              i++;
              continue;
            }
            if ((c === 125 && stack[depth - 1] === OBJECT) || (c === 93 && stack[depth - 1] === ARRAY)) {
              // The closing bracket goes on its own line when the container's content did.
              if (depth-- <= lineDepth) pos = newline(out, wordsOut, pos, depth, lineDepth);
              out[pos++] = c;
              state = depth === 0 ? State.Done : State.After;
              i++;
              continue;
            }
            this.fail(i, stack[depth - 1] === OBJECT ? '"," or "}"' : '"," or "]"');
          }

          if (state === State.Colon) {
            if (c !== 58) this.fail(i, '":"');
            out[pos++] = 58;
            if (depth <= lineDepth) out[pos++] = 32;
            state = State.Value;
            i++;
            continue;
          }

          isKey = false;
          if (state === State.FirstInObject || state === State.Key) {
            if (c === 125 && state === State.FirstInObject) {
              out[pos++] = 125;
              depth--;
              state = depth === 0 ? State.Done : State.After;
              i++;
              continue;
            }
            if (c !== 34) this.fail(i, state === State.Key ? 'a key in double quotes' : 'a key in double quotes or "}"');
            if (state === State.FirstInObject) {
              pos = newline(out, wordsOut, pos, depth, lineDepth);
            }
            isKey = true;
          } else {
            if (state === State.Done) this.fail(i, 'nothing after the top-level value');
            // A value: State.Value, State.FirstInArray or State.Element.
            if (state === State.FirstInArray) {
              if (c === 93) {
                out[pos++] = 93;
                depth--;
                state = depth === 0 ? State.Done : State.After;
                i++;
                continue;
              }
              pos = newline(out, wordsOut, pos, depth, lineDepth);
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

          if (c !== 34) {
            // A number or a literal, copied as it is read.
            const end = tokenEnd(text, i, last, cut, this.consumed);
            if (pos + (end - i) > out.length) out = this.grow(out, pos, end - i, cap, i, depth);
            while (i < end) out[pos++] = text[i++];
            if (cut.number === Num.None && !cut.literal) state = depth === 0 ? State.Done : State.After;
            continue;
          }
          out[pos++] = 34;
          i++;
          inString = true;
        }

        // Inside a string: copy it while scanning, no slices, no per-token native calls.
        let j = i;
        for (;;) {
          if (escape !== 0) {
            while (escape > 0 && j < n) {
              escape = escapeStep(escape, text[j]);
              if (escape < 0) this.fail(escapeStart, escapeExpected(j === escapeStart + 1 ? 1 : 2));
              if (pos + 1 > out.length) out = this.grow(out, pos, 8, cap, j, depth);
              out[pos++] = text[j++];
            }
            if (escape !== 0) break; // the piece ends inside an escape
          }
          let room = j + (out.length - pos) - 8;
          if (room > n) room = n;
          // Four bytes at a time while none of them is '"', '\\' or a control character (SWAR tests on one 32-bit word).
          if (wordsFor !== out) {
            wordsOut = new DataView(out.buffer, out.byteOffset, out.length);
            wordsFor = out;
          }
          while (j + 4 <= room) {
            const w = wordsIn.getInt32(j, true);
            const quote = w ^ 0x22222222;
            const backslash = w ^ 0x5c5c5c5c;
            if ((((quote - 0x01010101) & ~quote) | ((backslash - 0x01010101) & ~backslash) | ((w - 0x20202020) & ~w)) & 0x80808080) break;
            wordsOut.setInt32(pos, w, true);
            pos += 4;
            j += 4;
          }
          let s = 0;
          while (j < room) {
            s = text[j];
            if (s === 34 || s === 92 || s < 32) break;
            out[pos++] = s;
            j++;
          }
          if (j >= room) {
            if (j >= n) break;
            out = this.grow(out, pos, 8, cap, j, depth);
            continue;
          }
          if (s === 34) {
            out[pos++] = 34;
            inString = false;
            j++;
            break;
          }
          if (s === 92) {
            escapeStart = j;
            escape = 1;
            out[pos++] = 92;
            j++;
            continue;
          }
          this.fail(j, 'no raw control character inside a string');
        }
        i = j;
        if (inString) {
          if (!last) break;
          if (escape !== 0) this.fail(escapeStart, escapeExpected(escape));
          this.fail(n, 'the closing quote of a string');
        }
        state = isKey ? State.Colon : depth === 0 ? State.Done : State.After;
      }
    } finally {
      this.out = out;
      this.pos = pos;
      this.depth = depth;
      this.state = state;
      this.stack = stack;
      this.inString = inString;
      this.stringIsKey = isKey;
      this.escape = escape;
      this.escapeAt = this.consumed + escapeStart;
      this.consumed += n;
    }
  }

  /** The input has ended: throws IndentStop unless it was one complete JSON value. */
  finish(): void {
    const { number, literal } = this.cut;
    const numberDone = number !== Num.None && NUMBER_EXPECTED[number] === undefined;
    if (!this.inString && !literal && (this.state === State.Done || (numberDone && this.depth === 0))) return;
    const { depth, pos } = this;
    const expected =
      pos === 0 ? 'a JSON value' : depth > 0 ? `the rest of the ${this.stack[depth - 1] === OBJECT ? 'object' : 'array'}` : 'a value';
    throw new IndentStop({ kind: 'syntax', at: this.consumed, expected });
  }
}
