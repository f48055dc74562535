/**
 * Runs a probe (a function of a probes module that builds its own hostile input and calls the product) in a child
 * process where V8 watches every regular expression: one that backtracks more than BACKTRACK_LIMIT times in a single
 * match is reported (and finished by V8's linear engine, so the probe still ends quickly). With workMeter.ts this
 * measures work without a clock: characters the built-ins examined, and regular expressions that backtracked.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** Backtracks a single regular-expression match may take before it counts as a super-linear blow-up. */
export const BACKTRACK_LIMIT = 20_000;

/** The V8 flags that make excessive backtracking visible (a trace line per match that passed the limit). */
export const BACKTRACK_WATCH_FLAGS = [
  '--enable-experimental-regexp-engine-on-excessive-backtracks',
  `--regexp-backtracks-before-fallback=${BACKTRACK_LIMIT}`,
  '--trace-experimental-regexp-engine',
];

/** V8's trace line for a match that passed the limit. */
export const BACKTRACK_ALARM = 'Experimental execution';

export interface ProbeResult<T> {
  result: T;
  /** Characters the built-ins examined during the probe (workMeter.ts). */
  work: number;
  /** One line per regular-expression match that backtracked more than BACKTRACK_LIMIT times. */
  alarms: string[];
}

/** Runs `probes[name]()` of the compiled module `moduleFile` (absolute path of a .js file) in a watched child. */
export function runProbe<T>(moduleFile: string, name: string, timeoutMs = 120_000): ProbeResult<T> {
  const child = spawnSync(process.execPath, [...BACKTRACK_WATCH_FLAGS, join(__dirname, 'probeChild.js'), moduleFile, name], {
    encoding: 'utf8',
    timeout: timeoutMs,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.error) throw child.error;
  const lines = child.stdout.split('\n');
  const last = lines.filter((line) => line.startsWith('@@result ')).pop();
  if (child.status !== 0 || !last) throw new Error(`probe ${name} failed (exit ${child.status}): ${child.stderr.slice(-2000)}`);
  const { result, work } = JSON.parse(last.slice('@@result '.length)) as { result: T; work: number };
  return { result, work, alarms: lines.filter((line) => line.includes(BACKTRACK_ALARM)) };
}
