/** Shared helpers for the explain tests: the read-only corpus of real CloudTrail events. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { CORPUS } from '../../corpusPath';
export { CORPUS };

export interface CorpusFile {
  name: string;
  text: string;
}

export function corpusFiles(): CorpusFile[] {
  const files: CorpusFile[] = [];
  for (const dir of readdirSync(CORPUS).sort()) {
    for (const file of readdirSync(join(CORPUS, dir)).sort()) {
      if (file.endsWith('.json')) files.push({ name: `${dir}/${file}`, text: readFileSync(join(CORPUS, dir, file), 'utf8') });
    }
  }
  return files;
}

export function seed(name: 'configured' | 'stored' | 'read'): string {
  const file = {
    configured: '1-trail-configured-generatedatakey.json',
    stored: '2-log-file-stored-generatedatakey.json',
    read: '3-log-file-read-decrypt.json',
  }[name];
  return readFileSync(join(CORPUS, 'seed', file), 'utf8');
}

/** Offset just inside the first occurrence of `needle` (after its first character). */
export function at(text: string, needle: string, from = 0): number {
  const index = text.indexOf(needle, from);
  if (index < 0) throw new Error(`"${needle}" not in text`);
  return index + 1;
}
