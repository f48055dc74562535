/**
 * The many-literals scan strategy (see rawScanner.ts): one pass of an Aho–Corasick automaton over a small alphabet,
 * ASCII case ignored, with a byte-level watch for `\u` escapes and the two non-ASCII characters whose lower case is
 * ASCII. Linear in the bytes whatever the number of literals; state carries across chunks.
 */
import { isPlainCode, type RawPrefilter } from './prefilter';

const BACKSLASH = 0x5c;
const LOWER_U = 0x75;

/** The value of one hex digit (either case), or -1. */
export function hexValue(byte: number): number {
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

/**
 * Whether a `\uXXXX` escape of this code could hide part of a literal: a plain character (either case), or U+0130 /
 * U+212A when a literal holds i / k.
 */
export function escapeHides(code: number, watchDotlessI: boolean, watchKelvin: boolean): boolean {
  const lower = code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
  return (code < 0x80 && isPlainCode(lower)) || (watchDotlessI && code === 0x130) || (watchKelvin && code === 0x212a);
}

/** The automaton of a prefilter: built once per search, shared by the scans of all its files. */
export interface CompiledAutomaton {
  readonly clauseCount: number;
  readonly alphabet: Uint8Array;
  readonly width: number;
  /**
   * The automaton with failure links folded in, rows pre-multiplied: `transitions[row + symbol]` is the next state's
   * row (`state * width`), or `-(row + 1)` when that state completes a literal — one addition and one load per byte.
   */
  readonly transitions: Int32Array;
  /** 1 for the bytes the escape / case watch must see: `\`, and non-ASCII bytes when a literal holds i or k. */
  readonly special: Uint8Array;
  /** Clause indexes completed on reaching each state (its own literals and those of its failure chain). */
  readonly outputs: readonly (readonly number[])[];
  readonly watchDotlessI: boolean;
  readonly watchKelvin: boolean;
}

export function compileAutomaton(prefilter: RawPrefilter): CompiledAutomaton {
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
  for (let i = 0; i < transitions.length; i++) {
    const next = transitions[i];
    transitions[i] = outputs[next].length > 0 ? -(next * size + 1) : next * size;
  }
  const watchDotlessI = literals.some((literal) => literal.includes('i'));
  const watchKelvin = literals.some((literal) => literal.includes('k'));
  const special = new Uint8Array(256);
  special[BACKSLASH] = 1;
  if (watchDotlessI || watchKelvin) special.fill(1, 0x80);
  return { clauseCount: prefilter.clauses.length, alphabet: map, width: size, transitions, special, outputs, watchDotlessI, watchKelvin };
}

/** One file's scan with the automaton. */
export class AutomatonScan {
  private readonly satisfied: boolean[];
  private remaining: number;
  /** The automaton's state, as its row (state × width). */
  private row = 0;
  private undecidable = false;
  // `\uXXXX` recognizer: 0 outside, 1 after `\`, 2..5 after `\u` and 0..3 hex digits.
  private escape = 0;
  private escapeValue = 0;
  private previous1 = 0;
  private previous2 = 0;

  constructor(private readonly compiled: CompiledAutomaton) {
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
    const { alphabet, transitions, special } = this.compiled;
    let row = this.row;
    let escaping = this.escape !== 0;
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i];
      row = transitions[row + alphabet[byte]];
      if (row < 0) {
        row = -row - 1;
        if (this.complete(row)) return;
      }
      // Rare bytes only: a backslash, the rest of an escape, a watched non-ASCII byte.
      if (escaping || special[byte] !== 0) {
        if (this.hides(byte)) {
          this.undecidable = true;
          return;
        }
        escaping = this.escape !== 0;
      }
    }
    this.row = row;
  }

  /** Marks the clauses a state completes; true when none is left. */
  private complete(row: number): boolean {
    for (const index of this.compiled.outputs[row / this.compiled.width]) {
      if (!this.satisfied[index]) {
        this.satisfied[index] = true;
        this.remaining--;
      }
    }
    return this.remaining === 0;
  }

  /** The escape / case-folding watch for one backslash, escape or non-ASCII byte. */
  private hides(byte: number): boolean {
    if (byte >= 0x80) {
      // The bytes before it in a UTF-8 sequence are non-ASCII too, so only these bytes need remembering.
      const hidden =
        (this.compiled.watchDotlessI && this.previous1 === 0xc4 && byte === 0xb0) ||
        (this.compiled.watchKelvin && this.previous2 === 0xe2 && this.previous1 === 0x84 && byte === 0xaa);
      this.previous2 = this.previous1;
      this.previous1 = byte;
      this.escape = 0;
      return hidden;
    }
    if (this.escape === 0) {
      this.escape = 1; // a backslash
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
    return escapeHides(this.escapeValue, this.compiled.watchDotlessI, this.compiled.watchKelvin);
  }
}
