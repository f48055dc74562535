/**
 * LookupEvents returns each record as a JSON *string* (`CloudTrailEvent`). To explain inside it we
 * decode the string literal and keep, for every decoded character, where it came from in the outer text.
 */

export interface EmbeddedText {
  /** The decoded string (itself JSON text). */
  text: string;
  /** outer[i] = offset in the outer text of decoded character i; outer[text.length] = closing quote. */
  outer: Int32Array;
}

const HEX: Record<string, number> = {};
for (let d = 0; d < 16; d++) {
  HEX[d.toString(16)] = d;
  HEX[d.toString(16).toUpperCase()] = d;
}
const SIMPLE: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** Decodes the string literal outer[start, end) (start at the opening quote). */
export function decodeEmbedded(outerText: string, start: number, end: number): EmbeddedText {
  const parts: string[] = [];
  const map = new Int32Array(end - start + 1);
  let length = 0;
  const stop = outerText.charCodeAt(end - 1) === 34 && end - 1 > start ? end - 1 : end;
  for (let i = start + 1; i < stop; i++) {
    const ch = outerText[i];
    if (ch === '\\' && i + 1 < stop) {
      const e = outerText[i + 1];
      if (e === 'u' && i + 5 < stop) {
        const digits = [HEX[outerText[i + 2]], HEX[outerText[i + 3]], HEX[outerText[i + 4]], HEX[outerText[i + 5]]];
        const valid = digits.every((d) => d !== undefined);
        parts.push(valid ? String.fromCharCode((digits[0] << 12) | (digits[1] << 8) | (digits[2] << 4) | digits[3]) : '\uFFFD');
        map[length++] = i;
        i += 5;
        continue;
      }
      parts.push(SIMPLE[e] ?? e);
      map[length++] = i;
      i += 1;
      continue;
    }
    parts.push(ch);
    map[length++] = i;
  }
  map[length] = stop;
  return { text: parts.join(''), outer: map.subarray(0, length + 1) };
}

/** Maps a decoded range back to the outer text (end: just after the last character's escape sequence). */
export function toOuterRange(embedded: EmbeddedText, start: number, end: number): { start: number; end: number } {
  const last = embedded.text.length;
  const s = embedded.outer[Math.min(Math.max(start, 0), last)];
  const e = end >= last ? embedded.outer[last] : embedded.outer[Math.max(end, 0)];
  return { start: s, end: Math.max(e, s) };
}

/** Maps an outer offset (inside the literal) to the decoded text: the character whose escape covers it. */
export function toInnerOffset(embedded: EmbeddedText, outerOffset: number): number {
  const map = embedded.outer;
  let lo = 0;
  let hi = embedded.text.length - 1;
  let best = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (map[mid] <= outerOffset) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}
