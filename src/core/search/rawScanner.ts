/**
 * Scans decompressed log bytes for a RawPrefilter's literals, chunk by chunk as they stream out of gunzip, and says
 * "may match" when every clause has a literal in the bytes, or when the bytes hold something that could hide a literal
 * (prefilter.ts): a `\u` escape of a plain character, or U+0130 / U+212A when a literal holds `i` / `k`.
 * Two strategies, the same answer:
 * - few literals (the usual query): each 64 KB window is decoded as Latin-1 (one byte, one character), lower-cased
 *   and searched with the engine's native indexOf — a few native passes, faster than gunzip;
 * - many literals: one pass of an Aho–Corasick automaton (rawAutomaton.ts), linear whatever their number.
 * Memory is one window plus the automaton, never the file; the end of a window is kept as a copy (see push).
 */
import { AutomatonScan, compileAutomaton, escapeHides, hexValue, type CompiledAutomaton } from './rawAutomaton';
import type { RawPrefilter } from './prefilter';

/** Up to this many literals, the native search passes beat the automaton's one JavaScript pass. */
const NATIVE_MAX_LITERALS = 12;
const WINDOW = 64 * 1024;
/** `Ä°` and `â\u0084ª`: the UTF-8 bytes of U+0130 and U+212A read as Latin-1, lower-cased. */
const DOTLESS_I_BYTES = '\u00e4\u00b0';
const KELVIN_BYTES = '\u00e2\u0084\u00aa';

export interface CompiledRawPrefilter {
  readonly clauseCount: number;
  /** Each distinct literal and the clauses it satisfies. */
  readonly literals: readonly { text: string; clauses: readonly number[] }[];
  readonly watchDotlessI: boolean;
  readonly watchKelvin: boolean;
  /** Present when the automaton strategy is used. */
  readonly automaton?: CompiledAutomaton;
}

/** Compiles once per search; `strategy` forces one (tests run both). */
export function compileRawPrefilter(prefilter: RawPrefilter, strategy: 'auto' | 'native' | 'automaton' = 'auto'): CompiledRawPrefilter {
  const byText = new Map<string, number[]>();
  prefilter.clauses.forEach((clause, index) => {
    for (const text of clause) byText.set(text, [...(byText.get(text) ?? []), index]);
  });
  const literals = [...byText].map(([text, clauses]) => ({ text, clauses }));
  const useAutomaton = strategy === 'automaton' || (strategy === 'auto' && literals.length > NATIVE_MAX_LITERALS);
  return {
    clauseCount: prefilter.clauses.length,
    literals,
    watchDotlessI: literals.some((literal) => literal.text.includes('i')),
    watchKelvin: literals.some((literal) => literal.text.includes('k')),
    ...(useAutomaton ? { automaton: compileAutomaton(prefilter) } : {}),
  };
}

/** The few-literals strategy: native search over lower-cased Latin-1 windows, with an overlap for matches across them. */
class NativeScan {
  private readonly satisfied: boolean[];
  private remaining: number;
  private undecidable = false;
  /** The end of the previous window (lower-cased), so a literal or an escape cut by a window edge is still seen at the seam. */
  private carry = '';
  private readonly overlap: number;

  constructor(private readonly compiled: CompiledRawPrefilter) {
    this.satisfied = new Array<boolean>(compiled.clauseCount).fill(false);
    this.remaining = compiled.clauseCount;
    // `\uXXXX` needs 5 characters kept to be completed by the next window.
    this.overlap = Math.max(5, ...compiled.literals.map((literal) => literal.text.length - 1));
  }

  get decided(): boolean {
    return this.remaining === 0 || this.undecidable;
  }

  push(chunk: Uint8Array): void {
    for (let offset = 0; offset < chunk.length && !this.decided; offset += WINDOW) {
      const end = Math.min(chunk.length, offset + WINDOW);
      const lower = Buffer.from(chunk.buffer, chunk.byteOffset + offset, end - offset)
        .toString('latin1')
        .toLowerCase();
      // Where two windows meet: the end of the last one and the start of this one, searched on their own (a few dozen
      // characters) rather than joined to the whole window, which would copy it once more.
      const seam = this.carry.length > 0 ? this.carry + lower.slice(0, this.overlap) : '';
      if (seam) this.window(seam);
      if (!this.decided) this.window(lower);
      // A copy, not a slice: a slice would keep its whole 64 KB window alive while the file waits for its next chunk.
      this.carry = Buffer.from(
        lower.length >= this.overlap ? lower.slice(-this.overlap) : (this.carry + lower).slice(-this.overlap),
        'latin1',
      ).toString('latin1');
    }
  }

  private window(text: string): void {
    for (const literal of this.compiled.literals) {
      if (literal.clauses.every((index) => this.satisfied[index]) || text.indexOf(literal.text) < 0) continue;
      for (const index of literal.clauses)
        if (!this.satisfied[index]) {
          this.satisfied[index] = true;
          this.remaining--;
        }
    }
    if (this.remaining === 0) return;
    const { watchDotlessI, watchKelvin } = this.compiled;
    for (let at = text.indexOf('\\u'); at >= 0; at = text.indexOf('\\u', at + 2)) {
      if (at + 6 > text.length) break; // completed in the next window (the carry keeps it)
      let code = 0;
      for (let k = 2; k < 6 && code >= 0; k++) {
        const digit = hexValue(text.charCodeAt(at + k));
        code = digit < 0 ? -1 : code * 16 + digit;
      }
      if (code >= 0 && escapeHides(code, watchDotlessI, watchKelvin)) {
        this.undecidable = true;
        return;
      }
    }
    if ((watchDotlessI && text.includes(DOTLESS_I_BYTES)) || (watchKelvin && text.includes(KELVIN_BYTES))) this.undecidable = true;
  }
}

/** One file's scan: push its decompressed chunks in order, then ask mayMatch(). */
export class RawScanner {
  private readonly scan: NativeScan | AutomatonScan;

  constructor(compiled: CompiledRawPrefilter) {
    this.scan = compiled.automaton ? new AutomatonScan(compiled.automaton) : new NativeScan(compiled);
  }

  /** True once the answer is known to be "may match": the caller can stop scanning (and parse). */
  get decided(): boolean {
    return this.scan.decided;
  }

  push(chunk: Uint8Array): void {
    if (!this.scan.decided) this.scan.push(chunk);
  }

  /** After the last chunk: false means no record of these bytes can match the query. */
  mayMatch(): boolean {
    return this.scan.decided;
  }
}

/** Scans a whole buffer: false means no record in these bytes can match. */
export function rawBytesMayMatch(prefilter: RawPrefilter, bytes: Uint8Array): boolean {
  if (prefilter.clauses.length === 0) return true;
  const scanner = new RawScanner(compileRawPrefilter(prefilter));
  scanner.push(bytes);
  return scanner.mayMatch();
}
