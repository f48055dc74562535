// `npm run test:desktop`: the extension-host suite in desktop VS Code (Electron) through @vscode/test-cli and
// .vscode-test.mjs — the runner most extension contributors know. It starts the same sandbox world and request counter
// as the code-server e2e layer, writes the user settings into a throw-away user-data folder, runs `vscode-test`, and
// stops everything. VS Code is downloaded on the first run; where that is impossible (machines that only reach the npm
// registry), it says so and exits 1. Not part of `npm test`, which runs the same suite in code-server.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const repo = new URL('..', import.meta.url).pathname;
let environment;
let counter;
try {
  ({ e2eEnvironment: environment } = require(join(repo, 'out/test/e2e/environment.js')));
  ({ startRequestCounter: counter } = require(join(repo, 'out/test/e2e/requestCounter.js')));
} catch {
  console.error('test:desktop: out/ is missing or stale; run `npm run build && npm run compile` first.');
  process.exit(2);
}

const scratch = mkdtempSync(join(tmpdir(), 'cloudtrail-kms-desktop-'));
const world = await environment();
const requests = await counter(world.userSettings['cloudtrailKms.endpointUrl']);
const userDataDir = join(scratch, 'user-data');
const workspaceFolder = join(scratch, 'workspace');
mkdirSync(join(userDataDir, 'User'), { recursive: true });
mkdirSync(workspaceFolder, { recursive: true });
writeFileSync(
  join(userDataDir, 'User', 'settings.json'),
  JSON.stringify(
    { ...world.userSettings, 'cloudtrailKms.endpointUrl': requests.url, 'workbench.startupEditor': 'none', 'git.enabled': false },
    null,
    2,
  ),
);
const env = {
  ...world.env,
  AWS_ENDPOINT_URL: requests.url,
  CLOUDTRAIL_KMS_E2E_COUNTER_URL: requests.countUrl,
  CLOUDTRAIL_KMS_E2E_EXTENSION_PATH: repo,
  CLOUDTRAIL_KMS_E2E_WORKSPACE: workspaceFolder,
};

let output = '';
const code = await new Promise((resolve) => {
  const child = spawn(process.execPath, [join(repo, 'node_modules', '@vscode', 'test-cli', 'out', 'bin.mjs')], {
    cwd: repo,
    env: { ...process.env, CLOUDTRAIL_KMS_DESKTOP_ENV: JSON.stringify({ env, userDataDir, workspaceFolder }) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk, stream) => {
    stream.write(chunk);
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout.on('data', (chunk) => keep(chunk, process.stdout));
  child.stderr.on('data', (chunk) => keep(chunk, process.stderr));
  child.on('close', (exit) => resolve(exit ?? 1));
  child.on('error', (error) => {
    output += error.message;
    resolve(1);
  });
});
await requests.stop();
await world.stop();
rmSync(scratch, { recursive: true, force: true });

if (code !== 0 && /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|getaddrinfo|Failed to (download|get)|update\.code\.visualstudio\.com/i.test(output)) {
  console.error(
    '\ntest:desktop: VS Code could not be downloaded from update.code.visualstudio.com (this machine cannot reach it).\n' +
      'Run it where VS Code can be downloaded, or point it at an installed VS Code; `npm test` runs the same suite in code-server.',
  );
}
process.exit(code);
