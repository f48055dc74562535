// `npm run screenshots`: regenerates the pictures of the README and the walkthrough from the e2e UI tests.
// It runs the UI tests that take them (newest VS Code only, CLOUDTRAIL_KMS_E2E_GREP = their titles), then copies the
// chosen screenshots from test-results/ to media/walkthrough/. A picture whose test is not in this branch (or failed)
// is reported and the committed one is kept; the exit code is then 1. Needs `npm run build && npm run compile` first
// (the npm script does both).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..');

/** test-results/<from>.png → media/walkthrough/<to>.png, taken by the UI test whose title contains <test>. */
export const SHOTS = [
  { from: 'trails-view-welcome', to: 'connect', test: 'opens the Trails view with its welcome text' },
  { from: 'tree-day-of-logs', to: 'browse-trail', test: 'expands from a trail down to a day of log files' },
  { from: 'decrypted-log-readonly', to: 'open-log', test: 'opens decrypted in a read-only editor' },
  { from: 'hover-encryption-context', to: 'hover-kms-event', test: 'encryption context shows the linked trail' },
  { from: 'find-events-results', to: 'find-events', test: 'Find Events from the palette' },
  { from: 'validate-integrity-report', to: 'validate-integrity', test: 'validation report' },
];

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const started = Date.now();
const run = spawnSync(process.execPath, [join(REPO, 'out', 'test', 'e2e', 'run.js')], {
  cwd: REPO,
  stdio: 'inherit',
  env: {
    ...process.env,
    CLOUDTRAIL_KMS_E2E_TARGET: 'latest',
    CLOUDTRAIL_KMS_E2E_GREP: SHOTS.map((shot) => escapeRegExp(shot.test)).join('|'),
  },
});

const missing = [];
for (const shot of SHOTS) {
  const from = join(REPO, 'test-results', `${shot.from}.png`);
  const to = join(REPO, 'media', 'walkthrough', `${shot.to}.png`);
  if (!existsSync(from) || statSync(from).mtimeMs < started) {
    missing.push(`${shot.to}.png (no new test-results/${shot.from}.png from the test "${shot.test}")`);
    continue;
  }
  copyFileSync(from, to);
  process.stdout.write(`media/walkthrough/${shot.to}.png ← test-results/${shot.from}.png\n`);
}
if (missing.length > 0) process.stdout.write(`Kept the committed picture for:\n  ${missing.join('\n  ')}\n`);
process.exit(run.status === 0 && missing.length === 0 ? 0 : 1);
