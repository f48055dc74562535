/**
 * The real CloudTrail events gathered for issue 13 (test/fixtures/real-events, sources in SOURCES.md): valid JSON
 * as published, plus the examples AWS published as broken JSON (read only through the tolerant parser).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildRecordIndex } from '../../../src/core/explain';
import { parseTree, toValue } from '../../../src/core/explain/jsonTree';

/** The repository root, from `out/test/unit/explain/` where the compiled tests run. */
export const REAL_EVENTS = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'real-events');

export interface RealFile {
  name: string;
  text: string;
  /** False for `invalid-as-published/*.json.txt`. */
  valid: boolean;
}

export interface RealRecord {
  file: string;
  /** Index of the record in its file. */
  index: number;
  record: Record<string, unknown>;
  kms: boolean;
}

function walk(dir: string, out: string[]): string[] {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (name.endsWith('.json') || name.endsWith('.json.txt')) out.push(path);
  }
  return out;
}

export function realFiles(): RealFile[] {
  return walk(REAL_EVENTS, []).map((path) => ({
    name: relative(REAL_EVENTS, path),
    text: readFileSync(path, 'utf8'),
    valid: path.endsWith('.json'),
  }));
}

/** Every record of every file, parsed the way the hover parses it (tolerantly). */
export function realRecords(files = realFiles()): RealRecord[] {
  const out: RealRecord[] = [];
  for (const file of files) {
    const index = buildRecordIndex(file.text);
    for (let i = 0; i < index.count; i++) {
      const tree = parseTree(file.text, index.starts[i], index.ends[i]);
      const record = toValue(tree) as Record<string, unknown>;
      if (!record || typeof record !== 'object') continue;
      out.push({ file: file.name, index: i, record, kms: record.eventSource === 'kms.amazonaws.com' });
    }
  }
  return out;
}

/** Offset just inside the first occurrence of `needle` in `text` after `from`. */
export function inside(text: string, needle: string, from = 0): number {
  const at = text.indexOf(needle, from);
  if (at < 0) throw new Error(`"${needle}" not in text`);
  return at + 1;
}

export function realFile(name: string): string {
  return readFileSync(join(REAL_EVENTS, name), 'utf8');
}

/** The `specific` flag of an explanation (false where the text is a generic catch-all). */
export function isSpecific(explanation: object | undefined): boolean {
  return (explanation as { specific?: unknown } | undefined)?.specific === true;
}
