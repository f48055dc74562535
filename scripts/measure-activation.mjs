// `node scripts/measure-activation.mjs`: what activating on every JSON file costs (the extension activates on
// `onLanguage:json`). Measures, in this Node process, (1) loading the production bundle (what VS Code does once per
// window on the first JSON file; built into a temporary folder) and the development bundle dist/extension.js, and
// (2) the per-editor check that decides whether a JSON document is CloudTrail (first 16 KB), on a JSON file that is
// not. `vscode` is replaced by an inert stand-in for loading only: nothing is activated or called. Needs
// `npm run build && npm run compile`. A measurement, not a test: it prints numbers, never fails on them.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** Loads a bundle in a fresh child process (a cold module cache, as in a new extension host) and returns ms. */
function loadMs(bundle) {
  const code = `
    const Module = require('node:module');
    const load = Module._load;
    // Any property, call or construction gives the stand-in again; esbuild's __toESM copies from its prototype.
    const anything = new Proxy({}, { get: (_, key) => (key === '__esModule' || typeof key === 'symbol' ? undefined : inert) });
    const inert = new Proxy(function () {}, {
      get: (_, key) => (key === 'prototype' ? {} : typeof key === 'symbol' ? undefined : inert),
      construct: () => inert,
      apply: () => inert,
      getPrototypeOf: () => anything,
    });
    Module._load = function (request, ...rest) { return request === 'vscode' ? inert : load.call(this, request, ...rest); };
    const started = process.hrtime.bigint();
    require(${JSON.stringify(bundle)});
    process.stdout.write(String(Number(process.hrtime.bigint() - started) / 1e6));`;
  const run = spawnSync(process.execPath, ['-e', code], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return Number(run.stdout);
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const out = mkdtempSync(join(tmpdir(), 'ctkms-measure-'));
try {
  const build = spawnSync(process.execPath, [join(REPO, 'scripts', 'build.mjs'), '--production', '--outdir', out], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(build.stderr);
  for (const [name, bundle] of [
    ['production bundle', join(out, 'extension.js')],
    ['development bundle', join(REPO, 'dist', 'extension.js')],
  ]) {
    const runs = Array.from({ length: 7 }, () => loadMs(bundle));
    const size = (statSync(bundle).size / 1e6).toFixed(2);
    process.stdout.write(
      `${name} (${size} MB): load ${median(runs).toFixed(1)} ms median of 7 cold loads (min ${Math.min(...runs).toFixed(1)})\n`,
    );
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}

// The check made per active editor: is this JSON CloudTrail? (first 16 KB of package-lock.json, which is not)
const { looksLikeCloudTrail } = require(join(REPO, 'out', 'src', 'core', 'explain'));
const head = readFileSync(join(REPO, 'package-lock.json'), 'utf8').slice(0, 16 * 1024);
const rounds = 2000;
const started = process.hrtime.bigint();
let yes = 0;
for (let i = 0; i < rounds; i++) if (looksLikeCloudTrail(head)) yes++;
const perCheck = Number(process.hrtime.bigint() - started) / 1e3 / rounds;
process.stdout.write(
  `is-it-CloudTrail check on a 16 KB non-CloudTrail JSON head: ${perCheck.toFixed(1)} µs per editor switch (${yes} false positives)\n`,
);
