/**
 * IAM wildcard match (`*` any run, `?` one character) without regular expressions and without backtracking:
 * the pattern is cut at its stars; the first piece must match at the start, the last at the end, and each piece
 * between is taken at its leftmost match after the previous one (leftmost is always safe for `*`-only gaps).
 * Work is bounded by text length × pattern length, whatever the input (a policy and a request are both hostile).
 */
export function wildcardMatch(pattern: string, text: string, ignoreCase = false): boolean {
  if (ignoreCase) {
    pattern = pattern.toLowerCase();
    text = text.toLowerCase();
  }
  const pieces = pattern.split('*');
  if (pieces.length === 1) return pattern.length === text.length && pieceAt(pattern, text, 0);
  const first = pieces[0];
  const last = pieces[pieces.length - 1];
  if (first.length + last.length > text.length) return false;
  if (!pieceAt(first, text, 0)) return false;
  const end = text.length - last.length;
  if (!pieceAt(last, text, end)) return false;
  let at = first.length;
  for (let i = 1; i < pieces.length - 1; i++) {
    const piece = pieces[i];
    if (piece.length === 0) continue;
    const found = findPiece(piece, text, at, end);
    if (found === -1) return false;
    at = found + piece.length;
  }
  return true;
}

/** Does `piece` (may hold `?`) match `text` at `at`? */
function pieceAt(piece: string, text: string, at: number): boolean {
  if (at + piece.length > text.length) return false;
  for (let i = 0; i < piece.length; i++) {
    const c = piece.charCodeAt(i);
    if (c !== 63 /* ? */ && c !== text.charCodeAt(at + i)) return false;
  }
  return true;
}

/** Leftmost start ≥ from of `piece` that ends at or before `limit`, or -1. */
function findPiece(piece: string, text: string, from: number, limit: number): number {
  if (!piece.includes('?')) {
    const found = text.indexOf(piece, from);
    return found !== -1 && found + piece.length <= limit ? found : -1;
  }
  for (let at = from; at + piece.length <= limit; at++) {
    if (pieceAt(piece, text, at)) return at;
  }
  return -1;
}
