/**
 * The one escaping helper between the CLI and a terminal. Every byte the CLI prints passes through it (runCommand
 * wraps the command's io), because S3 keys, log values, ARNs and endpoint error messages are attacker-controlled: a
 * raw ESC or C1 CSI can retitle the window, clear the screen or print an OSC 8 link, a CR can overwrite a line, a bidi
 * override can reorder what is shown. Such characters are written visibly as `\uXXXX` — the JSON escape, so JSON
 * output stays valid JSON with the same meaning. Newline and tab are kept (the CLI's own layout), so is CR before LF.
 */

/** Code points a terminal acts on or that reorder text: C0 (but tab and newline), DEL, C1, bidi marks and overrides. */
export function isTerminalUnsafe(code: number): boolean {
  if (code < 0x20) return code !== 0x09 && code !== 0x0a;
  if (code < 0x7f) return false;
  if (code <= 0x9f) return true;
  return code === 0x061c || code === 0x200e || code === 0x200f || (code >= 0x2028 && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
}

function visible(code: number): string {
  return `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * `text` with every terminal-unsafe character written as `\uXXXX`; the same string when there is none. Linear.
 * `oneLine`: newline and tab too — for one value in a line of its own layout (a table cell), which must not start a
 * line of its own.
 */
export function escapeTerminalText(text: string, oneLine = false): string {
  const parts: string[] = [];
  let from = 0;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    const unsafe = isTerminalUnsafe(code) || (oneLine && (code === 0x0a || code === 0x09));
    if (!unsafe || (!oneLine && code === 0x0d && text.charCodeAt(at + 1) === 0x0a)) continue;
    if (at > from) parts.push(text.slice(from, at));
    parts.push(visible(code));
    from = at + 1;
  }
  if (from === 0) return text;
  parts.push(text.slice(from));
  return parts.join('');
}

/**
 * The length of the well-formed UTF-8 sequence starting at `at` (1–4), or 0 when the byte there starts none (a lone
 * continuation byte, a bad lead, a truncated or overlong sequence, a surrogate): the decoder's rules (Unicode table 3-7).
 */
export function utf8SequenceLength(bytes: Uint8Array, at: number): number {
  const b = bytes[at];
  if (b < 0x80) return 1;
  let need: number;
  let low = 0x80;
  let high = 0xbf;
  if (b >= 0xc2 && b <= 0xdf) need = 1;
  else if (b >= 0xe0 && b <= 0xef) {
    need = 2;
    if (b === 0xe0) low = 0xa0;
    else if (b === 0xed) high = 0x9f;
  } else if (b >= 0xf0 && b <= 0xf4) {
    need = 3;
    if (b === 0xf0) low = 0x90;
    else if (b === 0xf4) high = 0x8f;
  } else return 0;
  if (at + need >= bytes.length || bytes[at + 1] < low || bytes[at + 1] > high) return 0;
  for (let next = 2; next <= need; next++) if (bytes[at + next] < 0x80 || bytes[at + next] > 0xbf) return 0;
  return need + 1;
}

/**
 * What to do at `at`: [length, replacement] for an unsafe sequence or byte, [length] to copy a safe one. A byte
 * 0x80–0x9F that is no part of a well-formed sequence is a raw C1 control to a terminal in 8-bit mode (0x9B is CSI):
 * it is written `\xHH`, a byte and not a character (such input is not valid UTF-8, so not valid JSON, anyway).
 */
function utf8At(bytes: Uint8Array, at: number): [length: number, replacement?: string] {
  const b = bytes[at];
  if (b < 0x80) {
    if (b === 0x0d && bytes[at + 1] === 0x0a) return [1];
    return isTerminalUnsafe(b) ? [1, visible(b)] : [1];
  }
  const length = utf8SequenceLength(bytes, at);
  if (length === 0) return b <= 0x9f ? [1, `\\x${b.toString(16)}`] : [1];
  if (length === 4) return [4];
  const code =
    length === 2 ? ((b & 0x1f) << 6) | (bytes[at + 1] & 0x3f) : ((b & 0x0f) << 12) | ((bytes[at + 1] & 0x3f) << 6) | (bytes[at + 2] & 0x3f);
  return isTerminalUnsafe(code) ? [length, visible(code)] : [length];
}

/** The same for UTF-8 bytes (`cat` prints bytes, never a 50 MB string): the input itself when nothing is unsafe. */
export function escapeTerminalBytes(bytes: Uint8Array): Uint8Array {
  // Two linear passes: count (most logs have nothing to escape), then write into one buffer of the exact size.
  let extra = 0;
  for (let at = 0; at < bytes.length;) {
    const b = bytes[at];
    if (b >= 0x20 && b < 0x7f) {
      at++;
      continue;
    }
    const [length, replacement] = utf8At(bytes, at);
    if (replacement !== undefined) extra += replacement.length - length;
    at += length;
  }
  if (extra === 0) return bytes;
  const out = Buffer.allocUnsafe(bytes.length + extra);
  let written = 0;
  let from = 0;
  for (let at = 0; at < bytes.length;) {
    const b = bytes[at];
    if (b >= 0x20 && b < 0x7f) {
      at++;
      continue;
    }
    const [length, replacement] = utf8At(bytes, at);
    if (replacement !== undefined) {
      out.set(bytes.subarray(from, at), written);
      written += at - from;
      written += out.write(replacement, written, 'latin1');
      from = at + length;
    }
    at += length;
  }
  out.set(bytes.subarray(from), written);
  return out;
}

/** Where the CLI writes. */
export interface TerminalSink {
  stdout: { write(chunk: string | Uint8Array): unknown };
  stderr: { write(text: string): unknown };
}

/** `io` with every write escaped for the terminal. */
export function terminalSafe<T extends TerminalSink>(io: T): T {
  return {
    ...io,
    stdout: {
      write: (chunk: string | Uint8Array) =>
        io.stdout.write(typeof chunk === 'string' ? escapeTerminalText(chunk) : escapeTerminalBytes(chunk)),
    },
    stderr: { write: (text: string) => io.stderr.write(escapeTerminalText(text)) },
  };
}
