/**
 * How a decrypted log is laid out for the editor so that the editor still passes it to the extension. VS Code gives
 * extensions (hovers, outline, links, `openTextDocument`) only documents of at most 50 MiB of text (MODEL_SYNC_LIMIT,
 * counted in UTF-16 code units); above that `openTextDocument` fails ("Files above 50MB cannot be synchronized with
 * extensions") and no provider is ever asked. CloudTrail writes logs of up to 50 MB, and indented they grow by about
 * a third (67 MB for the largest), so:
 *   - `asGiven`: the indented text when it fits (or the stored bytes when they could not be indented and fit);
 *   - `recordPerLine`: otherwise the top two levels indented and every record compact on its own line (about the
 *     stored size), when that fits;
 *   - `tooLarge`: neither fits; the record-per-line text (or the stored bytes when they are not JSON) is what the editor
 *     can still show, without anything the extension adds.
 */
import { ExplainedError } from '../errors';
import { prettyPrintJsonBytes } from './pretty';

/** The most text VS Code passes to extensions: 50 MiB in UTF-16 code units (MODEL_SYNC_LIMIT in VS Code). */
export const EXTENSION_SYNC_LIMIT = 50 * 1024 * 1024;

/** Levels indented in the record-per-line layout: `{`, `"Records": [`, then one record per line. */
export const RECORD_LINE_DEPTH = 2;

export type EditorLayoutKind = 'asGiven' | 'recordPerLine' | 'tooLarge';

export interface EditorLayout {
  kind: EditorLayoutKind;
  bytes: Uint8Array;
  /** Length in UTF-16 code units of the text shown (what VS Code compares with its limit). */
  chars: number;
  /** Length of the indented text when it was printed and did not fit. */
  indentedChars?: number;
}

/**
 * Length in UTF-16 code units of valid UTF-8 bytes, without decoding: one unit per character, two for the characters
 * of 4 bytes (lead byte 0xF0 and up). Linear, no allocation.
 */
export function utf16Length(bytes: Uint8Array): number {
  let units = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if ((b & 0xc0) !== 0x80) units += b >= 0xf0 ? 2 : 1;
  }
  return units;
}

/** The UTF-16 length, counted only when the byte length (never less) passes `limit`. */
function charsOf(bytes: Uint8Array, limit: number): number {
  return bytes.byteLength <= limit ? bytes.byteLength : utf16Length(bytes);
}

/**
 * The layout to show: `indented` (what the printer made, or undefined when it could not: not JSON, too deep) if it
 * fits under `limit`, else the stored bytes printed one record per line (see the file's comment). `stored` is called only when needed (it may
 * inflate the object again). An ASCII-only measure would be wrong for logs full of non-Latin names: lengths are
 * counted in UTF-16 code units, as VS Code counts them.
 */
export function layoutForEditor(indented: Uint8Array | undefined, stored: () => Uint8Array, limit = EXTENSION_SYNC_LIMIT): EditorLayout {
  if (indented) {
    const chars = charsOf(indented, limit);
    if (chars <= limit) return { kind: 'asGiven', bytes: indented, chars };
    const lines = recordPerLine(stored());
    const lineChars = lines ? charsOf(lines, limit) : Number.POSITIVE_INFINITY;
    if (lines && lineChars <= limit) return { kind: 'recordPerLine', bytes: lines, chars: lineChars, indentedChars: chars };
    return { kind: 'tooLarge', bytes: lines ?? indented, chars: Math.min(lineChars, chars), indentedChars: chars };
  }
  const bytes = stored();
  const chars = charsOf(bytes, limit);
  return { kind: chars <= limit ? 'asGiven' : 'tooLarge', bytes, chars };
}

function recordPerLine(bytes: Uint8Array): Buffer | undefined {
  try {
    return prettyPrintJsonBytes(bytes, { lineDepth: RECORD_LINE_DEPTH });
  } catch (error) {
    if (error instanceof ExplainedError) return undefined;
    throw error;
  }
}
