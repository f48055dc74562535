/** A query the user typed cannot be used: where (character offsets into the text), what is wrong, what was expected. */
export class QueryError extends Error {
  override readonly name = 'QueryError';
  constructor(
    /** What is wrong, one clause: `Unknown field "nmae"`. */
    readonly problem: string,
    /** What would have been right: `one of name, source, …`. */
    readonly expected: string,
    /** Offset of the bad token in the query text (UTF-16 code units), or -1 when the problem is not at one place. */
    readonly start = -1,
    /** Offset just after the bad token. */
    readonly end = start < 0 ? -1 : start + 1,
  ) {
    super(`${problem}${start >= 0 ? ` at column ${start + 1}` : ''}: expected ${expected}.`);
  }
}

/**
 * The query with a caret line under the bad token, for the CLI and the details of an editor message:
 * ```
 *   name:Decrypt nmae:Encrypt
 *                ^^^^
 * ```
 * Long queries are cut around the token so the caret stays visible; control characters are shown as spaces.
 */
export function pointAtQueryError(text: string, error: QueryError, width = 100): string {
  if (error.start < 0) return error.message;
  const start = Math.min(error.start, text.length);
  const end = Math.max(start + 1, Math.min(error.end, text.length + 1));
  let from = 0;
  if (text.length > width && start > width / 2) from = Math.min(start - Math.floor(width / 2), Math.max(0, text.length - width));
  const to = Math.min(text.length, from + width);
  const visible = Array.from(text.slice(from, to), (c) => (c.charCodeAt(0) < 0x20 || c === '\u007f' ? ' ' : c)).join('');
  const shown = (from > 0 ? '…' : '') + visible + (to < text.length ? '…' : '');
  const caretStart = start - from + (from > 0 ? 1 : 0);
  const caretLength = Math.max(1, Math.min(end, to + 1) - start);
  return `${error.message}\n  ${shown}\n  ${' '.repeat(caretStart)}${'^'.repeat(caretLength)}`;
}
