/**
 * List benchmark: a day folder with 10,000 log objects (the sandbox's busy day), listed through listLogFolder as the
 * Trails view does: requests until the first page is shown, requests for the whole day, time to the first page.
 * Requests are counted by the sandbox (ListObjectsV2 it received), which runs in its own process.
 */
import { performance } from 'node:perf_hooks';
import { AwsClients } from '../../src/aws/clients';
import { listLogFolder, listWholeFolder, MAX_PAGE_SIZE } from '../../src/aws/logObjects';
import { startSandboxProcess } from './sandboxProcess';

export const BUSY_DAY_FILES = 10_000;
/** Fewest ListObjectsV2 calls that can return the whole day: ⌈n / 1000⌉. */
export const FULL_DAY_REQUESTS = Math.ceil(BUSY_DAY_FILES / MAX_PAGE_SIZE);

export interface ListBench {
  requests_first_page: number;
  requests_full_day: number;
  first_page_ms: number;
  full_day_ms: number;
  objects: number;
  first_page_objects: number;
  /** Context: every request (GetBucketLocation included) a cold client sends before the first page. */
  first_page_all_requests: number;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

export async function benchList(): Promise<ListBench> {
  const sandbox = await startSandboxProcess({ filesInOneDay: BUSY_DAY_FILES });
  const { info } = sandbox;
  const saved = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY, profile: process.env.AWS_PROFILE };
  process.env.AWS_ACCESS_KEY_ID = info.admin.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = info.admin.secretAccessKey;
  delete process.env.AWS_PROFILE;
  const clients = new AwsClients({ endpointUrl: info.endpoint, regions: [info.region] });
  try {
    const prefix = info.busyDayPrefix;
    if (!prefix) throw new Error('The sandbox did not seed a busy day (world.scale.busyDayPrefix).');
    const where = { bucket: info.bucket, prefix };

    // A cold client, as when the user expands the day folder first: the bucket's region is looked up once.
    await sandbox.reset();
    let start = performance.now();
    const first = await listLogFolder(clients, where);
    const firstPageMs = performance.now() - start;
    const firstPageList = await sandbox.count('ListObjectsV2');
    const firstPageAll = await sandbox.count();

    await sandbox.reset();
    start = performance.now();
    const day = await listWholeFolder(clients, where);
    const fullDayMs = performance.now() - start;
    const fullDayList = await sandbox.count('ListObjectsV2');

    if (day.objects.length !== BUSY_DAY_FILES) {
      throw new Error(`Listing the busy day returned ${day.objects.length} objects, expected ${BUSY_DAY_FILES}.`);
    }
    return {
      requests_first_page: firstPageList,
      requests_full_day: fullDayList,
      first_page_ms: round(firstPageMs),
      full_day_ms: round(fullDayMs),
      objects: day.objects.length,
      first_page_objects: first.objects.length,
      first_page_all_requests: firstPageAll,
    };
  } finally {
    clients.dispose();
    for (const [name, value] of [
      ['AWS_ACCESS_KEY_ID', saved.id],
      ['AWS_SECRET_ACCESS_KEY', saved.secret],
      ['AWS_PROFILE', saved.profile],
    ] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await sandbox.stop();
  }
}
