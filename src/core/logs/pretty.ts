/**
 * Re-indents JSON with 2 spaces, the way `JSON.stringify(JSON.parse(text), null, 2)` lays it out, but without
 * building objects: every string and number token is copied verbatim (escapes, big numbers, `1.0` stay as written).
 * Large CloudTrail logs (50 MB) are the reason: no object graph, no string, one output buffer: UTF-8 bytes in, UTF-8
 * bytes out (what VS Code's FileSystemProvider.readFile returns and stdout takes). Whole (prettyPrintJsonBytes) or as
 * the bytes arrive (PrettyPrintStream: the gunzip stream's chunks, no second pass over the document).
 *
 * Errors (ExplainedError): 'NotJson' with line and column (in characters); 'IndentTooLarge' when the indented text would
 * pass INDENT_LIMIT — deep nesting makes it grow with the square of the depth (an 81 KB file of `[[[[…` would take
 * 800 MB): the printer counts what it writes and refuses before it allocates past the limit.
 */
import { isUtf8 } from 'node:buffer';
import { ExplainedError, notJsonError } from '../errors';
import { formatBytes } from '../formatBytes';
import { IndentStop, JsonIndenter, type IndentFailure } from './jsonIndenter';

/** The indented text may take 16 bytes per byte of JSON plus 16 MiB, and never more than 1 GiB. */
export const INDENT_LIMIT = { perInputByte: 16, allowance: 16 * 1024 * 1024, most: 1024 * 1024 * 1024 } as const;

/** The most indented bytes allowed for `inputBytes` of JSON. */
export function indentLimit(inputBytes: number): number {
  return Math.min(INDENT_LIMIT.most, INDENT_LIMIT.allowance + INDENT_LIMIT.perInputByte * inputBytes);
}

export function indentTooLargeError(depth: number, inputBytes: number, limit: number): ExplainedError {
  return new ExplainedError(
    'IndentTooLarge',
    `The document is nested too deeply to pretty-print: indented, it would take more than ${formatBytes(limit)}.`,
    `It is nested at least ${depth.toLocaleString('en-US')} levels deep, and every line is indented by two spaces per level, so the ` +
      `indented text grows with the square of the depth; ${formatBytes(inputBytes)} of it already passed the limit of ` +
      `${INDENT_LIMIT.perInputByte} times its size plus ${formatBytes(INDENT_LIMIT.allowance)}. CloudTrail writes logs a few levels deep: ` +
      'this file was not written by CloudTrail as it is.',
    'Read it as stored, without indentation.',
  );
}

function explain(failure: IndentFailure, text: Uint8Array): ExplainedError {
  if (failure.kind === 'size') return indentTooLargeError(failure.depth, failure.at, failure.limit);
  const { at, expected } = failure;
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf(10); i !== -1 && i < at; i = text.indexOf(10, i + 1)) {
    line++;
    lineStart = i + 1;
  }
  const decode = (from: number, to: number): string => Buffer.from(text.buffer, text.byteOffset + from, to - from).toString('utf8');
  const found = at >= text.length ? 'the end of the text' : `${JSON.stringify(decode(at, Math.min(text.length, at + 4)).charAt(0))}`;
  return notJsonError(`Expected ${expected} at line ${line}, column ${decode(lineStart, at).length + 1}, but found ${found}.`);
}

/** Length of a UTF-8 byte order mark at the start (tolerated, not copied). */
function bomLength(text: Uint8Array): number {
  return text[0] === 0xef && text[1] === 0xbb && text[2] === 0xbf ? 3 : 0;
}

/**
 * Pretty-prints UTF-8 JSON bytes into UTF-8 bytes; with `lineDepth`, values nested deeper than that many levels stay
 * compact on their parent's line (2: a log's records one per line). Invalid UTF-8 is first replaced by U+FFFD, as Buffer.toString does
 * (only then is the input copied), so the output is always valid UTF-8. The result may be a view on a larger,
 * partly untouched allocation: its byteLength is what it holds.
 */
export function prettyPrintJsonBytes(input: Uint8Array, options: { lineDepth?: number } = {}): Buffer {
  const text = isUtf8(input) ? input : Buffer.from(Buffer.from(input.buffer, input.byteOffset, input.byteLength).toString('utf8'));
  const limit = indentLimit(text.length);
  const reserve = options.lineDepth === undefined ? Math.ceil(text.length * 1.6) + 1024 : text.length + (text.length >> 4) + 1024;
  const printer = new JsonIndenter(reserve, () => limit, options.lineDepth);
  try {
    printer.feed(text, true, bomLength(text));
    printer.finish();
  } catch (error) {
    if (error instanceof IndentStop) throw explain(error.failure, text);
    throw error;
  }
  return printer.output();
}

/**
 * The same printer for a string: encoded once, printed as bytes, decoded once. A lone surrogate becomes U+FFFD,
 * as TextEncoder does. Callers that have the bytes (fetchLog's `bytes`) should use prettyPrintJsonBytes.
 */
export function prettyPrintJson(text: string): string {
  return prettyPrintJsonBytes(Buffer.from(text, 'utf8')).toString('utf8');
}

/**
 * The printer fed piece by piece, as the bytes arrive: write() each piece (never throws), then end() with the whole
 * input, which gives the same bytes — or throws the same error — as prettyPrintJsonBytes(whole). The whole input is
 * read again only when printing stopped or the text was not UTF-8 (the rare cases the exact error or the U+FFFD
 * replacement need it). `reserve`: the expected output size (untouched pages of a large reservation cost no memory).
 */
export class PrettyPrintStream {
  private readonly printer: JsonIndenter;
  private stopped = false;
  private started = false;

  constructor(reserve = 1024 * 1024) {
    this.printer = new JsonIndenter(reserve, indentLimit);
  }

  write(piece: Uint8Array): void {
    if (this.stopped) return;
    try {
      const skip = this.started ? 0 : bomLength(piece);
      this.started = true;
      this.printer.feed(piece, false, skip);
    } catch (error) {
      if (!(error instanceof IndentStop)) throw error;
      this.stopped = true;
    }
  }

  end(whole: () => Uint8Array): Buffer {
    if (!this.stopped) {
      try {
        this.printer.finish();
        const output = this.printer.output();
        if (isUtf8(output)) return output;
      } catch (error) {
        if (!(error instanceof IndentStop)) throw error;
      }
    }
    return prettyPrintJsonBytes(whole());
  }
}
