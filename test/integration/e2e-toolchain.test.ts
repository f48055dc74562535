// The e2e toolchain's install steps run a nested npm. Under `npm test` the outer npm exports its own configuration
// (npm_config_user_agent names Node 20, npm_config_nodedir, lifecycle variables); a nested npm takes those as its own,
// and code-server's postinstall then refuses to build ("requires node v24 … you are on node v20"). These tests run a
// real nested npm with such a foreign environment and check that the install environment no longer leaks it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tally } from '../e2e/runAll';
import { codeServerVersion, installEnv, lastLines, runInstallStep, TARGETS } from '../e2e/toolchain';

/** What `npm test` exports to its scripts, with a user agent that names another Node than the one running. */
function foreignNpmEnvironment(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    npm_config_user_agent: 'npm/10.0.0 node/v0.1.0 linux x64 workspaces/false',
    npm_config_nodedir: '/nonexistent/node-headers',
    npm_config_ignore_scripts: 'true',
    npm_lifecycle_event: 'test:e2e',
    npm_lifecycle_script: 'node out/test/e2e/run.js',
    npm_package_name: 'cloudtrail-kms-explorer',
    npm_node_execpath: '/usr/bin/node',
    npm_execpath: '/usr/lib/node_modules/npm/bin/npm-cli.js',
    NODE: '/usr/bin/node',
    INIT_CWD: '/somewhere/else',
    PATH: `/repo/node_modules/.bin:/node_modules/.bin:/usr/lib/node_modules/npm/node_modules/@npmcli/run-script/lib/node-gyp-bin:${process.env.PATH ?? ''}`,
  };
}

test('installEnv drops what an outer npm exported and puts the given Node first on PATH', () => {
  const env = installEnv(foreignNpmEnvironment(), '/cache/node-24');
  for (const name of Object.keys(env)) {
    assert.doesNotMatch(name, /^(npm_config_|npm_lifecycle_|npm_package_|npm_node_execpath$|npm_execpath$|NODE$|INIT_CWD$)/i, name);
  }
  const path = (env.PATH ?? '').split(':');
  assert.equal(path[0], '/cache/node-24/bin');
  assert.ok(!path.some((entry) => entry.endsWith('node_modules/.bin') || entry.endsWith('node-gyp-bin')), env.PATH);
  assert.equal(env.HOME, process.env.HOME, 'the rest of the environment is kept');
});

test("a nested npm run with the install environment computes its own user agent, as code-server's postinstall needs", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ctkms-toolchain-'));
  try {
    // The check code-server's postinstall.sh makes: the Node major version in $npm_config_user_agent must be the
    // Node that runs the install. Here the running Node is this test's; the foreign one says v0.
    const check =
      `const m = /node\\/v(\\d+)/.exec(process.env.npm_config_user_agent || ''); ` +
      `if (!m || m[1] !== process.versions.node.split('.')[0]) { console.error('ERROR: requires node v' + process.versions.node.split('.')[0] + ', detected ' + (m ? m[1] : 'none')); process.exit(1); } ` +
      `console.log('agent ' + process.env.npm_config_user_agent + ' scripts ' + process.env.npm_config_ignore_scripts);`;
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({ name: 'toolchain-env-check', private: true, scripts: { check: `node -e "${check.replace(/"/g, '\\"')}"` } }),
    );

    const clean = await runInstallStep('checking the nested npm', 'npm', ['run', '-s', 'check'], {
      cwd: dir,
      env: installEnv(foreignNpmEnvironment()),
      quiet: true,
    });
    assert.match(clean, new RegExp(`agent npm/\\S+ node/${process.version.replace(/\./g, '\\.')} `));
    assert.doesNotMatch(clean, /v0\.1\.0/);

    // Without the cleaning, the same nested run fails exactly as code-server's postinstall did.
    await assert.rejects(
      runInstallStep('checking the nested npm', 'npm', ['run', '-s', 'check'], { cwd: dir, env: foreignNpmEnvironment(), quiet: true }),
      /checking the nested npm: `npm run -s check` failed with exit code 1[\s\S]*ERROR: requires node v\d+, detected 0/,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a failed install step names the step and ends with npm's own last lines", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ctkms-toolchain-'));
  try {
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'toolchain-fail-check', private: true }));
    await assert.rejects(
      runInstallStep('installing code-server (npm install)', 'npm', ['run', 'no-such-script'], {
        cwd: dir,
        env: installEnv(process.env),
        quiet: true,
      }),
      (error: Error) => {
        assert.match(error.message, /^installing code-server \(npm install\): `npm run no-such-script` failed with exit code 1/);
        assert.match(error.message, /Its last lines:\n[\s\S]*Missing script: "no-such-script"/);
        return true;
      },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the ready line takes the version line of code-server --version, not a log line before it', () => {
  const output =
    '[2026-11-28T10:00:00.000Z] info  Wrote default config file to /root/.config/code-server/config.yaml\n4.139.1 0b2a1f0c with Code 1.139.1\n';
  assert.equal(codeServerVersion(output), '4.139.1 0b2a1f0c with Code 1.139.1');
  assert.equal(codeServerVersion('[2026-11-28T10:00:00.000Z] info  Wrote default config file\n'), undefined);
  assert.equal(lastLines('a\n\nb\nc\n', 2), 'b\nc');
});

test('the oldest e2e target is the VS Code that engines.vscode admits, and @types/vscode is pinned to it', () => {
  const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
    engines: { vscode: string };
    devDependencies: Record<string, string>;
  };
  const [major, minor] = TARGETS.minimum.vscode.split('.');
  assert.equal(manifest.engines.vscode, `^${major}.${minor}.0`);
  assert.equal(manifest.devDependencies['@types/vscode'], `${major}.${minor}.0`, 'types of a newer VS Code would let newer API in');
  assert.ok(Number(TARGETS.latest.vscode.split('.')[1]) > Number(minor));
});

test('runAll sums the `N passed, N failed` line each target printed', () => {
  assert.deepEqual(tally('  ✔ a test\n\n38 passed, 2 failed\n'), { passed: 38, failed: 2 });
  assert.equal(tally('e2e run: crashed before the summary\n'), undefined);
});
