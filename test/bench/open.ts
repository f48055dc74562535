/**
 * Open benchmark: the sandbox's 50 MB log (uncompressed) through the extension's fetch path
 * (AwsClients + fetchLog + prettyPrintJsonBytes: bytes to bytes, as logFileSystem.readFile and `cat` do) against
 *   (a) a minimal path in this process: SDK GetObject → zlib.gunzipSync → JSON.parse → JSON.stringify(…, null, 2);
 *   (b) what users do today: `aws s3 cp s3://… - | gunzip | python3 -m json.tool` (real aws CLI, output discarded).
 * Median wall time of RUNS runs each, the order rotated every run to spread noise; one unmeasured warm-up each.
 * Peak RSS of the fetch path: median VmHWM of 3 children that open the big log minus the median VmHWM of 3 baseline
 * children that only warm up on a small log (same modules, same clients), divided by the uncompressed size.
 * The sandbox runs in its own process (sandboxProcess.ts).
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Readable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { AwsClients } from '../../src/aws/clients';
import { fetchLog } from '../../src/aws/fetchLog';
import { prettyPrintJsonBytes } from '../../src/core/logs/pretty';
import type { MemoryReport } from './openMemory';
import { startSandboxProcess, type SandboxProcessInfo } from './sandboxProcess';

const BIG_LOG_MB = 50;
const RUNS = Math.max(5, Number(process.env.BENCH_OPEN_RUNS) || 5);
const MEMORY_RUNS = 3;
const MB = 1024 * 1024;

export interface OpenBench {
  ratio_vs_minimal: number;
  ratio_vs_awscli: number;
  peak_rss_ratio: number;
  extension_median_ms: number;
  extension_fetch_median_ms: number;
  extension_pretty_median_ms: number;
  minimal_median_ms: number;
  awscli_median_ms: number;
  runs: number;
  uncompressed_mb: number;
  compressed_mb: number;
  pretty_mb: number;
  output_matches_minimal: boolean;
  peak_rss_delta_mb: number;
  /** Context: the former string path (decode, prettyPrintJson, TextEncoder.encode), which readFile took until the bytes path. */
  peak_rss_ratio_with_encode: number;
  peak_rss_fetch_child_mb: number;
  peak_rss_baseline_child_mb: number;
  peak_rss_fetch_runs_mb: string;
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function round(value: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** A private AWS config for the sandbox (path-style S3, its region), so nobody's ~/.aws is read or written. */
function awsEnvironment(info: SandboxProcessInfo, dir: string): NodeJS.ProcessEnv {
  const config = join(dir, 'config');
  writeFileSync(config, `[default]\nregion = ${info.region}\ns3 =\n  addressing_style = path\n`);
  writeFileSync(join(dir, 'credentials'), '');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    AWS_CONFIG_FILE: config,
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
    AWS_ENDPOINT_URL: info.endpoint,
    AWS_ACCESS_KEY_ID: info.admin.accessKeyId,
    AWS_SECRET_ACCESS_KEY: info.admin.secretAccessKey,
    AWS_REGION: info.region,
    AWS_DEFAULT_REGION: info.region,
    AWS_EC2_METADATA_DISABLED: 'true',
  };
  delete env.AWS_PROFILE;
  delete env.AWS_SESSION_TOKEN;
  return env;
}

/** Runs fn with process.env replaced by env (the SDK's default chain reads it), then restores it. */
async function withEnvironment<T>(env: NodeJS.ProcessEnv, fn: () => Promise<T>): Promise<T> {
  const saved = { ...process.env };
  for (const name of Object.keys(process.env)) delete process.env[name];
  Object.assign(process.env, env);
  try {
    return await fn();
  } finally {
    for (const name of Object.keys(process.env)) delete process.env[name];
    Object.assign(process.env, saved);
  }
}

interface Timed {
  ms: number;
  fetchMs?: number;
  prettyMs?: number;
  output?: Uint8Array;
}

async function extensionPath(
  clients: AwsClients,
  info: SandboxProcessInfo,
  key: string,
): Promise<Timed & { compressed: number; uncompressed: number }> {
  const start = performance.now();
  const log = await fetchLog(clients, { bucket: info.bucket, key, region: info.bucketRegion });
  const fetched = performance.now();
  const output = prettyPrintJsonBytes(log.bytes); // what logFileSystem.readFile hands the editor
  const end = performance.now();
  return {
    ms: end - start,
    fetchMs: fetched - start,
    prettyMs: end - fetched,
    output,
    compressed: log.compressedBytes,
    uncompressed: log.uncompressedBytes,
  };
}

async function minimalPath(s3: S3Client, info: SandboxProcessInfo, key: string): Promise<Timed> {
  const start = performance.now();
  const answer = await s3.send(new GetObjectCommand({ Bucket: info.bucket, Key: key }));
  const body = answer.Body as Readable & { transformToByteArray(): Promise<Uint8Array> };
  const gzipped = await body.transformToByteArray();
  const output = Buffer.from(JSON.stringify(JSON.parse(gunzipSync(gzipped).toString('utf8')), null, 2));
  return { ms: performance.now() - start, output };
}

function awsCliPath(info: SandboxProcessInfo, key: string, env: NodeJS.ProcessEnv): Promise<Timed> {
  const script = 'set -o pipefail; aws s3 cp "s3://$BENCH_BUCKET/$BENCH_KEY" - | gunzip | python3 -m json.tool > /dev/null';
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', script], {
      env: { ...env, BENCH_BUCKET: info.bucket, BENCH_KEY: key },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      const ms = performance.now() - start;
      if (code === 0) resolve({ ms });
      else reject(new Error(`aws s3 cp | gunzip | python3 -m json.tool failed (exit ${code}): ${stderr.trim().slice(0, 500)}`));
    });
  });
}

function memoryChild(mode: 'fetch' | 'fetch+encode' | 'baseline', info: SandboxProcessInfo, env: NodeJS.ProcessEnv): Promise<MemoryReport> {
  const args = [
    join(__dirname, 'openMemory.js'),
    mode,
    info.endpoint,
    info.bucket,
    info.bucketRegion,
    info.smallLogKey,
    info.bigLogKey ?? '',
  ];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { env, timeout: 120_000, maxBuffer: MB }, (error, stdout, stderr) => {
      if (error) reject(new Error(`open memory child (${mode}) failed: ${error.message}\n${stderr}`));
      else resolve(JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as MemoryReport);
    });
  });
}

export async function benchOpen(): Promise<OpenBench> {
  const sandbox = await startSandboxProcess({ bigLogMB: BIG_LOG_MB });
  const dir = mkdtempSync(join(tmpdir(), 'bench-open-'));
  try {
    const { info } = sandbox;
    const key = info.bigLogKey;
    if (!key) throw new Error('The sandbox did not seed a big log (world.scale.bigLogKey).');
    const env = awsEnvironment(info, dir);
    return await withEnvironment(env, async () => {
      const clients = new AwsClients({ endpointUrl: info.endpoint, regions: [info.region] });
      const s3 = new S3Client({
        region: info.region,
        endpoint: info.endpoint,
        forcePathStyle: true,
        credentials: { accessKeyId: info.admin.accessKeyId, secretAccessKey: info.admin.secretAccessKey },
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
      });
      try {
        // Warm-up (not measured): loads code, opens sockets, checks that both in-process paths print the same text.
        const warm = await extensionPath(clients, info, key);
        const warmMinimal = await minimalPath(s3, info, key);
        const matches =
          warm.output !== undefined && warmMinimal.output !== undefined && Buffer.from(warm.output).equals(warmMinimal.output);
        const sizes = { compressed: warm.compressed, uncompressed: warm.uncompressed, pretty: warm.output?.byteLength ?? 0 };
        warm.output = undefined;
        warmMinimal.output = undefined;
        await awsCliPath(info, key, env);

        const contenders: { name: 'extension' | 'minimal' | 'awscli'; run: () => Promise<Timed> }[] = [
          { name: 'extension', run: () => extensionPath(clients, info, key) },
          { name: 'minimal', run: () => minimalPath(s3, info, key) },
          { name: 'awscli', run: () => awsCliPath(info, key, env) },
        ];
        const times = {
          extension: [] as number[],
          minimal: [] as number[],
          awscli: [] as number[],
          fetch: [] as number[],
          pretty: [] as number[],
        };
        for (let run = 0; run < RUNS; run++) {
          for (let i = 0; i < contenders.length; i++) {
            const contender = contenders[(run + i) % contenders.length];
            gc();
            const timed = await contender.run();
            times[contender.name].push(timed.ms);
            if (timed.fetchMs !== undefined) times.fetch.push(timed.fetchMs);
            if (timed.prettyMs !== undefined) times.pretty.push(timed.prettyMs);
          }
        }
        gc();

        // Peak RSS depends on when the GC happens to run: the median of MEMORY_RUNS children of each kind.
        const baselinePeaks: number[] = [];
        const fetchPeaks: number[] = [];
        const encodePeaks: number[] = [];
        for (let run = 0; run < MEMORY_RUNS; run++) {
          baselinePeaks.push((await memoryChild('baseline', info, env)).hwm_after_bytes);
          fetchPeaks.push((await memoryChild('fetch', info, env)).hwm_after_bytes);
          encodePeaks.push((await memoryChild('fetch+encode', info, env)).hwm_after_bytes);
        }
        const baseline = median(baselinePeaks);
        const fetched = median(fetchPeaks);
        const delta = fetched - baseline;

        const ext = median(times.extension);
        return {
          ratio_vs_minimal: round(ext / median(times.minimal)),
          ratio_vs_awscli: round(ext / median(times.awscli)),
          peak_rss_ratio: round(delta / sizes.uncompressed),
          extension_median_ms: round(ext, 1),
          extension_fetch_median_ms: round(median(times.fetch), 1),
          extension_pretty_median_ms: round(median(times.pretty), 1),
          minimal_median_ms: round(median(times.minimal), 1),
          awscli_median_ms: round(median(times.awscli), 1),
          runs: RUNS,
          uncompressed_mb: round(sizes.uncompressed / MB, 2),
          compressed_mb: round(sizes.compressed / MB, 2),
          pretty_mb: round(sizes.pretty / MB, 2),
          output_matches_minimal: matches,
          peak_rss_delta_mb: round(delta / MB, 1),
          peak_rss_ratio_with_encode: round((median(encodePeaks) - baseline) / sizes.uncompressed),
          peak_rss_fetch_child_mb: round(fetched / MB, 1),
          peak_rss_baseline_child_mb: round(baseline / MB, 1),
          peak_rss_fetch_runs_mb: fetchPeaks.map((bytes) => round(bytes / MB, 1)).join(' '),
        };
      } finally {
        clients.dispose();
        s3.destroy();
      }
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await sandbox.stop();
  }
}
