/**
 * Names taken from S3 keys (folder and file names, prefixes) are attacker-controlled: whoever may write to the bucket
 * chooses them. Before one is shown in a tree label, a hint or a CLI line it is made one line of visible text
 * (control, line-separator and bidirectional-override characters become `\uXXXX` escapes — the notation of JSON and of
 * the CLI's terminal escaping, so a name reads the same everywhere — and cannot reorder or hide the text around it) and
 * capped with core/text.ts's visible "… (N more characters)".
 */
import { capText } from '../text';

export { capText };

export const DEFAULT_NAME_CHARS = 120;

function invisible(code: number): boolean {
  return (
    code < 0x20 ||
    (code >= 0x7f && code < 0xa0) ||
    code === 0x2028 ||
    code === 0x2029 ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069) ||
    code === 0xfeff
  );
}

/** One line of visible text, capped: for names from S3 keys and other values an endpoint or a bucket writer controls. */
export function shownName(text: string, max = DEFAULT_NAME_CHARS): string {
  // Cap first (bounded work on a huge name), escape after (an escape never hides the cap marker).
  const capped = capText(text, max);
  let out = '';
  for (let i = 0; i < capped.length; i++) {
    const code = capped.charCodeAt(i);
    out += invisible(code) ? `\\u${code.toString(16).padStart(4, '0')}` : capped[i];
  }
  return out;
}
