/**
 * Escaping for Markdown that shows attacker-controlled text (log values) in hovers.
 *
 * Every ASCII punctuation character is backslash-escaped (CommonMark allows that for all of them), so no
 * emphasis, link, image, code span, HTML tag, entity or autolink can form: `https://x` becomes `https\:\/\/x`,
 * which no autolink rule matches, and `[a](command:x)` stays text. Line breaks become spaces so a value cannot
 * start a heading, list or fence of its own; other control characters are dropped.
 *
 * `$` is the one exception: VS Code turns `$(name)` into a theme icon *after* the Markdown pass has removed the
 * backslashes (so `\$\(verified\)` became a check-mark icon), so `$` is written as the character reference `&#36;`,
 * which the Markdown pass keeps as it is and only the HTML parser turns back into `$`, after the icon pass. Hovers also
 * turn theme icons off (supportThemeIcons false); this holds even where they are on.
 */
const PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B-\u200F\u202A-\u202E\u2066-\u2069]/g;

export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n|[\r\n\u2028\u2029]/g, ' ')
    .replace(/\t/g, ' ')
    .replace(CONTROL, '')
    .replace(PUNCTUATION, (c) => (c === '$' ? '&#36;' : `\\${c}`));
}

/**
 * A value as inline code, which renders its content literally; the fence is longer than any backtick run inside. A
 * value holding `$` is shown as escaped text instead: inside a code span `$(name)` cannot be kept from becoming a
 * theme icon where icons are on (a character reference is not decoded there).
 */
export function inlineCode(text: string): string {
  if (text.includes('$')) return escapeMarkdown(text);
  const flat = text.replace(/\r\n|[\r\n\u2028\u2029\t]/g, ' ').replace(CONTROL, '');
  let longest = 0;
  for (const run of flat.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat === '' ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** A `command:` link target with JSON arguments (the handler validates them again). */
export function commandUri(command: string, args: unknown[]): string {
  if (!/^[A-Za-z0-9_.]+$/.test(command)) throw new Error(`Not a command id: ${command}`);
  return `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;
}

/** A Markdown link whose text is escaped and whose target was built by us (never from log text). */
export function markdownLink(text: string, target: string, title?: string): string {
  // Percent-encoded, so a `)` inside the arguments cannot end the link early (encodeURIComponent leaves ( and ) as they are).
  const safeTarget = target.replace(/[()\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  // A title is a tooltip, not Markdown, but it sits inside the link syntax: keep only characters that cannot end it.
  const safeTitle = title ? ` "${title.replace(/[^\w:/.@+=,-]/g, '')}"` : '';
  return `[${escapeMarkdown(text)}](${safeTarget}${safeTitle})`;
}
