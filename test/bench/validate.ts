/**
 * Validation at scale: the sandbox's validation world (trail `archive`, 30 days of hourly digests and 2 logs per hour, in
 * two regions: 720 digests and 1,440 logs per region), validated region by region by our CLI (`cloudtrail-kms validate`,
 * the built dist/cli.js in its own process) and by the real `aws cloudtrail validate-logs --verbose`, same window.
 * Both print one tab-separated verdict line per file: the sorted lines must be equal (a mismatch is a miss), and every
 * digest and log of the world must have its line. Wall time from spawn to exit, both regions, median of RUNS runs
 * (the two tools alternate, the first one swapped every run). The sandbox runs in its own process.
 * Measured twice: on loopback (CPU-bound: both tools and the sandbox share the machine's cores) and with a modelled
 * network latency on every answer (BENCH_VALIDATE_LATENCY_MS, default 20), which is what a user's validation waits on.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { awsEnvironment, timeProcess, type TimedProcess } from './awsEnvironment';
import { startSandboxProcess, type SandboxProcessInfo } from './sandboxProcess';

const DAYS = 30;
const RUNS = Math.max(1, Number(process.env.BENCH_VALIDATE_RUNS) || 3);
/**
 * The modelled latency of every answer in the second measurement: AWS's S3 performance whitepaper ("Timeouts and
 * retries for latency-sensitive applications") puts the median latency of small requests "often in the range of tens
 * of milliseconds"; 20 ms is the low end (a client in the bucket's region).
 */
const LATENCY_MS = Math.max(0, Number(process.env.BENCH_VALIDATE_LATENCY_MS ?? 20));
const LATENCY_RUNS = Math.max(1, Number(process.env.BENCH_VALIDATE_LATENCY_RUNS) || 1);
const CLI = resolve(__dirname, '..', '..', '..', 'dist', 'cli.js');

export interface ValidateBench {
  ratio_vs_awscli: number;
  verdict_mismatches: number;
  speedup_vs_awscli: number;
  ours_median_ms: number;
  awscli_median_ms: number;
  ours_runs_ms: string;
  awscli_runs_ms: string;
  runs: number;
  latency_ms: number;
  ratio_vs_awscli_at_latency: number;
  speedup_vs_awscli_at_latency: number;
  ours_median_ms_at_latency: number;
  awscli_median_ms_at_latency: number;
  runs_at_latency: number;
  days: number;
  regions: number;
  digests: number;
  logs: number;
  verdict_lines: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The tab-separated verdict lines of an output, sorted. */
function verdictLines(result: TimedProcess): string[] {
  return `${result.stdout}\n${result.stderr}`
    .split('\n')
    .filter((line) => line.includes('\t'))
    .sort();
}

type Tool = 'ours' | 'awscli';

function runTool(
  tool: Tool,
  v: NonNullable<SandboxProcessInfo['validation']>,
  region: string,
  env: NodeJS.ProcessEnv,
): Promise<TimedProcess> {
  const window = ['--start-time', v.start, '--end-time', v.end, '--region', region];
  return tool === 'ours'
    ? timeProcess(process.execPath, [CLI, 'validate', v.trailArn, ...window, '--endpoint-url', env.AWS_ENDPOINT_URL ?? ''], env)
    : timeProcess('aws', ['cloudtrail', 'validate-logs', '--trail-arn', v.trailArn, ...window, '--verbose'], env);
}

interface Measured {
  ours: number;
  theirs: number;
  oursRuns: number[];
  theirsRuns: number[];
  mismatches: number;
  lines: number;
}

/** RUNS alternating runs of both tools over both regions; the verdict lines compared on every run. */
async function measure(v: NonNullable<SandboxProcessInfo['validation']>, env: NodeJS.ProcessEnv, runs: number): Promise<Measured> {
  const times: Record<Tool, number[]> = { ours: [], awscli: [] };
  let mismatches = 0;
  let lines = 0;
  for (let run = 0; run < runs; run++) {
    const order: Tool[] = run % 2 === 0 ? ['ours', 'awscli'] : ['awscli', 'ours'];
    const verdicts: Record<Tool, string[]> = { ours: [], awscli: [] };
    for (const tool of order) {
      let ms = 0;
      for (const region of v.regions) {
        const result = await runTool(tool, v, region, env);
        if (result.code !== 0) {
          throw new Error(
            `${tool} validation of ${region} exited ${result.code}: ${result.stderr.slice(0, 2000)}${result.stdout.slice(-2000)}`,
          );
        }
        ms += result.ms;
        verdicts[tool].push(...verdictLines(result));
      }
      times[tool].push(ms);
    }
    const expected = v.regions.length * (v.digests + v.logs);
    if (verdicts.awscli.length !== expected)
      throw new Error(`aws validate-logs printed ${verdicts.awscli.length} verdicts, expected ${expected}.`);
    const theirs = new Set(verdicts.awscli);
    const ours = new Set(verdicts.ours);
    mismatches = Math.max(
      mismatches,
      verdicts.ours.filter((line) => !theirs.has(line)).length + verdicts.awscli.filter((line) => !ours.has(line)).length,
      Math.abs(verdicts.ours.length - verdicts.awscli.length),
    );
    lines = verdicts.ours.length;
  }
  return { ours: median(times.ours), theirs: median(times.awscli), oursRuns: times.ours, theirsRuns: times.awscli, mismatches, lines };
}

export async function benchValidate(): Promise<ValidateBench> {
  const sandbox = await startSandboxProcess({ validation: { days: DAYS }, organization: false }, 300_000);
  const dir = mkdtempSync(join(tmpdir(), 'bench-validate-'));
  try {
    const { info } = sandbox;
    const v = info.validation;
    if (!v) throw new Error('The sandbox did not seed the validation world (world.validation).');
    const env = awsEnvironment(info, dir);
    // Loopback: the sandbox answers in well under a millisecond, so both tools are bound by CPU (theirs, ours and the
    // sandbox's SigV4, AES and SHA-256 on the same 2 cores), not by the network.
    const local = await measure(v, env, RUNS);
    // Modelled network latency: every answer waits LATENCY_MS, as S3 answers small requests in "tens of milliseconds".
    await sandbox.setLatency(LATENCY_MS);
    const remote = await measure(v, env, LATENCY_RUNS);
    await sandbox.setLatency(0);
    const ratio = (m: Measured): number => Math.round((m.ours / m.theirs) * 1000) / 1000;
    return {
      ratio_vs_awscli: ratio(local),
      verdict_mismatches: Math.max(local.mismatches, remote.mismatches),
      speedup_vs_awscli: Math.round((local.theirs / local.ours) * 10) / 10,
      ours_median_ms: Math.round(local.ours),
      awscli_median_ms: Math.round(local.theirs),
      ours_runs_ms: local.oursRuns.map(Math.round).join(' '),
      awscli_runs_ms: local.theirsRuns.map(Math.round).join(' '),
      runs: RUNS,
      latency_ms: LATENCY_MS,
      ratio_vs_awscli_at_latency: ratio(remote),
      speedup_vs_awscli_at_latency: Math.round((remote.theirs / remote.ours) * 10) / 10,
      ours_median_ms_at_latency: Math.round(remote.ours),
      awscli_median_ms_at_latency: Math.round(remote.theirs),
      runs_at_latency: LATENCY_RUNS,
      days: DAYS,
      regions: v.regions.length,
      digests: v.digests * v.regions.length,
      logs: v.logs * v.regions.length,
      verdict_lines: local.lines,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await sandbox.stop();
  }
}
