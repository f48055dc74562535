/**
 * The sandbox in a child process of its own, so its CPU (SigV4, AES, gzip) and memory stay out of the benchmark's
 * figures. Started by startSandboxProcess(); talks over the IPC channel: one 'ready' message with what the
 * benchmark needs, then answers { id, count: operation } and { id, reset: true }. It exits when its parent goes away.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { startSandbox, type WorldOptions } from '../sandbox';

export interface SandboxProcessInfo {
  endpoint: string;
  region: string;
  admin: { accessKeyId: string; secretAccessKey: string };
  bucket: string;
  bucketRegion: string;
  /** Any small log of the default world (for warm-ups and baselines). */
  smallLogKey: string;
  busyDayPrefix?: string;
  busyDayFileCount?: number;
  bigLogKey?: string;
  bigLogUncompressedBytes?: number;
  /** The search world (when started with `{ search: … }`): its trail, days, files and the role-decrypt question. */
  search?: {
    trailName: string;
    bucket: string;
    days: string[];
    /** logKeys[region][day]: every log object key. */
    logKeys: Record<string, Record<string, string[]>>;
    /** Files no principal can read (disabled key) or gunzip (corrupt): the baselines skip them, the engine reports them. */
    unreadable: string[];
    roleArn: string;
    keyArn: string;
    roleDecryptIds: string[];
  };
  bigLogCompressedBytes?: number;
  /** With `validation`: the trail, its window and regions, and how many digests and logs each region holds. */
  validation?: { trailArn: string; trailName: string; start: string; end: string; regions: string[]; digests: number; logs: number };
}

export interface SandboxProcess {
  info: SandboxProcessInfo;
  /** Requests the sandbox received for one operation (or all). */
  count(operation?: string): Promise<number>;
  reset(): Promise<void>;
  /** Every answer waits this many ms from now on (modelled network latency, see Faults.latencyMs). */
  setLatency(ms: number): Promise<void>;
  stop(): Promise<void>;
}

type Request = { id: number; count?: string; reset?: boolean; latencyMs?: number };
type Reply = { id: number; value?: number };

/** Forks this file as a sandbox seeded with the given scale world; resolves once it listens. */
export function startSandboxProcess(world: WorldOptions, timeoutMs = 120_000): Promise<SandboxProcess> {
  const child: ChildProcess = fork(__filename, [JSON.stringify(world)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv: [] });
  let nextId = 1;
  const pending = new Map<number, (reply: Reply) => void>();
  const ask = (request: Omit<Request, 'id'>): Promise<Reply> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, resolve);
      child.send({ ...request, id }, (error) => {
        if (error) reject(error);
      });
    });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`The sandbox did not start within ${timeoutMs} ms.`));
    }, timeoutMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`The sandbox process exited before it was ready (code ${code}, signal ${signal}).`));
    });
    child.on('message', (message: { ready?: SandboxProcessInfo } & Reply) => {
      if (message.ready) {
        clearTimeout(timer);
        resolve({
          info: message.ready,
          count: async (operation) => (await ask({ count: operation ?? '*' })).value ?? 0,
          reset: async () => {
            await ask({ reset: true });
          },
          setLatency: async (ms) => {
            await ask({ latencyMs: ms });
          },
          stop,
        });
        return;
      }
      pending.get(message.id)?.(message);
      pending.delete(message.id);
    });
  });
}

async function serve(): Promise<void> {
  const world = JSON.parse(process.argv[2] ?? '{}') as WorldOptions;
  const sandbox = await startSandbox({ world });
  const w = sandbox.world;
  const home = w.logKeys[sandbox.region] ?? {};
  const smallLogKey = Object.values(home).flat()[0];
  const info: SandboxProcessInfo = {
    endpoint: sandbox.endpoint,
    region: sandbox.region,
    admin: { accessKeyId: sandbox.principals.admin.accessKeyId, secretAccessKey: sandbox.principals.admin.secretAccessKey },
    bucket: w.buckets.logs.name,
    bucketRegion: w.buckets.logs.region,
    smallLogKey,
    ...w.scale,
    ...(w.search
      ? {
          search: {
            trailName: w.search.trail.name,
            bucket: w.search.trail.bucket,
            days: w.search.days,
            logKeys: w.search.logKeys,
            unreadable: [w.search.files.disabledKey.key, w.search.files.corrupt.key],
            roleArn: w.search.planted.roleDecrypts.roleArn,
            keyArn: w.search.planted.roleDecrypts.keyArn,
            roleDecryptIds: w.search.planted.roleDecrypts.eventIds,
          },
        }
      : {}),
    ...(w.validation
      ? {
          validation: {
            trailArn: w.validation.trail.arn,
            trailName: w.validation.trail.name,
            start: w.validation.start,
            end: w.validation.end,
            regions: w.validation.regions,
            digests: w.validation.digestCount,
            logs: w.validation.logCount,
          },
        }
      : {}),
  };
  const stop = (): void => {
    void sandbox.stop().finally(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('disconnect', stop); // the benchmark is gone: never outlive it
  process.on('message', (request: Request) => {
    if (request.reset) sandbox.requests.reset();
    if (request.latencyMs !== undefined) sandbox.faults.setLatency(request.latencyMs);
    const value = request.count ? sandbox.requests.count(request.count === '*' ? undefined : request.count) : undefined;
    process.send?.({ id: request.id, value });
  });
  process.send?.({ ready: info });
}

if (require.main === module) {
  serve().catch((error: unknown) => {
    process.stderr.write(`sandbox process failed: ${(error as Error).message}\n`);
    process.exit(1);
  });
}
