/**
 * package.json as VS Code shows it in English: every `%key%` string replaced by its package.nls.json text (issue 18:
 * the manifest's words live in package.nls.json). For tests that check what the manifest says, not its keys.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function readEnglishManifest(root: string): unknown {
  const nls = JSON.parse(readFileSync(join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
  const english = (value: unknown): unknown => {
    if (typeof value === 'string') {
      const key = /^%([^%]+)%$/.exec(value)?.[1];
      return key !== undefined && Object.hasOwn(nls, key) ? nls[key] : value;
    }
    if (Array.isArray(value)) return value.map(english);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, english(v)]));
    return value;
  };
  return english(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')));
}
