// Bundles the extension and the CLI with esbuild.
// `node scripts/build.mjs [--watch] [--production] [--outdir DIR]`
//   (default)     dist/extension.js and dist/cli.js with source maps, readable (tests and debugging)
//   --production  minified, no source maps: what the .vsix ships (`vscode:prepublish`)
//   --watch       rebuild on change (the F5 set-up's background task)
// Every build also writes l10n/bundle.l10n.json (the strings of vscode.l10n.t in src/vscode, exported by
// @vscode/l10n-dev, as `npm run l10n` does) unless it is newer than every source file of src/vscode.
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getL10nJson } from '@vscode/l10n-dev';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
const outdirAt = process.argv.indexOf('--outdir');
const outdir = outdirAt === -1 ? 'dist' : process.argv[outdirAt + 1];

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  // Names stay readable in stack traces and in `error.name` checks even when minified.
  keepNames: true,
  // The AWS SDK's ES module builds tree-shake far better than its CommonJS ones.
  mainFields: ['module', 'main'],
  legalComments: production ? 'none' : 'inline',
  logLevel: watch ? 'info' : 'warning',
};

const configs = [
  { ...common, entryPoints: ['src/extension.ts'], outfile: `${outdir}/extension.js`, external: ['vscode'] },
  { ...common, entryPoints: ['src/cli.ts'], outfile: `${outdir}/cli.js`, banner: { js: '#!/usr/bin/env node' } },
];

function sourceFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** l10n/bundle.l10n.json from src/vscode; skipped when it is newer than every source (the export takes seconds). */
async function exportL10nBundle() {
  const bundle = join('l10n', 'bundle.l10n.json');
  const sources = sourceFiles(join('src', 'vscode'));
  if (existsSync(bundle)) {
    const built = statSync(bundle).mtimeMs;
    if (sources.every((path) => statSync(path).mtimeMs < built)) return;
  }
  const strings = await getL10nJson(sources.map((path) => ({ extension: '.ts', contents: readFileSync(path, 'utf8') })));
  mkdirSync('l10n', { recursive: true });
  writeFileSync(bundle, `${JSON.stringify(strings, null, 2)}\n`);
}

await exportL10nBundle();

if (watch) {
  // The F5 task's problem matcher waits for this line, then for esbuild's "[watch] build finished".
  console.log('[watch] build started');
  for (const config of configs) {
    const ctx = await esbuild.context(config);
    await ctx.watch();
  }
} else {
  await Promise.all(configs.map((config) => esbuild.build(config)));
}
