/**
 * A result set as a plain-text document, for reading top to bottom (or printing): title and summary first, then the
 * groups worst first with their counts and time spans, each item on one line with what it names. Log values are made
 * one-line (no control characters), so a record cannot forge lines of the report.
 */
import { groupResults, type ResultGroup, type ResultItem, type ResultSet } from './model';

const SEVERITY_WORD: Record<ResultItem['severity'], string> = { error: '✗', warning: '!', info: '·', ok: '✓' };
const MAX_FIELD = 300;

function clean(value: string): string {
  let out = '';
  const head = value.length > MAX_FIELD * 2 ? value.slice(0, MAX_FIELD * 2) : value;
  for (let i = 0; i < head.length; i++) {
    const code = head.charCodeAt(i);
    out += code < 0x20 || (code >= 0x7f && code <= 0x9f) ? ' ' : head[i];
  }
  return out.length > MAX_FIELD ? `${out.slice(0, MAX_FIELD - 1)}…` : out;
}

/** `2026-11-24 – 2026-11-26`, one day, or nothing. */
export function timeSpan(first: string | undefined, last: string | undefined): string {
  if (!first || !last) return '';
  const a = first.slice(0, 10);
  const b = last.slice(0, 10);
  return a === b ? a : `${a} – ${b}`;
}

function itemLine(item: ResultItem, indent: string): string {
  const where = item.source ? `  s3://${clean(item.source.bucket)}/${clean(item.source.key)}` : '';
  const record = item.source?.recordIndex !== undefined ? ` (record ${item.source.recordIndex + 1})` : '';
  return `${indent}${SEVERITY_WORD[item.severity]} ${clean(item.label)}${item.detail ? ` — ${clean(item.detail)}` : ''}${where}${record}`;
}

function writeGroup(group: ResultGroup, depth: number, lines: string[], itemsPerGroup: number): void {
  const indent = '  '.repeat(depth);
  for (const child of group.groups) {
    const span = timeSpan(child.firstTime, child.lastTime);
    lines.push(`${indent}${clean(child.name)} (${child.count}${span ? ` · ${span}` : ''})`);
    writeGroup(child, depth + 1, lines, itemsPerGroup);
  }
  const shown = group.items.slice(0, itemsPerGroup);
  for (const item of shown) lines.push(itemLine(item, indent));
  if (group.items.length > shown.length)
    lines.push(`${indent}… and ${group.items.length - shown.length} more (in the results view and the saved JSON Lines)`);
}

/** The whole set as text; at most `itemsPerGroup` items under one group (the rest are counted). */
export function resultsReport(set: ResultSet, itemsPerGroup = 5000): string {
  const lines = [clean(set.title)];
  if (set.summary) lines.push(clean(set.summary));
  if (!set.done) lines.push('(still running: this is what was found so far)');
  lines.push('');
  if (set.items.length === 0) lines.push('Nothing found.');
  writeGroup(groupResults(set.items, set.groupOrder), 0, lines, itemsPerGroup);
  return `${lines.join('\n')}\n`;
}
