// Starts code-server (VS Code in the browser) isolated from the user's own VS Code / code-server set-up, on a free
// loopback port, in its own process group so that stop() ends it and every process it started.
// Used by the e2e runner (test/e2e/run.ts) and by `npm run demo`.
//
//   const server = await startCodeServer({ extensionDevelopmentPath: repoRoot, workspaceFolder: someDir });
//   // open server.url in a browser ...
//   await server.stop();
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ensureCodeServer } from './toolchain';

export interface CodeServerOptions {
  /** Folder of an extension to load in development mode (added to `url`'s payload). Needs `smokeTestDriver: true`:
   * without it code-server ignores the payload. For a demo (toasts visible), install the .vsix instead: packageVsix()
   * (vsix.ts), installExtension(vsix, dir), then startCodeServer({ extensionsDir: dir }). */
  extensionDevelopmentPath?: string;
  /** Extensions folder; default: a throw-away one. Pass one to use extensions installed with `installExtension`. */
  extensionsDir?: string;
  /** Extra user settings (merged over the clean defaults below). */
  userSettings?: Record<string, unknown>;
  /** Extra environment for the server; it reaches every extension host it starts. */
  env?: NodeJS.ProcessEnv;
  /** Names of the caller's environment variables NOT to pass on (tests drop /^AWS_/ to stay hermetic). */
  dropEnv?: RegExp;
  /** Folder opened in the workbench (`url`'s `?folder=`). Default: a throw-away empty folder. */
  workspaceFolder?: string;
  /** Enables the smoke-test driver (`codeAutomationExit` / `codeAutomationLog`), which extension-host tests need.
   * It also hides notification toasts, so leave it off for demos. Default: false. */
  smokeTestDriver?: boolean;
  /** Where code-server's stdout/stderr go. Default: `code-server.log` in the throw-away folder (deleted on stop). */
  logFile?: string;
  /** Display language (`--locale`). Other than English it needs a language pack in `languagePacks`. */
  locale?: string;
  /** Contents of the user-data folder's languagepacks.json (what VS Code writes when a language pack is installed). */
  languagePacks?: Record<string, unknown>;
  /** Milliseconds to wait for /healthz. Default 90 s (a busy 2-core machine is slow). */
  startTimeoutMs?: number;
  /** Workspace trust on, without the startup prompt: the folder is not trusted, so the workbench opens it in
   * Restricted Mode (as VS Code does for a folder the user has not trusted). Default: false (trust is off and every
   * folder is trusted). */
  restrictedMode?: boolean;
}

export interface WorkbenchUrlOptions {
  folder?: string;
  extensionDevelopmentPath?: string;
  extensionTestsPath?: string;
  extensionEnvironment?: Record<string, string>;
}

export interface RunningCodeServer {
  /** Workbench URL with the workspace folder and (if given) the development extension. */
  url: string;
  /** `http://127.0.0.1:<port>` */
  baseUrl: string;
  port: number;
  extensionsDir: string;
  workspaceFolder: string;
  /** Builds a workbench URL; paths must be absolute (they become `vscode-remote://` URIs so they run in the Node host). */
  workbenchUrl(options: WorkbenchUrlOptions): string;
  /** Ends the server's whole process group and removes the throw-away folders. Safe to call twice. */
  stop(): Promise<void>;
}

const DEFAULT_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'git.enabled': false,
  'git.autoRepositoryDetection': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
  // No chat panel or agent host: they fill the screen and the log, and would call out to GitHub.
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

/** Trust enabled, nothing trusted and no prompt: a fresh user-data folder opens the workspace in Restricted Mode. */
const RESTRICTED_MODE_SETTINGS: Record<string, unknown> = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.emptyWindow': false,
};

/** Variables that would make code-server read the user's set-up or listen elsewhere. */
const DROPPED_ENV = /^(PASSWORD|HASHED_PASSWORD|PORT|VSCODE_.*|CODE_SERVER_.*|ELECTRON_.*|XDG_.*|TMPDIR|NODE_OPTIONS)$/;

/** Live process groups, so an abrupt exit of the runner still ends them (see killAllCodeServersSync). */
const liveGroups = new Set<number>();

export function killAllCodeServersSync(): void {
  for (const pgid of liveGroups) killGroup(pgid, 'SIGKILL');
  liveGroups.clear();
}

function killGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // ESRCH: the group is already gone.
  }
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function healthy(baseUrl: string): Promise<boolean> {
  return new Promise((resolve) => {
    const request = get(`${baseUrl}/healthz`, { timeout: 2000 }, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.on('error', () => resolve(false));
    request.on('timeout', () => {
      request.destroy();
      resolve(false);
    });
  });
}

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').slice(-3000);
  } catch {
    return '(no log)';
  }
}

function isolatedEnv(root: string, extra: NodeJS.ProcessEnv | undefined, dropEnv?: RegExp): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!DROPPED_ENV.test(key) && !dropEnv?.test(key)) env[key] = value;
  for (const name of ['config', 'data', 'cache', 'state', 'runtime', 'tmp']) mkdirSync(join(root, name), { recursive: true, mode: 0o700 });
  Object.assign(env, {
    XDG_CONFIG_HOME: join(root, 'config'),
    XDG_DATA_HOME: join(root, 'data'),
    XDG_CACHE_HOME: join(root, 'cache'),
    XDG_STATE_HOME: join(root, 'state'),
    XDG_RUNTIME_DIR: join(root, 'runtime'),
    TMPDIR: join(root, 'tmp'),
    // Marketplace look-ups go to a closed loopback port and fail at once instead of reaching the internet.
    EXTENSIONS_GALLERY: JSON.stringify({ serviceUrl: 'http://127.0.0.1:9/gallery', itemUrl: 'http://127.0.0.1:9/items' }),
  });
  return { ...env, ...extra };
}

export function workbenchUrl(baseUrl: string, options: WorkbenchUrlOptions): string {
  const host = new URL(baseUrl).host;
  const remote = (path: string): string => `vscode-remote://${host}${path}`;
  const payload: string[][] = [];
  if (options.extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(options.extensionDevelopmentPath)]);
  if (options.extensionTestsPath) payload.push(['extensionTestsPath', remote(options.extensionTestsPath)]);
  if (options.extensionEnvironment) payload.push(['extensionEnvironment', JSON.stringify(options.extensionEnvironment)]);
  payload.push(['skipWelcome', 'true']);
  const query = [];
  if (options.folder) query.push(`folder=${encodeURIComponent(options.folder)}`);
  query.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
  return `${baseUrl}/?${query.join('&')}`;
}

/** Installs a .vsix into an extensions folder with code-server's own CLI (offline, ~1 s). */
export async function installExtension(vsix: string, extensionsDir: string): Promise<void> {
  const toolchain = await ensureCodeServer();
  const root = mkdtempSync(join(tmpdir(), 'cloudtrail-kms-install-'));
  try {
    const env = isolatedEnv(root, undefined);
    const args = [
      toolchain.codeServerEntry,
      '--user-data-dir',
      join(root, 'ud'),
      '--extensions-dir',
      extensionsDir,
      '--install-extension',
      vsix,
      '--force',
    ];
    await new Promise<void>((resolve, reject) => {
      const child = spawn(toolchain.node, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`installing ${vsix} failed (exit ${code}):\n${output}`))));
    });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

export async function startCodeServer(options: CodeServerOptions = {}): Promise<RunningCodeServer> {
  if (options.extensionDevelopmentPath && !options.smokeTestDriver) {
    throw new Error(
      'startCodeServer: extensionDevelopmentPath only works with smokeTestDriver: true (code-server ignores it otherwise); install the .vsix with installExtension() instead',
    );
  }
  const toolchain = await ensureCodeServer();
  const root = mkdtempSync(join(tmpdir(), 'cloudtrail-kms-code-server-'));
  const userDataDir = join(root, 'user-data');
  const extensionsDir = options.extensionsDir ?? join(root, 'extensions');
  const workspaceFolder = options.workspaceFolder ?? join(root, 'workspace');
  const logFile = options.logFile ?? join(root, 'code-server.log');
  for (const dir of [join(userDataDir, 'User'), extensionsDir, workspaceFolder, dirname(logFile)]) mkdirSync(dir, { recursive: true });
  const trust = options.restrictedMode ? RESTRICTED_MODE_SETTINGS : {};
  writeFileSync(
    join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({ ...DEFAULT_SETTINGS, ...trust, ...options.userSettings }, null, 2),
  );
  if (options.languagePacks) writeFileSync(join(userDataDir, 'languagepacks.json'), JSON.stringify(options.languagePacks));
  const configFile = join(root, 'config.yaml');
  writeFileSync(configFile, 'auth: none\ncert: false\n');

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const args = [
    toolchain.codeServerEntry,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir,
    '--config',
    configFile,
    '--disable-telemetry',
    '--disable-update-check',
    ...(options.restrictedMode ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--ignore-last-opened',
  ];
  if (options.locale) args.push('--locale', options.locale);
  if (options.smokeTestDriver) {
    if (toolchain.target.smokeTestDriver === 'vscode-option') args.push('--vscode-option', 'enable-smoke-test-driver');
    else args.push('--enable-smoke-test-driver');
  }

  const logFd = openSync(logFile, 'a');
  let child: ChildProcess;
  try {
    // detached: its own process group, so stop() can end the extension hosts and watchers it forks too.
    child = spawn(toolchain.node, args, {
      cwd: root,
      env: isolatedEnv(root, options.env, options.dropEnv),
      detached: true,
      stdio: ['ignore', logFd, logFd],
    });
  } finally {
    closeSync(logFd);
  }
  const pgid = child.pid;
  if (pgid === undefined) throw new Error(`code-server did not start: ${tail(logFile)}`);
  liveGroups.add(pgid);
  let exited = false;
  const exitedPromise = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );

  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    killGroup(pgid, 'SIGTERM');
    const deadline = Date.now() + 5000;
    while ((!exited || groupAlive(pgid)) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    // Children may outlive the leader; SIGKILL whatever is left of the group.
    killGroup(pgid, 'SIGKILL');
    await Promise.race([exitedPromise, new Promise((resolve) => setTimeout(resolve, 2000))]);
    liveGroups.delete(pgid);
    rmSync(root, { recursive: true, force: true, maxRetries: 3 });
  };

  try {
    const deadline = Date.now() + (options.startTimeoutMs ?? 90_000);
    while (!(await healthy(baseUrl))) {
      if (exited) throw new Error(`code-server exited during start-up. Log ${logFile}:\n${tail(logFile)}`);
      if (Date.now() > deadline)
        throw new Error(
          `code-server did not answer ${baseUrl}/healthz within ${options.startTimeoutMs ?? 90_000} ms. Log:\n${tail(logFile)}`,
        );
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } catch (error) {
    await stop();
    throw error;
  }

  const build = (urlOptions: WorkbenchUrlOptions): string => workbenchUrl(baseUrl, urlOptions);
  return {
    url: build({ folder: workspaceFolder, extensionDevelopmentPath: options.extensionDevelopmentPath }),
    baseUrl,
    port,
    extensionsDir,
    workspaceFolder,
    workbenchUrl: build,
    stop,
  };
}
