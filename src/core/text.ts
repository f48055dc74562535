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
