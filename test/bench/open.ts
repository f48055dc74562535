/**
 * Open benchmark: the sandbox's 50 MB log (uncompressed; realistic records, gzip ≈ 10×) through the extension's fetch
 * path (AwsClients + fetchLog with prettyPrint: indented while it arrives, bytes to bytes, as logFileSystem.readFile
 * and `cat` do) against
 *   (a) a minimal path in this process: SDK GetObject → zlib.gunzipSync → JSON.parse → JSON.stringify(…, null, 2);
 *   (b) what users do today: `aws s3 cp s3://… - | gunzip | python3 -m json.tool` (real aws CLI, output discarded);
 *   (c) the floor, in this process: SDK GetObject streamed through gunzip (the same zlib chunk size) into one buffer,
 *       no pretty-printing — what any reader of the object pays.
 * Median wall time of RUNS runs each, the order rotated every run to spread noise; one unmeasured warm-up each.
 * Peak RSS of the fetch path: median VmHWM of 3 children that open the big log minus the median VmHWM of 3 baseline
 * children that only warm up on a small log (same modules, same clients), divided by the uncompressed size.
 * The sandbox runs in its own process (sandboxProcess.ts).
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, gunzipSync } from 'node:zlib';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { AwsClients } from '../../src/aws/clients';
import { fetchLog } from '../../src/aws/fetchLog';
import { prettyPrintJsonBytes } from '../../src/core/logs/pretty';
import { awsEnvironment } from './awsEnvironment';
import type { MemoryReport } from './openMemory';
import { startSandboxProcess, type SandboxProcessInfo } from './sandboxProcess';

const BIG_LOG_MB = 50;
const RUNS = Math.max(5, Number(process.env.BENCH_OPEN_RUNS) || 5);
const MEMORY_RUNS = 3;
const MB = 1024 * 1024;

export interface OpenBench {
  ratio_vs_floor: number;
  ratio_vs_minimal: number;
  ratio_vs_awscli: number;
  peak_rss_ratio: number;
  extension_median_ms: number;
  /** Context: fetchLog without prettyPrint (the bytes as stored), and the printer alone over those bytes (in memory). */
  extension_fetch_median_ms: number;
  extension_pretty_median_ms: number;
  minimal_median_ms: number;
  floor_median_ms: number;
  awscli_median_ms: number;
  runs: number;
  uncompressed_mb: number;
  compressed_mb: number;
  compression_ratio: number;
  pretty_mb: number;
  output_matches_minimal: boolean;
  peak_rss_delta_mb: number;
  /** Context: the former string path (decode, prettyPrintJson, TextEncoder.encode), which readFile took until the bytes path. */
  peak_rss_ratio_with_encode: number;
  peak_rss_fetch_child_mb: number;
  peak_rss_baseline_child_mb: number;
  peak_rss_fetch_runs_mb: string;
}

export function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function round(value: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** A plain SDK S3 client for the sandbox (the baselines' client: no retries of ours, no checksums S3 did not ask for). */
export function sandboxS3Client(info: SandboxProcessInfo): S3Client {
  return new S3Client({
    region: info.region,
    endpoint: info.endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: info.admin.accessKeyId, secretAccessKey: info.admin.secretAccessKey },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

/** Runs fn with process.env replaced by env (the SDK's default chain reads it), then restores it. */
export async function withEnvironment<T>(env: NodeJS.ProcessEnv, fn: () => Promise<T>): Promise<T> {
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
  /** fetchOnly: the printer alone over the bytes it fetched, in memory. */
  prettyMs?: number;
  uncompressed?: number;
  output?: Uint8Array;
}

async function extensionPath(
  clients: AwsClients,
  info: SandboxProcessInfo,
  key: string,
): Promise<Timed & { compressed: number; uncompressed: number }> {
  const start = performance.now();
  const log = await fetchLog(clients, { bucket: info.bucket, key, region: info.bucketRegion }, { prettyPrint: true });
  const end = performance.now();
  if (!log.pretty || !('bytes' in log.pretty)) throw new Error(`The big log did not pretty-print: ${JSON.stringify(log.pretty)}`);
  return {
    ms: end - start,
    output: log.pretty.bytes, // what logFileSystem.readFile hands the editor
    compressed: log.compressedBytes,
    uncompressed: log.uncompressedBytes,
  };
}

/** fetchLog without prettyPrint (the bytes as stored); then, timed apart, prettyPrintJsonBytes over them in memory. */
async function fetchOnly(clients: AwsClients, info: SandboxProcessInfo, key: string): Promise<Timed> {
  const start = performance.now();
  const log = await fetchLog(clients, { bucket: info.bucket, key, region: info.bucketRegion });
  const ms = performance.now() - start;
  gc();
  const printing = performance.now();
  prettyPrintJsonBytes(log.bytes);
  return { ms, prettyMs: performance.now() - printing };
}

async function minimalPath(s3: S3Client, info: SandboxProcessInfo, key: string): Promise<Timed> {
  const start = performance.now();
  const answer = await s3.send(new GetObjectCommand({ Bucket: info.bucket, Key: key }));
  const body = answer.Body as Readable & { transformToByteArray(): Promise<Uint8Array> };
  const gzipped = await body.transformToByteArray();
  const output = Buffer.from(JSON.stringify(JSON.parse(gunzipSync(gzipped).toString('utf8')), null, 2));
  return { ms: performance.now() - start, output };
}

/** The floor: GetObject streamed through gunzip into one buffer (reserved, as fetchLog's), nothing else. */
async function floorPath(s3: S3Client, info: SandboxProcessInfo, key: string): Promise<Timed> {
  const start = performance.now();
  const answer = await s3.send(new GetObjectCommand({ Bucket: info.bucket, Key: key }));
  let buffer = Buffer.allocUnsafe(256 * MB);
  let length = 0;
  const gunzip = createGunzip({ chunkSize: 256 * 1024 });
  gunzip.on('data', (chunk: Buffer) => {
    if (length + chunk.length > buffer.length) {
      const bigger = Buffer.allocUnsafe(buffer.length * 2);
      buffer.copy(bigger, 0, 0, length);
      buffer = bigger;
    }
    chunk.copy(buffer, length);
    length += chunk.length;
  });
  await pipeline(answer.Body as Readable, gunzip);
  return { ms: performance.now() - start, uncompressed: length };
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
      const s3 = sandboxS3Client(info);
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

        const warmFloor = await floorPath(s3, info, key);
        if (warmFloor.uncompressed !== sizes.uncompressed)
          throw new Error(`The floor read ${warmFloor.uncompressed} bytes, fetchLog ${sizes.uncompressed}.`);

        const contenders: { name: 'extension' | 'minimal' | 'awscli' | 'floor' | 'fetch'; run: () => Promise<Timed> }[] = [
          { name: 'extension', run: () => extensionPath(clients, info, key) },
          { name: 'floor', run: () => floorPath(s3, info, key) },
          { name: 'minimal', run: () => minimalPath(s3, info, key) },
          { name: 'awscli', run: () => awsCliPath(info, key, env) },
          { name: 'fetch', run: () => fetchOnly(clients, info, key) },
        ];
        const times = {
          extension: [] as number[],
          floor: [] as number[],
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
          ratio_vs_floor: round(ext / median(times.floor)),
          ratio_vs_minimal: round(ext / median(times.minimal)),
          ratio_vs_awscli: round(ext / median(times.awscli)),
          peak_rss_ratio: round(delta / sizes.uncompressed),
          extension_median_ms: round(ext, 1),
          extension_fetch_median_ms: round(median(times.fetch), 1),
          extension_pretty_median_ms: round(median(times.pretty), 1),
          minimal_median_ms: round(median(times.minimal), 1),
          floor_median_ms: round(median(times.floor), 1),
          awscli_median_ms: round(median(times.awscli), 1),
          runs: RUNS,
          uncompressed_mb: round(sizes.uncompressed / MB, 2),
          compressed_mb: round(sizes.compressed / MB, 2),
          compression_ratio: round(sizes.uncompressed / sizes.compressed, 2),
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
