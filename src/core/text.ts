/**
 * Linear text helpers for attacker-controlled text (log values, S3 keys, policies, endpoint answers): trimming runs
 * of characters and capping lengths without regular expressions, so no input can make them backtrack.
 */

/** The visible note that replaces what a cap left out: `… (12,345 more characters)`. */
export function moreCharacters(count: number): string {
  return `… (${count.toLocaleString('en-US')} more character${count === 1 ? '' : 's'})`;
}

/**
 * `text` cut to at most `max` UTF-16 code units plus a visible `… (N more characters)`; unchanged when it fits.
 * Never splits a surrogate pair; the result is at most `max` + 40 code units long.
 */
export function capText(text: string, max: number): string {
  if (text.length <= max) return text;
  let keep = Math.max(0, Math.floor(max));
  const code = text.charCodeAt(keep - 1);
  if (keep > 0 && code >= 0xd800 && code <= 0xdbff) keep--;
  return `${text.slice(0, keep)}${moreCharacters(text.length - keep)}`;
}

/** `text` without leading and trailing runs of characters from `chars`. */
export function trimChars(text: string, chars: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && chars.includes(text[start])) start++;
  while (end > start && chars.includes(text[end - 1])) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/** `text` without a trailing run of characters from `chars`. */
export function trimEndChars(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1])) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** A key prefix without leading or trailing slashes. */
export function trimSlashes(text: string): string {
  return trimChars(text, '/');
}

/**
 * Code units that do not show as themselves in one line of plain text (a dialog, a label): C0, DEL, C1, line and
 * paragraph separators, zero-width and bidi marks, embeddings, overrides and isolates, BOM, and surrogate halves
 * (callers pass code units; a pair is checked by `showInvisibles`).
 */
export function isInvisibleOrControl(code: number): boolean {
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return true;
  if (code === 0x061c || code === 0xfeff || (code >= 0x200b && code <= 0x200f)) return true;
  return (code >= 0x2028 && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
}

/** `text` with every invisible or control code unit written as `\uXXXX` (linear; the same string when there is none). */
export function showInvisibles(text: string): string {
  let out = '';
  let from = 0;
  for (let at = 0; at < text.length; at++) {
    if (!isInvisibleOrControl(text.charCodeAt(at))) continue;
    out += `${text.slice(from, at)}\\u${text.charCodeAt(at).toString(16).padStart(4, '0')}`;
    from = at + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}
