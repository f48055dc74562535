/**
 * What the Marketplace package holds: only what runs or is shown (the production bundle, manifest, icon, grammar,
 * docs), nothing of the sources, tests, source maps or the CLI bundle; and the production bundle is the minified one.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const REPO = join(__dirname, '..', '..', '..');

/** Allowed paths of the .vsix (besides vsce's own [Content_Types].xml and extension.vsixmanifest). */
const ALLOWED = [
  /^dist\/extension\.js$/,
  /^package\.json$/,
  /^package\.nls(\.[a-z-]+)?\.json$/,
  /^l10n\/bundle\.l10n(\.[a-z-]+)?\.json$/,
  /^README\.md$/,
  /^CHANGELOG\.md$/,
  /^LICENSE$/,
  /^media\/(icon\.png|cloudtrail-kms\.svg|sandbox\.md)$/,
  /^media\/walkthrough\/[a-z0-9-]+\.(md|png|svg)$/,
  /^syntaxes\/[a-z0-9.-]+\.tmLanguage\.json$/,
];
const REQUIRED = [
  'dist/extension.js',
  'package.json',
  'package.nls.json',
  'l10n/bundle.l10n.json',
  'README.md',
  'CHANGELOG.md',
  'LICENSE',
  'media/icon.png',
];

function vsceList(): string[] {
  const vsce = require.resolve('@vscode/vsce/vsce', { paths: [REPO] });
  const run = spawnSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: REPO, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return run.stdout
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

test('the .vsix file list holds only what runs or is shown', () => {
  const files = vsceList();
  const unexpected = files.filter((file) => !ALLOWED.some((pattern) => pattern.test(file)));
  assert.deepEqual(unexpected, [], 'files that should not ship');
  for (const file of REQUIRED) assert.ok(files.includes(file), `${file} is missing from the package`);
  const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as Record<string, unknown>;
  // The walkthrough's pictures (and with them the README's) ship: VS Code shows them from the installed copy.
  const walkthroughs = (manifest.contributes as { walkthroughs?: { steps: { media: { image?: string } }[] }[] }).walkthroughs ?? [];
  const images = walkthroughs.flatMap((walkthrough) => walkthrough.steps.map((step) => step.media.image ?? ''));
  assert.ok(images.length >= 6, 'the walkthrough has no pictures');
  for (const image of images) assert.ok(files.includes(image), `${image} (walkthrough) is missing from the package`);
  for (const field of ['icon', 'galleryBanner', 'repository', 'license', 'categories', 'keywords', 'engines']) {
    assert.ok(manifest[field] !== undefined, `package.json lacks ${field}`);
  }
  assert.equal((manifest.scripts as Record<string, string>)['vscode:prepublish'], 'node scripts/build.mjs --production');
});

test('the production bundle is minified, has no source map and stays small', () => {
  const out = mkdtempSync(join(tmpdir(), 'ctkms-prod-'));
  try {
    const build = spawnSync(process.execPath, [join(REPO, 'scripts', 'build.mjs'), '--production', '--outdir', out], {
      cwd: REPO,
      encoding: 'utf8',
    });
    assert.equal(build.status, 0, build.stderr);
    const bundle = join(out, 'extension.js');
    const size = statSync(bundle).size;
    const text = readFileSync(bundle, 'utf8');
    assert.ok(size < 1_500_000, `production bundle is ${size} bytes`);
    assert.doesNotMatch(text, /sourceMappingURL/);
    const lines = text.split('\n').length;
    assert.ok(lines < 200, `minified: ${lines} lines`);
    // Class names survive minification (the timeout messages name the SDK command).
    assert.match(text, /GetObjectCommand/);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
