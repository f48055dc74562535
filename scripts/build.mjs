// Bundles the extension and the CLI with esbuild.
// `node scripts/build.mjs [--watch] [--production] [--outdir DIR]`
//   (default)     dist/extension.js and dist/cli.js with source maps, readable (tests and debugging)
//   --production  minified, no source maps: what the .vsix ships (`vscode:prepublish`)
//   --watch       rebuild on change (the F5 set-up's background task)
import * as esbuild from 'esbuild';

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
