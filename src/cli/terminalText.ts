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

/** The unsafe UTF-8 sequence at `at`: its length (1–3 bytes) and code point; undefined when the bytes there are safe. */
function unsafeUtf8At(bytes: Uint8Array, at: number): [length: number, code: number] | undefined {
  const b = bytes[at];
  if (b < 0x80) {
    if (b === 0x0d && bytes[at + 1] === 0x0a) return undefined;
    return isTerminalUnsafe(b) ? [1, b] : undefined;
  }
  if (b === 0xc2 && at + 1 < bytes.length && bytes[at + 1] >= 0x80 && bytes[at + 1] <= 0x9f) return [2, bytes[at + 1]];
  if (b === 0xd8 && bytes[at + 1] === 0x9c) return [2, 0x061c];
  if (b === 0xe2 && at + 2 < bytes.length && (bytes[at + 1] === 0x80 || bytes[at + 1] === 0x81)) {
    const code = 0x2000 | ((bytes[at + 1] & 0x3f) << 6) | (bytes[at + 2] & 0x3f);
    return isTerminalUnsafe(code) ? [3, code] : undefined;
  }
  return undefined;
}

/** The same for UTF-8 bytes (`cat` prints bytes, never a 50 MB string): the input itself when nothing is unsafe. */
export function escapeTerminalBytes(bytes: Uint8Array): Uint8Array {
  // Two linear passes: count (most logs have nothing to escape), then write into one buffer of the exact size.
  let extra = 0;
  for (let at = 0; at < bytes.length; at++) {
    const b = bytes[at];
    if (b >= 0x20 && b !== 0x7f && b !== 0xc2 && b !== 0xd8 && b !== 0xe2) continue;
    const unsafe = unsafeUtf8At(bytes, at);
    if (!unsafe) continue;
    extra += 6 - unsafe[0];
    at += unsafe[0] - 1;
  }
  if (extra === 0) return bytes;
  const out = Buffer.allocUnsafe(bytes.length + extra);
  let written = 0;
  let from = 0;
  for (let at = 0; at < bytes.length; at++) {
    const b = bytes[at];
    if (b >= 0x20 && b !== 0x7f && b !== 0xc2 && b !== 0xd8 && b !== 0xe2) continue;
    const unsafe = unsafeUtf8At(bytes, at);
    if (!unsafe) continue;
    out.set(bytes.subarray(from, at), written);
    written += at - from;
    written += out.write(visible(unsafe[1]), written, 'latin1');
    at += unsafe[0] - 1;
    from = at + 1;
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
