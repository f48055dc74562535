/**
 * The files a search reads: only the folders its plan needs (accounts → regions → the day folders of the delivery
 * window, one folder level at a time), and of their objects only the log files whose names can hold events of the range
 * (core/search/prune.ts). A HeadObject of one file tells the encryption, for the cost estimate.
 */
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { CancelledError, ExplainedError } from '../../core/errors';
import { parseLogObjectKey } from '../../core/logs/logLayout';
import { dayFolderPrefixes, isAccountId, isRegionName, judgeLogKey, regionsRoot, type FolderPlan } from '../../core/search';
import type { SearchEstimate } from '../../core/search/summary';
import type { AwsClients } from '../clients';
import { mapLimited } from '../concurrency';
import { listWholeFolder } from '../logObjects';

/** More day folders than this is not a search but a crawl: narrow the range, accounts or regions (or use Athena). */
export const MAX_DAY_FOLDERS = 20_000;
/** A cap on the file list held in memory (about 200 bytes each). */
export const MAX_FILES = 1_000_000;

export interface PlannedFile {
  key: string;
  size: number;
  /** From the file name, for ordering: oldest delivery first. */
  delivered: string;
}

export interface FileListing {
  files: PlannedFile[];
  bytes: number;
  folders: number;
  listRequests: number;
  accounts: string[];
  regions: string[];
}

function checked(count: number, what: string): void {
  if (count > MAX_DAY_FOLDERS)
    throw new ExplainedError(
      'SearchTooWide',
      `The search would list ${count.toLocaleString('en-US')} day folders (${what}).`,
      `Find Events reads log files one by one; more than ${MAX_DAY_FOLDERS.toLocaleString('en-US')} day folders is a crawl of the bucket.`,
      'Narrow the time range, or name the accounts (account:) and regions (region:) to search.',
    );
}

export async function listPlannedFiles(
  clients: AwsClients,
  plan: FolderPlan,
  region: string,
  concurrency: number,
  signal?: AbortSignal,
): Promise<FileListing> {
  const bucket = plan.location.bucket;
  let listRequests = 0;
  const folderNames = async (prefix: string): Promise<string[]> => {
    const page = await listWholeFolder(clients, { bucket, prefix, region }, { signal });
    listRequests++;
    return page.folders.map((folder) => folder.name);
  };
  const accounts = plan.accounts.length ? plan.accounts : (await folderNames(plan.accountsRoot)).filter(isAccountId);
  checked(accounts.length * Math.max(1, plan.regions.length) * plan.days.length, `${accounts.length} accounts`);
  const pairs: { account: string; region: string }[] = [];
  const regionLists = await mapLimited(accounts, concurrency, async (account) =>
    plan.regions.length ? plan.regions : (await folderNames(regionsRoot(plan, account))).filter(isRegionName),
  );
  accounts.forEach((account, i) => pairs.push(...regionLists[i].map((r) => ({ account, region: r }))));
  const prefixes = pairs.flatMap(({ account, region: r }) => dayFolderPrefixes(plan, account, r));
  checked(prefixes.length, `${pairs.length} account and region folders × ${plan.days.length} days`);

  const files: PlannedFile[] = [];
  let bytes = 0;
  await mapLimited(prefixes, concurrency, async (prefix) => {
    if (signal?.aborted) throw new CancelledError('The search was cancelled.');
    const page = await listWholeFolder(clients, { bucket, prefix, region }, { signal });
    listRequests += 1 + Math.floor(page.objects.length / 1000);
    for (const object of page.objects) {
      if (judgeLogKey(plan, object.key) !== 'read') continue;
      if (files.length >= MAX_FILES)
        throw new ExplainedError(
          'SearchTooWide',
          `The search would read more than ${MAX_FILES.toLocaleString('en-US')} log files.`,
          undefined,
          'Narrow the time range, accounts or regions.',
        );
      files.push({ key: object.key, size: object.size, delivered: parseLogObjectKey(object.key)?.deliveryTime ?? '' });
      bytes += object.size;
    }
  });
  files.sort((a, b) => (a.delivered !== b.delivered ? (a.delivered < b.delivered ? -1 : 1) : a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return {
    files,
    bytes,
    folders: prefixes.length,
    listRequests,
    accounts,
    regions: [...new Set(pairs.map((pair) => pair.region))].sort(),
  };
}

/** The cost of reading the files: HeadObject of the first tells whether each read makes S3 call KMS Decrypt. */
export async function estimateCost(
  clients: AwsClients,
  bucket: string,
  region: string,
  listing: FileListing,
  signal?: AbortSignal,
): Promise<SearchEstimate> {
  const estimate: SearchEstimate = { files: listing.files.length, bytes: listing.bytes, folders: listing.folders };
  const first = listing.files[0];
  if (!first) return estimate;
  try {
    const head = await clients.s3(region).send(new HeadObjectCommand({ Bucket: bucket, Key: first.key }), { abortSignal: signal });
    if (head.ServerSideEncryption) estimate.encryption = head.ServerSideEncryption;
    if (head.SSEKMSKeyId) estimate.kmsKeyId = head.SSEKMSKeyId;
    if (head.BucketKeyEnabled !== undefined) estimate.bucketKey = head.BucketKeyEnabled;
    if (head.ServerSideEncryption?.startsWith('aws:kms')) estimate.kmsRequests = head.BucketKeyEnabled ? undefined : listing.files.length;
  } catch {
    if (signal?.aborted) throw new CancelledError('The search was cancelled.');
    // Not allowed to HeadObject (or it failed): the estimate says the encryption is not known.
  }
  return estimate;
}
