// @vscode/test-cli configuration: the extension-host suite (test/e2e/suite) in desktop VS Code, downloaded by
// @vscode/test-electron. Run it with `npm run test:desktop` (scripts/test-desktop.mjs), which starts the sandbox and
// hands its environment over in CLOUDTRAIL_KMS_DESKTOP_ENV; `npm test` runs the same suite in code-server instead.
// Not part of `npm test`: it needs to download VS Code from update.code.visualstudio.com.
import { defineConfig } from '@vscode/test-cli';

const handed = process.env.CLOUDTRAIL_KMS_DESKTOP_ENV;
if (!handed) {
  throw new Error('Run the desktop tests with `npm run test:desktop`: it starts the sandbox the tests talk to.');
}
const { env, userDataDir, workspaceFolder } = JSON.parse(handed);

export default defineConfig({
  label: 'extension-host suite (desktop VS Code)',
  files: 'out/test/e2e/suite/**/*.test.js',
  // The oldest VS Code that engines.vscode admits, unless VSCODE_TEST_VERSION names another (e.g. stable).
  version: process.env.VSCODE_TEST_VERSION || '1.93.1',
  extensionDevelopmentPath: '.',
  workspaceFolder,
  launchArgs: ['--user-data-dir', userDataDir, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome'],
  env,
  mocha: { ui: 'bdd', timeout: 60_000, slow: 5_000 },
});
