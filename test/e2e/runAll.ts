// `npm run test:e2e`: the e2e layer (run.ts) once per VS Code target of toolchain.ts — the newest VS Code we support and
// the oldest that package.json's `engines.vscode` admits — one after the other, each in its own process.
// CLOUDTRAIL_KMS_E2E_TARGET=<latest|minimum> runs only that one (the quick loop while developing). Prints one
// `N passed, N failed` line per target and the sum last; exits 1 if any target failed.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { TARGETS, type TargetName } from './toolchain';

interface Outcome {
  target: TargetName;
  passed: number;
  failed: number;
  exitCode: number;
}

let current: ReturnType<typeof spawn> | undefined;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  // The child cleans up its code-servers itself on the signal; this process waits for it and then reports.
  process.on(signal, () => current?.kill(signal));
}

/** The last `N passed, N failed` line run.ts printed. */
export function tally(output: string): { passed: number; failed: number } | undefined {
  let found: { passed: number; failed: number } | undefined;
  for (const line of output.split('\n')) {
    const words = line.trim().split(' ');
    if (words.length === 4 && words[1] === 'passed,' && words[3] === 'failed') {
      const passed = Number(words[0]);
      const failed = Number(words[2]);
      if (Number.isInteger(passed) && Number.isInteger(failed)) found = { passed, failed };
    }
  }
  return found;
}

function runTarget(target: TargetName): Promise<Outcome> {
  const { vscode, codeServer } = TARGETS[target];
  process.stdout.write(`\n=== e2e on VS Code ${vscode} (code-server ${codeServer}, target ${target}) ===\n`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(__dirname, 'run.js')], {
      env: { ...process.env, CLOUDTRAIL_KMS_E2E_TARGET: target },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    current = child;
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      output = (output + chunk.toString()).slice(-20_000);
    });
    child.on('close', (code, signal) => {
      current = undefined;
      const counted = tally(output) ?? { passed: 0, failed: 1 };
      resolve({ target, ...counted, exitCode: code ?? (signal ? 1 : 0) });
    });
  });
}

async function main(): Promise<void> {
  const only = process.env.CLOUDTRAIL_KMS_E2E_TARGET;
  if (only && !(only in TARGETS)) {
    process.stderr.write(`CLOUDTRAIL_KMS_E2E_TARGET=${only}: expected one of ${Object.keys(TARGETS).join(', ')}\n`);
    process.exit(2);
  }
  const targets = only ? [only as TargetName] : (Object.keys(TARGETS) as TargetName[]);
  const outcomes: Outcome[] = [];
  for (const target of targets) outcomes.push(await runTarget(target));
  process.stdout.write('\n');
  for (const outcome of outcomes) {
    process.stdout.write(`VS Code ${TARGETS[outcome.target].vscode}: ${outcome.passed} passed, ${outcome.failed} failed\n`);
  }
  const passed = outcomes.reduce((sum, outcome) => sum + outcome.passed, 0);
  const failed = outcomes.reduce((sum, outcome) => sum + outcome.failed, 0);
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
  process.exit(outcomes.some((outcome) => outcome.exitCode !== 0 || outcome.failed > 0) ? 1 : 0);
}

if (require.main === module) void main();
