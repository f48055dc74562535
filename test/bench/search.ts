/**
 * Find Events benchmark (issue 16) on the sandbox's search world (4 days × 2 regions of hourly SSE-KMS logs), the
 * sandbox in its own process. One question, "the Decrypt calls of role payments-batch with key alias/payments-data",
 * through the engine (src/aws/search, as the CLI and the editor run it) at the default concurrency, against, in the
 * same run and over the same files:
 *   floor:  SDK GetObject + streaming gunzip of every file at the same concurrency, nothing parsed;
 *   parse:  SDK GetObject + gunzip + JSON.parse + the same filter written by hand, same concurrency (what a script does);
 *   awscli: `aws s3 cp --recursive` of the range's day folders, then gunzip + a Python filter (what people do today).
 * Median of RUNS runs each, the order rotated every run. Also: a broad query (`name:Decrypt`, every file parsed) for
 * the engine's throughput when the prefilter rules nothing out; time to the first result after the first file arrived;
 * peak RSS (VmHWM) of a child process searching one day against one searching four (memory must not grow with the range),
 * with what it is made of: V8's heap as reserved, buffers outside it, and the heap still used after a full GC.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Readable } from 'node:stream';
import { createGunzip, gunzipSync } from 'node:zlib';
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { AwsClients } from '../../src/aws/clients';
import { DEFAULT_SEARCH_CONCURRENCY, searchLogs } from '../../src/aws/search';
import { parseQuery, resolveTimeRange } from '../../src/core/search';
import { awsEnvironment } from './awsEnvironment';
import { gc, median, round, sandboxS3Client, withEnvironment } from './open';
import { startSandboxProcess, type SandboxProcessInfo } from './sandboxProcess';

const RUNS = Math.max(3, Number(process.env.BENCH_SEARCH_RUNS) || 3);
const CONCURRENCY = DEFAULT_SEARCH_CONCURRENCY;
const MB = 1024 * 1024;
/** Modelled latency of every answer in the second comparison with the aws CLI (see validate.ts: S3's "tens of ms"). */
const LATENCY_MS = Math.max(0, Number(process.env.BENCH_SEARCH_LATENCY_MS ?? 20));
/** Days of the second search world for the memory figures (two ranges, one 4× the other, after V8's warm-up). */
const MEMORY_WORLD_DAYS = 8;
type SearchInfo = NonNullable<SandboxProcessInfo['search']>;

/** The role's Decrypt calls with the key over the first `days` days of the world. */
function roleQuery(s: SearchInfo, days: number): string {
  return `trail:${s.trailName} from:${s.days[0]} to:${s.days[days - 1]} principal:${s.roleArn} key:${s.keyArn} name:Decrypt`;
}

function broadQuery(s: SearchInfo): string {
  return `trail:${s.trailName} from:${s.days[0]} to:${s.days[s.days.length - 1]} name:Decrypt`;
}

interface EngineRun {
  ms: number;
  ids: string[];
  bytesScanned: number;
  filesRead: number;
  filesNotParsed: number;
  /** Resolving the trail, listing the folders, the estimate: before the first read. */
  planMs: number;
  /** From the first file received to the first result. */
  firstResultMs?: number;
}

async function engineRun(clients: AwsClients, text: string): Promise<EngineRun> {
  const query = parseQuery(text);
  const ids: string[] = [];
  const start = performance.now();
  const summary = await searchLogs(clients, query, resolveTimeRange(query, Date.now()), {
    concurrency: CONCURRENCY,
    confirmAboveFiles: 1_000_000,
    onHit: (hit) => ids.push(String(hit.record.eventID)),
  });
  const ms = performance.now() - start;
  if (summary.cancelled) throw new Error('the benchmark search was cancelled');
  return {
    ms,
    ids,
    bytesScanned: summary.bytesScanned,
    filesRead: summary.filesRead,
    filesNotParsed: summary.filesNotParsed,
    planMs: summary.planMs,
    ...(summary.firstMatchMs !== undefined && summary.firstFileMs !== undefined
      ? { firstResultMs: summary.firstMatchMs - summary.firstFileMs }
      : {}),
  };
}

/** The readable files of the whole world (every region, every day). */
function worldFiles(s: SearchInfo): string[] {
  const skip = new Set(s.unreadable);
  return Object.values(s.logKeys)
    .flatMap((byDay) => s.days.flatMap((day) => byDay[day] ?? []))
    .filter((key) => !skip.has(key));
}

async function pool<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

async function body(s3: S3Client, bucket: string, key: string): Promise<Readable> {
  return (await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }))).Body as Readable;
}

/** GetObject + streaming gunzip, bytes counted, nothing parsed. */
async function floorRun(s3: S3Client, s: SearchInfo, keys: string[]): Promise<{ ms: number; bytes: number }> {
  let bytes = 0;
  const start = performance.now();
  await pool(keys, CONCURRENCY, async (key) => {
    const gunzip = (await body(s3, s.bucket, key)).pipe(createGunzip());
    for await (const chunk of gunzip) bytes += (chunk as Buffer).byteLength;
  });
  return { ms: performance.now() - start, bytes };
}

type Json = Record<string, unknown>;

/** GetObject + gunzip + JSON.parse + the question written by hand. */
async function parseRun(s3: S3Client, s: SearchInfo, keys: string[]): Promise<{ ms: number; ids: string[] }> {
  const ids: string[] = [];
  const start = performance.now();
  await pool(keys, CONCURRENCY, async (key) => {
    const stream = await body(s3, s.bucket, key);
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const records = (JSON.parse(gunzipSync(Buffer.concat(chunks)).toString('utf8')) as { Records: Json[] }).Records;
    for (const record of records) {
      const issuer = ((record.userIdentity as Json | undefined)?.sessionContext as Json | undefined)?.sessionIssuer as Json | undefined;
      const arns = ((record.resources as Json[] | undefined) ?? []).map((resource) => resource.ARN);
      if (record.eventName === 'Decrypt' && issuer?.arn === s.roleArn && arns.includes(s.keyArn)) ids.push(String(record.eventID));
    }
  });
  return { ms: performance.now() - start, ids };
}

const PYTHON_FILTER = String.raw`
import gzip, json, os, sys
base, role, key = sys.argv[1:4]
found = []
for folder, _, names in os.walk(base):
    for name in names:
        try:
            records = json.loads(gzip.open(os.path.join(folder, name)).read())['Records']
        except Exception:
            continue
        for r in records:
            issuer = (((r.get('userIdentity') or {}).get('sessionContext') or {}).get('sessionIssuer') or {}).get('arn')
            if r.get('eventName') == 'Decrypt' and issuer == role and key in [x.get('ARN') for x in r.get('resources') or []]:
                found.append(r['eventID'])
print(json.dumps(found))
`;

/** `aws s3 cp --recursive` of the day folders (it exits 1 on the unreadable objects, as it would for a person), then Python. */
function awsCliRun(s: SearchInfo, env: NodeJS.ProcessEnv): Promise<{ ms: number; ids: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-search-cli-'));
  const includes = s.days.flatMap((day) => ['--include', `*/${day.replace(/-/g, '/')}/*`]);
  const args = [
    's3',
    'cp',
    '--recursive',
    '--only-show-errors',
    `s3://${s.bucket}/AWSLogs/`,
    join(dir, 'AWSLogs'),
    '--exclude',
    '*',
    ...includes,
  ];
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const copy = spawn('aws', args, { env, stdio: ['ignore', 'ignore', 'ignore'] });
    copy.once('error', reject);
    copy.once('exit', () => {
      execFile('python3', ['-c', PYTHON_FILTER, dir, s.roleArn, s.keyArn], { maxBuffer: 16 * MB }, (error, stdout) => {
        const ms = performance.now() - start;
        rmSync(dir, { recursive: true, force: true });
        if (error) reject(new Error(`the Python filter failed: ${error.message}`));
        else resolve({ ms, ids: JSON.parse(stdout) as string[] });
      });
    });
  });
}

/** What a memory child measured: peak RSS (VmHWM), and what it is made of. */
interface MemoryPeaks {
  rss: number;
  /** V8's heap as reserved (young and old generation, garbage included), sampled every 5 ms. */
  heapTotal: number;
  /** Buffers outside V8's heap (gunzip's output, sockets), sampled every 5 ms. */
  arrayBuffers: number;
  /** The heap still used after the search and two full garbage collections: what the engine keeps. */
  retainedHeap: number;
}

/** Peak RSS (VmHWM) and its parts, of a fresh process that searches the first `days` days once. */
function memoryChild(info: SandboxProcessInfo, env: NodeJS.ProcessEnv, days: number): Promise<MemoryPeaks> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [
        '--expose-gc',
        __filename,
        'memory',
        JSON.stringify({ endpoint: info.endpoint, region: info.region, query: roleQuery(info.search!, days) }),
      ],
      { env, timeout: 300_000, maxBuffer: MB },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`search memory child failed: ${error.message}\n${stderr}`));
        else resolve(JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as MemoryPeaks);
      },
    );
  });
}

/** The median of each part over two children of each range. */
async function memoryPeaks(info: SandboxProcessInfo, env: NodeJS.ProcessEnv, days: number): Promise<MemoryPeaks> {
  const runs = [await memoryChild(info, env, days), await memoryChild(info, env, days)];
  const part = (key: keyof MemoryPeaks): number => median(runs.map((run) => run[key]));
  return { rss: part('rss'), heapTotal: part('heapTotal'), arrayBuffers: part('arrayBuffers'), retainedHeap: part('retainedHeap') };
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  return left.size === new Set(b).size && b.every((id) => left.has(id));
}

export async function benchSearch(): Promise<Record<string, number | boolean>> {
  const sandbox = await startSandboxProcess({ search: true, organization: false });
  const dir = mkdtempSync(join(tmpdir(), 'bench-search-'));
  try {
    const { info } = sandbox;
    const s = info.search;
    if (!s) throw new Error('The sandbox did not seed the search world.');
    const env = awsEnvironment(info, dir);
    const keys = worldFiles(s);
    const wholeWorld = roleQuery(s, s.days.length);
    return await withEnvironment(env, async () => {
      const clients = new AwsClients({ endpointUrl: info.endpoint, regions: [info.region] });
      const s3 = sandboxS3Client(info);
      try {
        // Warm-up (not measured): code, sockets; the engine and the hand filter must agree with the planted set.
        const warm = await engineRun(clients, wholeWorld);
        const warmParse = await parseRun(s3, s, keys);
        await floorRun(s3, s, keys);
        const times = { engine: [] as number[], plan: [] as number[], floor: [] as number[], parse: [] as number[], broad: [] as number[] };
        const firstResult: number[] = [];
        let engine = warm;
        let broad: EngineRun | undefined;
        let floorBytes = 0;
        const contenders: (() => Promise<void>)[] = [
          async () => {
            engine = await engineRun(clients, wholeWorld);
            times.engine.push(engine.ms);
            times.plan.push(engine.planMs);
            if (engine.firstResultMs !== undefined) firstResult.push(engine.firstResultMs);
          },
          async () => {
            const floor = await floorRun(s3, s, keys);
            floorBytes = floor.bytes;
            times.floor.push(floor.ms);
          },
          async () => {
            times.parse.push((await parseRun(s3, s, keys)).ms);
          },
          async () => {
            broad = await engineRun(clients, broadQuery(s));
            times.broad.push(broad.ms);
          },
        ];
        for (let run = 0; run < RUNS; run++) {
          for (let i = 0; i < contenders.length; i++) {
            gc();
            await contenders[(run + i) % contenders.length]();
          }
        }
        const cli = await awsCliRun(s, env);
        const oneDay = await memoryPeaks(info, env, 1);
        const fourDays = await memoryPeaks(info, env, 4);
        const [oneDayPeak, fourDayPeak] = [oneDay.rss, fourDays.rss];

        // The same comparison with every answer LATENCY_MS later: what a search over the network waits on.
        await sandbox.setLatency(LATENCY_MS);
        const remoteEngine = median([(await engineRun(clients, wholeWorld)).ms, (await engineRun(clients, wholeWorld)).ms]);
        const remoteCli = await awsCliRun(s, env);
        await sandbox.setLatency(0);
        const longer = await longerRangePeaks();

        const engineMs = median(times.engine);
        const broadMs = median(times.broad);
        return {
          ratio_vs_awscli: round(engineMs / cli.ms),
          ratio_vs_floor: round(engineMs / median(times.floor)),
          ratio_vs_parse: round(engineMs / median(times.parse)),
          // The floor is handed the file list: the engine's reading phase alone against it.
          read_phase_ratio_vs_floor: round((engineMs - median(times.plan)) / median(times.floor)),
          engine_plan_median_ms: round(median(times.plan), 1),
          broad_ratio_vs_floor: round(broadMs / median(times.floor)),
          broad_ratio_vs_parse: round(broadMs / median(times.parse)),
          first_result_ms: round(median(firstResult), 1),
          peak_rss_range_ratio: round(fourDayPeak / oneDayPeak),
          peak_rss_range_ratio_8_vs_2_days: round(longer.eight / longer.two),
          latency_ms: LATENCY_MS,
          ratio_vs_awscli_at_latency: round(remoteEngine / remoteCli.ms),
          engine_median_ms_at_latency: round(remoteEngine, 1),
          awscli_ms_at_latency: round(remoteCli.ms, 1),
          awscli_finds_planted_at_latency: sameSet(remoteCli.ids, s.roleDecryptIds),
          engine_median_ms: round(engineMs, 1),
          engine_broad_median_ms: round(broadMs, 1),
          floor_median_ms: round(median(times.floor), 1),
          parse_median_ms: round(median(times.parse), 1),
          awscli_ms: round(cli.ms, 1),
          engine_decompressed_mb_s: round(engine.bytesScanned / MB / (engineMs / 1000), 1),
          engine_broad_decompressed_mb_s: round((broad?.bytesScanned ?? 0) / MB / (broadMs / 1000), 1),
          floor_decompressed_mb_s: round(floorBytes / MB / (median(times.floor) / 1000), 1),
          decompressed_mb: round(floorBytes / MB, 1),
          files: keys.length,
          engine_files_read: engine.filesRead,
          engine_files_not_parsed: engine.filesNotParsed,
          broad_files_not_parsed: broad?.filesNotParsed ?? -1,
          peak_rss_1_day_mb: round(oneDayPeak / MB, 1),
          peak_rss_4_days_mb: round(fourDayPeak / MB, 1),
          // What the peaks are made of: V8's heap as reserved, buffers outside it, and what is still used after GC.
          peak_heap_total_1_day_mb: round(oneDay.heapTotal / MB, 1),
          peak_heap_total_4_days_mb: round(fourDays.heapTotal / MB, 1),
          peak_array_buffers_1_day_mb: round(oneDay.arrayBuffers / MB, 1),
          peak_array_buffers_4_days_mb: round(fourDays.arrayBuffers / MB, 1),
          retained_heap_1_day_mb: round(oneDay.retainedHeap / MB, 1),
          retained_heap_4_days_mb: round(fourDays.retainedHeap / MB, 1),
          peak_rss_2_days_mb: round(longer.two / MB, 1),
          peak_rss_8_days_mb: round(longer.eight / MB, 1),
          concurrency: CONCURRENCY,
          runs: RUNS,
          planted: s.roleDecryptIds.length,
          engine_finds_planted: sameSet(engine.ids, s.roleDecryptIds),
          parse_finds_planted: sameSet(warmParse.ids, s.roleDecryptIds),
          awscli_finds_planted: sameSet(cli.ids, s.roleDecryptIds),
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

/**
 * Peak RSS of a search over 2 and over 8 days of an 8-day world (a sandbox of its own): the 1-vs-4-day figure also
 * holds V8's warm-up (its young generation grows during the first seconds of allocation), this one two ranges past it.
 */
async function longerRangePeaks(): Promise<{ two: number; eight: number }> {
  const sandbox = await startSandboxProcess({ search: { days: MEMORY_WORLD_DAYS }, organization: false });
  const dir = mkdtempSync(join(tmpdir(), 'bench-search-memory-'));
  try {
    const env = awsEnvironment(sandbox.info, dir);
    const two = (await memoryPeaks(sandbox.info, env, 2)).rss;
    const eight = (await memoryPeaks(sandbox.info, env, 8)).rss;
    return { two, eight };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await sandbox.stop();
  }
}

/** The memory child: one search, then its VmHWM on stdout. */
async function memoryMain(): Promise<void> {
  const { endpoint, region, query } = JSON.parse(process.argv[3]) as { endpoint: string; region: string; query: string };
  const clients = new AwsClients({ endpointUrl: endpoint, regions: [region] });
  try {
    const peaks = { heapTotal: 0, arrayBuffers: 0 };
    const sample = (): void => {
      const usage = process.memoryUsage();
      peaks.heapTotal = Math.max(peaks.heapTotal, usage.heapTotal);
      peaks.arrayBuffers = Math.max(peaks.arrayBuffers, usage.arrayBuffers);
    };
    const sampler = setInterval(sample, 5);
    await engineRun(clients, query).finally(() => clearInterval(sampler));
    sample();
    const rss = process.resourceUsage().maxRSS * 1024;
    gc();
    gc();
    const report: MemoryPeaks = { rss, ...peaks, retainedHeap: process.memoryUsage().heapUsed };
    process.stdout.write(`${JSON.stringify(report)}\n`);
  } finally {
    clients.dispose();
  }
}

if (require.main === module && process.argv[2] === 'memory') {
  memoryMain().catch((error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  });
}
