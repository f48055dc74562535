// `node out/test/e2e/run.js`: runs the extension in a real VS Code (code-server + Chromium), on the VS Code target
// named by CLOUDTRAIL_KMS_E2E_TARGET (toolchain.ts; default the newest). `npm run test:e2e` runs it once per target
// (runAll.ts).
//   1. toolchain (the target's Node + code-server, cached, see toolchain.ts) and the test environment (environment.ts);
//   2. packages the extension (.vsix) and installs it into the server's extensions folder;
//   3. one code-server with the smoke-test driver, then in Chromium, one window after another:
//      a. extension-host suite: mocha over out/test/e2e/suite/**/*.test.js with the development copy of the extension;
//      b. installed .vsix: out/test/e2e/installed/*.test.js next to an empty placeholder development extension;
//      c. UI tests: every out/test/e2e/ui/**/*.ui.js (API in uiTest.ts), screenshots in test-results/ (another target
//         than the newest: test-results/<target>/).
// Prints `N passed, N failed` last; exits 1 on any failure. Logs: test-results/[<target>/]e2e-logs/.
// Env: CLOUDTRAIL_KMS_E2E_TIME_LIMIT_S (default 1800, per target, the first install included) hard limit for everything; CLOUDTRAIL_KMS_E2E_GREP filters
// extension-host tests and UI tests by title; CHROMIUM_PATH (default /usr/bin/chromium); CLOUDTRAIL_KMS_CACHE.
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { installExtension, killAllCodeServersSync, startCodeServer, type RunningCodeServer } from './codeServer';
import { e2eEnvironment, type E2eEnvironment } from './environment';
import { HOSTILE_WORKSPACE_SETTINGS } from './hostileWorkspace';
import { REPORT_MARK, RESULT_PREFIX } from './mochaHost';
import { startRequestCounter, type RequestCounter } from './requestCounter';
import { PSEUDO_LOCALE, preparePseudoLocale } from './pseudoLocale';
import { currentTarget, ensureCodeServer } from './toolchain';
import type { UiTest } from './uiTest';
import { packageVsix } from './vsix';
import { waitForWorkbench } from './workbench';

const REPO = resolve(__dirname, '..', '..', '..');
const OUT_E2E = __dirname;
// The newest VS Code's screenshots and logs in test-results/; another target's in test-results/<target>/ (runAll.ts).
const RESULTS = join(REPO, 'test-results', ...(currentTarget() === 'latest' ? [] : [currentTarget()]));
const LOGS = join(RESULTS, 'e2e-logs');
const TIME_LIMIT_S = Number(process.env.CLOUDTRAIL_KMS_E2E_TIME_LIMIT_S || 1800);
const HOST_RUN_LIMIT_MS = 8 * 60_000;
// Loading the workbench page; Playwright's default 30 s is too short when eight test runs share two cores.
const GOTO_TIMEOUT_MS = 120_000;
const GREP = process.env.CLOUDTRAIL_KMS_E2E_GREP ? new RegExp(process.env.CLOUDTRAIL_KMS_E2E_GREP) : undefined;
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const tally = { passed: 0, failed: 0, failures: [] as string[] };
const cleanups: (() => Promise<unknown>)[] = [];
let browser: Browser | undefined;

function say(message: string): void {
  process.stdout.write(`${message}\n`);
}

function fail(title: string, reason: string): void {
  // Playwright's messages carry terminal colours; the report may end up in a file.
  const why = reason
    .split(String.fromCharCode(27))
    .map((part, index) => (index === 0 ? part : part.replace(/^\[[0-9;]*m/, '')))
    .join('');
  tally.failed += 1;
  tally.failures.push(`${title}: ${why}`);
  say(`  ✖ ${title}\n      ${why.split('\n').join('\n      ')}`);
}

function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${Math.round(ms / 1000)} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function runCleanups(): Promise<void> {
  while (cleanups.length > 0) {
    const cleanup = cleanups.pop();
    try {
      await withTimeout(Promise.resolve().then(cleanup), 15_000, 'cleanup');
    } catch (error) {
      console.error(`e2e cleanup: ${error instanceof Error ? error.message : error}`);
    }
  }
  killAllCodeServersSync();
}

/** A throw-away extension with nothing in it: VS Code only runs extensionTestsPath when some development extension is given. */
function placeholderExtension(root: string): string {
  const dir = join(root, 'placeholder-extension');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'e2e-placeholder', publisher: 'cloudtrail-kms-e2e', version: '0.0.0', engines: { vscode: '*' } }),
  );
  return dir;
}

async function newPage(): Promise<Page> {
  if (!browser) throw new Error('browser not started');
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  return context.newPage();
}

/** Opens a window whose extension host runs `extensionTestsPath`; the verdict comes back through the smoke-test driver hooks. */
async function runHostTests(
  title: string,
  server: RunningCodeServer,
  extensionDevelopmentPath: string,
  extensionTestsPath: string,
): Promise<void> {
  const started = Date.now();
  say(`\n${title}`);
  const page = await newPage();
  let result: { passed: number; failed: number } | undefined;
  try {
    let reportExit: (verdict: { code: number; logs: unknown }) => void = () => undefined;
    const exited = new Promise<{ code: number; logs: unknown }>((done) => (reportExit = done));
    await page.exposeFunction('codeAutomationExit', (code: number, logs: unknown) => reportExit({ code, logs }));
    const consoleLog = join(LOGS, slug(title), 'workbench-console.log');
    mkdirSync(dirname(consoleLog), { recursive: true });
    await page.exposeFunction('codeAutomationLog', (level: string, message: unknown) => {
      const text = Array.isArray(message) ? message.join(' ') : String(message);
      appendFileSync(consoleLog, `[${level}] ${text}\n`);
      for (const line of text.split('\n')) {
        if (!line.startsWith(REPORT_MARK)) continue;
        const reported = line.slice(REPORT_MARK.length);
        if (reported.startsWith(RESULT_PREFIX))
          result = JSON.parse(reported.slice(RESULT_PREFIX.length)) as { passed: number; failed: number };
        else if (reported.trim() !== '') say(`  ${reported}`);
      }
    });
    await page.goto(server.workbenchUrl({ folder: server.workspaceFolder, extensionDevelopmentPath, extensionTestsPath }), {
      timeout: GOTO_TIMEOUT_MS,
    });
    const { code, logs } = await withTimeout(exited, HOST_RUN_LIMIT_MS, title);
    saveWorkbenchLogs(title, logs);
    if (result) {
      tally.passed += result.passed;
      if (result.failed > 0) {
        tally.failed += result.failed;
        tally.failures.push(`${title}: ${result.failed} test(s) failed (see the report above)`);
      }
    }
    if (code !== 0 && (!result || result.failed === 0))
      fail(
        title,
        `the extension host exited with code ${code} (test module failed to load or no test ran?); see ${relative(REPO, consoleLog)}`,
      );
    say(`  (${seconds(started)})`);
  } catch (error) {
    await page.screenshot({ path: join(RESULTS, `host-failure-${slug(title)}.png`) }).catch(() => undefined);
    fail(title, error instanceof Error ? error.message : String(error));
  } finally {
    await page
      .context()
      .close()
      .catch(() => undefined);
  }
}

function saveWorkbenchLogs(title: string, logs: unknown): void {
  if (!Array.isArray(logs)) return;
  for (const entry of logs as { relativePath?: string; contents?: string }[]) {
    if (!entry.relativePath || typeof entry.contents !== 'string') continue;
    const path = join(LOGS, slug(title), entry.relativePath.replace(/\.\.+/g, '_'));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, entry.contents);
  }
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
}

function findUiModules(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) findUiModules(path, out);
    else if (entry.name.endsWith('.ui.js')) out.push(path);
  }
  return out.sort();
}

interface UiServer {
  server: RunningCodeServer;
  counter: RequestCounter;
  /** The development extension the tests' windows load (default: the repository). */
  extensionPath?: string;
  pseudo?: (english: string) => string;
  /** The development extension of a window that loads the installed copy (an empty placeholder). */
  placeholder?: string;
}

function loadUiTests(): UiTest[] {
  const all: UiTest[] = [];
  for (const file of findUiModules(join(OUT_E2E, 'ui'))) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- UI test modules are found at run time
      const loaded = require(file) as { tests?: UiTest[] };
      if (!Array.isArray(loaded.tests)) throw new Error('it does not export `tests: UiTest[]`');
      all.push(...loaded.tests.filter((test) => !GREP || GREP.test(test.name)));
    } catch (error) {
      fail(relative(REPO, file), error instanceof Error ? error.message : String(error));
    }
  }
  return all;
}

async function runUiTest(test: UiTest, { server, counter, placeholder, extensionPath, pseudo }: UiServer): Promise<void> {
  const started = Date.now();
  const page = await newPage();
  try {
    if (test.extension === 'installed' && !placeholder) throw new Error(`this server has no installed copy for "${test.name}"`);
    const extensionDevelopmentPath = test.extension === 'installed' ? placeholder : (extensionPath ?? REPO);
    await page.goto(server.workbenchUrl({ folder: server.workspaceFolder, extensionDevelopmentPath }), { timeout: GOTO_TIMEOUT_MS });
    await waitForWorkbench(page);
    const context = {
      page,
      serverUrl: server.baseUrl,
      workspaceFolder: server.workspaceFolder,
      screenshot: async (name: string) => {
        const path = join(RESULTS, `${name}.png`);
        await page.screenshot({ path });
        return path;
      },
      awsRequestCount: async () => counter.count(),
      ...(pseudo ? { pseudo } : {}),
    };
    await withTimeout(test.run(context), test.timeoutMs ?? 120_000, test.name);
    tally.passed += 1;
    say(`  ✔ ${test.name} (${seconds(started)})`);
  } catch (error) {
    await page.screenshot({ path: join(RESULTS, `ui-failure-${slug(test.name)}.png`) }).catch(() => undefined);
    fail(test.name, error instanceof Error ? (error.stack ?? error.message) : String(error));
  } finally {
    await page
      .context()
      .close()
      .catch(() => undefined);
  }
}

/** Shared-server tests first; then, for the tests that want one, the shared server makes room for a 'no-aws', a
 * 'restricted' and a 'pseudo-locale' one (one code-server at a time: the machine has 2 cores). */
async function runUiTests(
  shared: UiServer,
  others: Record<'no-aws' | 'restricted' | 'pseudo-locale', () => Promise<UiServer>>,
): Promise<void> {
  const tests = loadUiTests();
  say(`\nUI tests (${tests.length})`);
  for (const test of tests.filter((t) => (t.server ?? 'shared') === 'shared')) await runUiTest(test, shared);
  let running: UiServer = shared;
  for (const kind of ['no-aws', 'restricted', 'pseudo-locale'] as const) {
    const wanting = tests.filter((t) => t.server === kind);
    if (wanting.length === 0) continue;
    await running.server.stop();
    running = await others[kind]();
    for (const test of wanting) await runUiTest(test, running);
  }
}

/** A first-time user's VS Code in the pseudo language qps-ploc, with a pseudo-localized copy of the extension. */
async function startPseudoLocaleServer(scratch: string): Promise<UiServer> {
  const setup = preparePseudoLocale(REPO, join(scratch, 'pseudo-locale'));
  const noAws = await startNoAwsServer(scratch, 'pseudo-locale', { locale: PSEUDO_LOCALE, languagePacks: setup.languagePacks });
  return { ...noAws, extensionPath: setup.extensionPath, pseudo: setup.pseudo };
}

/** The e2e environment (sandbox) in a folder the user has not trusted: Restricted Mode. */
async function startRestrictedServer(scratch: string, environment: E2eEnvironment, upstream: string | undefined): Promise<UiServer> {
  const counter = await startRequestCounter(upstream);
  cleanups.push(() => counter.stop());
  const workspaceFolder = join(scratch, 'restricted', 'workspace');
  mkdirSync(join(workspaceFolder, '.vscode'), { recursive: true });
  writeFileSync(join(workspaceFolder, '.vscode', 'settings.json'), JSON.stringify(HOSTILE_WORKSPACE_SETTINGS, null, 2));
  const server = await startCodeServer({
    workspaceFolder,
    smokeTestDriver: true,
    restrictedMode: true,
    logFile: join(LOGS, 'code-server-restricted.log'),
    dropEnv: /^AWS_/,
    userSettings: { ...environment.userSettings, 'cloudtrailKms.endpointUrl': counter.url },
    env: { ...environment.env, AWS_ENDPOINT_URL: counter.url },
  });
  cleanups.push(() => server.stop());
  return { server, counter };
}

/** A first-time user's VS Code: no AWS credentials, no profile, no endpoint set; any AWS request ends at a counter. */
async function startNoAwsServer(
  scratch: string,
  name = 'no-aws',
  display: { locale?: string; languagePacks?: Record<string, unknown> } = {},
): Promise<UiServer> {
  const counter = await startRequestCounter();
  cleanups.push(() => counter.stop());
  const missing = join(scratch, name, 'missing');
  const workspaceFolder = join(scratch, name, 'workspace');
  mkdirSync(workspaceFolder, { recursive: true });
  const server = await startCodeServer({
    ...display,
    workspaceFolder,
    smokeTestDriver: true,
    logFile: join(LOGS, `code-server-${name}.log`),
    dropEnv: /^AWS_/,
    env: {
      AWS_ENDPOINT_URL: counter.url,
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_CONFIG_FILE: join(missing, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: join(missing, 'credentials'),
    },
  });
  cleanups.push(() => server.stop());
  return { server, counter };
}

async function main(): Promise<void> {
  const started = Date.now();
  mkdirSync(RESULTS, { recursive: true });
  rmSync(LOGS, { recursive: true, force: true });
  mkdirSync(LOGS, { recursive: true });

  await ensureCodeServer();
  const environment = await e2eEnvironment();
  cleanups.push(() => environment.stop());
  const upstream = (environment.userSettings['cloudtrailKms.endpointUrl'] as string | undefined) || environment.env.AWS_ENDPOINT_URL;
  const counter = await startRequestCounter(upstream || undefined);
  cleanups.push(() => counter.stop());

  const scratch = mkdtempSync(join(tmpdir(), 'cloudtrail-kms-e2e-'));
  cleanups.push(async () => rmSync(scratch, { recursive: true, force: true }));
  const extensionsDir = join(scratch, 'extensions');
  const workspaceFolder = join(scratch, 'workspace');
  mkdirSync(extensionsDir, { recursive: true });
  mkdirSync(workspaceFolder, { recursive: true });

  const packaged = Date.now();
  const vsix = await packageVsix(REPO, join(LOGS, 'cloudtrail-kms-explorer.vsix'));
  await installExtension(vsix, extensionsDir);
  say(`packaged and installed ${relative(REPO, vsix)} (${seconds(packaged)})`);

  const server = await startCodeServer({
    extensionsDir,
    workspaceFolder,
    smokeTestDriver: true,
    logFile: join(LOGS, 'code-server.log'),
    dropEnv: /^AWS_/,
    userSettings: { ...environment.userSettings, 'cloudtrailKms.endpointUrl': counter.url },
    env: {
      ...environment.env,
      AWS_ENDPOINT_URL: counter.url,
      CLOUDTRAIL_KMS_E2E_COUNTER_URL: counter.countUrl,
      CLOUDTRAIL_KMS_E2E_EXTENSION_PATH: REPO,
      CLOUDTRAIL_KMS_E2E_EXTENSIONS_DIR: extensionsDir,
      CLOUDTRAIL_KMS_E2E_WORKSPACE: workspaceFolder,
    },
  });
  cleanups.push(() => server.stop());
  say(`code-server on ${server.baseUrl} (${seconds(started)} since start)`);

  // The runner handles signals itself (cleanup in order, then the verdict), so Playwright must not exit on them first.
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    headless: true,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  cleanups.push(async () => {
    await browser?.close();
    browser = undefined;
  });

  await runHostTests('Extension-host suite', server, REPO, join(OUT_E2E, 'suite', 'index.js'));
  await runHostTests('Installed .vsix', server, placeholderExtension(scratch), join(OUT_E2E, 'installed', 'index.js'));
  await runUiTests(
    { server, counter, placeholder: placeholderExtension(scratch) },
    {
      'no-aws': () => startNoAwsServer(scratch),
      restricted: () => startRestrictedServer(scratch, environment, upstream || undefined),
      'pseudo-locale': () => startPseudoLocaleServer(scratch),
    },
  );
  say(`\ne2e finished in ${seconds(started)}`);
}

function finish(exitCode: number): never {
  if (tally.failures.length > 0) say(`\nFailures:\n${tally.failures.map((failure) => `  - ${failure.split('\n')[0]}`).join('\n')}`);
  say(`\n${tally.passed} passed, ${tally.failed} failed`);
  process.exit(exitCode);
}

const hardLimit = setTimeout(() => {
  fail('e2e time limit', `everything did not finish within ${TIME_LIMIT_S} s (CLOUDTRAIL_KMS_E2E_TIME_LIMIT_S); stopping it all`);
  void withTimeout(runCleanups(), 20_000, 'cleanup after the time limit')
    .catch(() => killAllCodeServersSync())
    .finally(() => finish(1));
}, TIME_LIMIT_S * 1000);
hardLimit.unref();

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    fail('e2e run', `interrupted by ${signal}`);
    void withTimeout(runCleanups(), 20_000, 'cleanup after a signal')
      .catch(() => killAllCodeServersSync())
      .finally(() => finish(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1)));
  });
}
// Last resort if something calls process.exit() early: no code-server may outlive the runner.
process.on('exit', () => killAllCodeServersSync());

main()
  .catch((error: unknown) => fail('e2e run', error instanceof Error ? (error.stack ?? error.message) : String(error)))
  .finally(async () => {
    await runCleanups();
    clearTimeout(hardLimit);
    finish(tally.failed > 0 ? 1 : 0);
  });
