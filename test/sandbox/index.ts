import { randomBytes } from 'node:crypto';
import { SandboxClock } from './clock';
import { EventStore } from './cloudtrail/events';
import { CONTROL_PREFIX } from './http/control';
import { Faults, faultsFromEnvironment } from './http/faults';
import { Requests } from './http/requests';
import { startServer } from './http/server';
import { KeyStore } from './kms/keys';
import { ACCOUNT_ID, PRINCIPALS } from './principals';
import { BucketStore } from './s3/store';
import type { SandboxState } from './state';
import type { Principal, PrincipalName, Sandbox, SandboxOptions, SeededWorld } from './types';
import { emptyWorld } from './world/empty';
import { HOME_REGION, REGIONS, WORLD_NOW } from './world/constants';
import { seedWorld } from './world/seed';

export type * from './types';

/** Starts a local AWS (S3, KMS, CloudTrail, STS) on 127.0.0.1, seeded with the default world unless `world: false`. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const faults = new Faults();
  for (const rule of [...faultsFromEnvironment(), ...(options.faults ?? [])]) faults.add(rule);
  if (options.latencyMs) faults.setLatency(options.latencyMs);
  const state = createState(faults);
  const world: SeededWorld = options.world === false ? emptyWorld() : seedWorld(state, options.world ?? {});
  const requests = new Requests();
  const controlToken = randomBytes(16).toString('hex');
  const server = await startServer(state, faults, requests, options.port ?? 0, controlToken);
  return {
    endpoint: `http://127.0.0.1:${server.port}`,
    controlUrl: `http://127.0.0.1:${server.port}${CONTROL_PREFIX}${controlToken}/`,
    port: server.port,
    accountId: ACCOUNT_ID,
    region: HOME_REGION,
    principals: Object.fromEntries(
      Object.keys(PRINCIPALS).map((name) => [name, publicPrincipal(name as PrincipalName)]),
    ) as Sandbox['principals'],
    world,
    faults,
    requests,
    stop: () => server.close(),
  };
}

/** Empty services sharing one clock and the fault rules (a world seeds into this). */
export function createState(faults?: Faults): SandboxState {
  return {
    accountId: ACCOUNT_ID,
    homeRegion: HOME_REGION,
    regions: [...REGIONS],
    clock: new SandboxClock(WORLD_NOW),
    keys: new KeyStore(),
    events: new EventStore(),
    buckets: new BucketStore(),
    trails: [],
    faults,
  };
}

function publicPrincipal(name: PrincipalName): Principal {
  const p = PRINCIPALS[name];
  return { name: p.name, accountId: p.accountId, accessKeyId: p.accessKeyId, secretAccessKey: p.secretAccessKey, arn: p.arn };
}
