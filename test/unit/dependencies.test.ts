/** Every package the code imports is declared in package.json: runtime code in dependencies, tests and scripts in either. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builtinModules } from 'node:module';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
};
/** Provided by the editor that runs the extension (its types are the dev dependency @types/vscode). */
const PROVIDED = new Set(['vscode']);

function files(dir: string, ending: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path, ending) : ending.test(name) ? [path] : [];
  });
}

/** Package names of the non-relative import specifiers in a file (`@scope/name/sub` → `@scope/name`). */
function packagesOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const names: string[] = [];
  for (const match of text.matchAll(/(?:from\s+|import\s*\(\s*|require\(\s*)['"]([^'"./][^'"]*)['"]/g)) {
    const spec = match[1];
    if (spec.startsWith('node:') || builtinModules.includes(spec.split('/')[0])) continue;
    const parts = spec.split('/');
    names.push(spec.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]);
  }
  return names;
}

test('src/ imports only packages in dependencies (the editor provides vscode)', () => {
  const missing = new Set<string>();
  for (const file of files(join(ROOT, 'src'), /\.ts$/))
    for (const name of packagesOf(file))
      if (!PROVIDED.has(name) && !manifest.dependencies?.[name]) missing.add(`${name} (${file.slice(ROOT.length + 1)})`);
  assert.deepEqual([...missing], []);
});

test('test/ and scripts/ import only declared packages', () => {
  const declared = { ...manifest.dependencies, ...manifest.devDependencies };
  const missing = new Set<string>();
  for (const file of [...files(join(ROOT, 'test'), /\.ts$/), ...files(join(ROOT, 'scripts'), /\.m?js$/), join(ROOT, 'eslint.config.mjs')])
    for (const name of packagesOf(file))
      if (!PROVIDED.has(name) && !declared[name]) missing.add(`${name} (${file.slice(ROOT.length + 1)})`);
  assert.deepEqual([...missing], []);
});
