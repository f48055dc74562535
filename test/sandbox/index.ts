import { SandboxClock } from './clock';
import { EventStore } from './cloudtrail/events';
import { Faults, faultsFromEnvironment } from './http/faults';
import { Requests } from './http/requests';
import { startServer } from './http/server';
import { KeyStore } from './kms/keys';
import { ACCOUNT_ID, PRINCIPALS } from './principals';
import { BucketStore } from './s3/store';
import type { SandboxState } from './state';
import type { Sandbox, SandboxOptions, SeededWorld } from './types';
import { emptyWorld } from './world/empty';
import { HOME_REGION, REGIONS, WORLD_NOW } from './world/constants';
import { seedWorld } from './world/seed';

export type * from './types';

/** Starts a local AWS (S3, KMS, CloudTrail, STS) on 127.0.0.1, seeded with the default world unless `world: false`. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const state: SandboxState = {
    accountId: ACCOUNT_ID,
    homeRegion: HOME_REGION,
    regions: [...REGIONS],
    clock: new SandboxClock(WORLD_NOW),
    keys: new KeyStore(),
    events: new EventStore(),
    buckets: new BucketStore(),
    trails: [],
  };
  const world: SeededWorld = options.world === false ? emptyWorld() : seedWorld(state, options.world ?? {});
  const faults = new Faults();
  for (const rule of [...faultsFromEnvironment(), ...(options.faults ?? [])]) faults.add(rule);
  const requests = new Requests();
  const server = await startServer(state, faults, requests, options.port ?? 0);
  return {
    endpoint: `http://127.0.0.1:${server.port}`,
    port: server.port,
    accountId: ACCOUNT_ID,
    region: HOME_REGION,
    principals: { admin: publicPrincipal('admin'), auditor: publicPrincipal('auditor') },
    world,
    faults,
    requests,
    stop: () => server.close(),
  };
}

function publicPrincipal(name: 'admin' | 'auditor') {
  const p = PRINCIPALS[name];
  return { name: p.name, accessKeyId: p.accessKeyId, secretAccessKey: p.secretAccessKey, arn: p.arn };
}
