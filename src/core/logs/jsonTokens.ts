/**
 * The token steps of jsonIndenter.ts, kept apart so a token cut at the end of one piece of input can be finished by
 * the next: where a number or an escape is after each byte, the literals, and how the printer says it stopped.
 */
/** Where a number token is (JSON grammar -?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?); 0 = not in a number. */
export const enum Num {
  None,
  Minus,
  Zero,
  Int,
  Dot,
  Frac,
  E,
  ESign,
  Exp,
}

const LITERALS: Record<number, Uint8Array> = { 116: Buffer.from('true'), 102: Buffer.from('false'), 110: Buffer.from('null') };

export type IndentFailure =
  | { kind: 'syntax'; at: number; expected: string }
  /** The indented text would pass `limit` bytes at input offset `at`, `depth` levels deep. */
  | { kind: 'size'; at: number; depth: number; limit: number };

export class IndentStop {
  constructor(readonly failure: IndentFailure) {}
}

const isHex = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** The next escape step after byte `c`: 1 = after `\`, 2–5 = after `\u` and 0–3 hex digits; 0 = complete, -1 = invalid. */
export function escapeStep(step: number, c: number): number {
  if (step === 1)
    return c === 117 ? 2 : c === 34 || c === 92 || c === 47 || c === 98 || c === 102 || c === 110 || c === 114 || c === 116 ? 0 : -1;
  if (!isHex(c)) return -1;
  return step === 5 ? 0 : step + 1;
}

/** The next number step after byte `c`; Num.None when `c` ends the number (not consumed), -1 when it is invalid. */
export function numberStep(step: Num, c: number): number {
  const digit = isDigit(c);
  switch (step) {
    case Num.Minus:
      return c === 48 ? Num.Zero : digit ? Num.Int : -1;
    case Num.Zero:
      return c === 46 ? Num.Dot : c === 101 || c === 69 ? Num.E : Num.None;
    case Num.Int:
      return digit ? Num.Int : c === 46 ? Num.Dot : c === 101 || c === 69 ? Num.E : Num.None;
    case Num.Dot:
      return digit ? Num.Frac : -1;
    case Num.Frac:
      return digit ? Num.Frac : c === 101 || c === 69 ? Num.E : Num.None;
    case Num.E:
      return c === 43 || c === 45 ? Num.ESign : digit ? Num.Exp : -1;
    case Num.ESign:
      return digit ? Num.Exp : -1;
    default:
      return digit ? Num.Exp : Num.None;
  }
}

export const NUMBER_EXPECTED: Partial<Record<Num, string>> = {
  [Num.Minus]: 'a digit',
  [Num.Dot]: 'a digit after the decimal point',
  [Num.E]: 'a digit in the exponent',
  [Num.ESign]: 'a digit in the exponent',
};

export const VALUE_EXPECTED = 'a value (object, array, string, number, true, false or null)';

/** What an escape that went wrong at `step` (see escapeStep) should have been. */
export function escapeExpected(step: number): string {
  return step >= 2 ? 'four hex digits after \\u' : 'a valid escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)';
}

/** A number or literal cut by the end of a piece of input, to be finished by the next. */
export interface TokenCut {
  number: Num;
  literal: Uint8Array | undefined;
  literalAt: number;
}

function stop(consumed: number, at: number, expected: string): never {
  throw new IndentStop({ kind: 'syntax', at: consumed + at, expected });
}

/**
 * Where the number or literal that starts at `text[i]` ends in this piece (`consumed`: input before it). A token the
 * piece's end cuts is noted in `cut` unless the input ends here (`last`: then it must be complete).
 */
export function tokenEnd(text: Uint8Array, i: number, last: boolean, cut: TokenCut, consumed: number): number {
  const n = text.length;
  const c = text[i];
  let end = i;
  if (c === 45 || isDigit(c)) {
    let step: number = c === 45 ? Num.Minus : c === 48 ? Num.Zero : Num.Int;
    for (end = i + 1; end < n; end++) {
      const next = numberStep(step, text[end]);
      if (next === -1) stop(consumed, end, NUMBER_EXPECTED[step as Num] as string);
      if (next === Num.None) break;
      step = next;
    }
    if (end === n && NUMBER_EXPECTED[step as Num] !== undefined && last) stop(consumed, n, NUMBER_EXPECTED[step as Num] as string);
    if (end === n && !last) cut.number = step as Num; // may go on in the next piece
    return end;
  }
  const literal = LITERALS[c];
  if (!literal) stop(consumed, i, VALUE_EXPECTED);
  for (end = i; end < n && end - i < literal.length; end++) if (text[end] !== literal[end - i]) stop(consumed, i, VALUE_EXPECTED);
  if (end - i < literal.length) {
    if (last) stop(consumed, i, VALUE_EXPECTED);
    cut.literal = literal;
    cut.literalAt = end - i;
  }
  return end;
}

/** Where the token in `cut` ends in this piece; `cut` is cleared when it ends here. */
export function resumedTokenEnd(text: Uint8Array, from: number, cut: TokenCut, consumed: number): number {
  const n = text.length;
  let i = from;
  if (cut.number !== Num.None) {
    let step: number = cut.number;
    for (; i < n; i++) {
      const next = numberStep(step, text[i]);
      if (next === -1) stop(consumed, i, NUMBER_EXPECTED[step as Num] as string);
      if (next === Num.None) break;
      step = next;
    }
    cut.number = i < n ? Num.None : (step as Num);
    return i;
  }
  const literal = cut.literal as Uint8Array;
  for (; i < n && cut.literalAt < literal.length; i++, cut.literalAt++) {
    if (text[i] !== literal[cut.literalAt]) stop(consumed, i, VALUE_EXPECTED);
  }
  if (cut.literalAt === literal.length) cut.literal = undefined;
  return i;
}
