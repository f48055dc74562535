/**
 * Scans decompressed log bytes for a RawPrefilter's literals in one pass (Aho–Corasick automaton over a small
 * alphabet, ASCII case ignored), chunk by chunk as they stream out of gunzip. Linear in the bytes; memory is the
 * automaton (bounded by the query's limits), not the file. Says "may match" when every clause has a literal in the
 * bytes, or when the bytes hold something that could hide a literal (see prefilter.ts): a `\u` escape of a plain
 * character, or U+0130 / U+212A when a literal holds `i` / `k`.
 */
import { isPlainCode, type RawPrefilter } from './prefilter';

const BACKSLASH = 0x5c;
const LOWER_U = 0x75;

function hexValue(byte: number): number {
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
  if (byte >= 0x61 && byte <= 0x66) return byte - 0x57;
  if (byte >= 0x41 && byte <= 0x46) return byte - 0x37;
  return -1;
}

/** Byte → alphabet index (0: not in any literal); ASCII upper case maps like lower case. */
function buildAlphabet(literals: readonly string[]): { map: Uint8Array; size: number } {
  const map = new Uint8Array(256);
  let size = 1;
  for (const literal of literals)
    for (let i = 0; i < literal.length; i++) {
      const code = literal.charCodeAt(i);
      if (map[code] === 0) map[code] = size++;
    }
  for (let upper = 0x41; upper <= 0x5a; upper++) map[upper] = map[upper + 0x20];
  return { map, size };
}

/** The automaton of a prefilter: built once per search, shared by the scans of all its files. */
export interface CompiledRawPrefilter {
  readonly clauseCount: number;
  readonly alphabet: Uint8Array;
  readonly width: number;
  /** transitions[state * width + symbol] → next state (a full automaton: failure links folded in). */
  readonly transitions: Int32Array;
  /** Clause indexes completed on reaching each state (its own literals and those of its failure chain). */
  readonly outputs: readonly (readonly number[])[];
  readonly watchDotlessI: boolean;
  readonly watchKelvin: boolean;
}

export function compileRawPrefilter(prefilter: RawPrefilter): CompiledRawPrefilter {
  const literals = prefilter.clauses.flat();
  const { map, size } = buildAlphabet(literals);
  // Trie.
  const goto: number[][] = [new Array<number>(size).fill(-1)];
  const outputs: number[][] = [[]];
  prefilter.clauses.forEach((clause, index) => {
    for (const literal of clause) {
      let node = 0;
      for (let i = 0; i < literal.length; i++) {
        const symbol = map[literal.charCodeAt(i)];
        if (goto[node][symbol] === -1) {
          goto[node][symbol] = goto.length;
          goto.push(new Array<number>(size).fill(-1));
          outputs.push([]);
        }
        node = goto[node][symbol];
      }
      if (!outputs[node].includes(index)) outputs[node].push(index);
    }
  });
  // Breadth-first failure links, folded into a full transition table.
  const transitions = new Int32Array(goto.length * size);
  const failure = new Int32Array(goto.length);
  const queue: number[] = [];
  for (let symbol = 0; symbol < size; symbol++) {
    const next = goto[0][symbol];
    if (next > 0) {
      transitions[symbol] = next;
      queue.push(next);
    }
  }
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head];
    for (const index of outputs[failure[node]]) if (!outputs[node].includes(index)) outputs[node].push(index);
    for (let symbol = 0; symbol < size; symbol++) {
      const next = goto[node][symbol];
      if (next > 0) {
        failure[next] = transitions[failure[node] * size + symbol];
        transitions[node * size + symbol] = next;
        queue.push(next);
      } else transitions[node * size + symbol] = transitions[failure[node] * size + symbol];
    }
  }
  return {
    clauseCount: prefilter.clauses.length,
    alphabet: map,
    width: size,
    transitions,
    outputs,
    watchDotlessI: literals.some((literal) => literal.includes('i')),
    watchKelvin: literals.some((literal) => literal.includes('k')),
  };
}

/** One file's scan: push its decompressed chunks in order, then ask mayMatch(). */
export class RawScanner {
  private readonly satisfied: boolean[];
  private remaining: number;
  private state = 0;
  private undecidable = false;
  // `\uXXXX` recognizer: 0 outside, 1 after `\`, 2..5 after `\u` and 0..3 hex digits.
  private escape = 0;
  private escapeValue = 0;
  private previous1 = 0;
  private previous2 = 0;

  constructor(private readonly compiled: CompiledRawPrefilter) {
    this.satisfied = new Array<boolean>(compiled.clauseCount).fill(false);
    this.remaining = compiled.clauseCount;
  }

  /** True once the answer is known to be "may match": the caller can stop scanning (and parse). */
  get decided(): boolean {
    return this.remaining === 0 || this.undecidable;
  }

  /** After the last chunk: false means no record of these bytes can match the query. */
  mayMatch(): boolean {
    return this.decided;
  }

  push(chunk: Uint8Array): void {
    if (this.decided) return;
    const { alphabet, transitions, width, outputs } = this.compiled;
    let state = this.state;
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i];
      state = transitions[state * width + alphabet[byte]];
      const completed = outputs[state];
      if (completed.length > 0) {
        for (const index of completed)
          if (!this.satisfied[index]) {
            this.satisfied[index] = true;
            this.remaining--;
          }
        if (this.remaining === 0) return;
      }
      if (this.hides(byte)) {
        this.undecidable = true;
        return;
      }
    }
    this.state = state;
  }

  /** The escape / case-folding watch for one byte. */
  private hides(byte: number): boolean {
    if (byte >= 0x80) {
      const hidden =
        (this.compiled.watchDotlessI && this.previous1 === 0xc4 && byte === 0xb0) ||
        (this.compiled.watchKelvin && this.previous2 === 0xe2 && this.previous1 === 0x84 && byte === 0xaa);
      this.previous2 = this.previous1;
      this.previous1 = byte;
      this.escape = 0;
      return hidden;
    }
    this.previous2 = this.previous1;
    this.previous1 = byte;
    if (this.escape === 0) {
      if (byte === BACKSLASH) this.escape = 1;
      return false;
    }
    if (this.escape === 1) {
      // `\u` starts an escape; `\\`, `\"`… end one (so `\\u0041` is text, not an escape).
      this.escape = byte === LOWER_U ? 2 : 0;
      this.escapeValue = 0;
      return false;
    }
    const digit = hexValue(byte);
    if (digit < 0) {
      this.escape = byte === BACKSLASH ? 1 : 0;
      return false;
    }
    this.escapeValue = this.escapeValue * 16 + digit;
    if (++this.escape < 6) return false;
    this.escape = 0;
    const code = this.escapeValue;
    const lower = code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
    return (
      (code < 0x80 && isPlainCode(lower)) ||
      (this.compiled.watchDotlessI && code === 0x130) ||
      (this.compiled.watchKelvin && code === 0x212a)
    );
  }
}

/** Scans a whole buffer: false means no record in these bytes can match. */
export function rawBytesMayMatch(prefilter: RawPrefilter, bytes: Uint8Array): boolean {
  if (prefilter.clauses.length === 0) return true;
  const scanner = new RawScanner(compileRawPrefilter(prefilter));
  scanner.push(bytes);
  return scanner.mayMatch();
}
