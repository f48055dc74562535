/**
 * Log objects as a lazy hierarchy: one folder level at a time (ListObjectsV2 with Delimiter '/'), a page of at most
 * 1,000 entries at a time. Nothing here lists a whole bucket.
 */
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { CancelledError, explainAwsError, isCancelled } from '../core/errors';
import { awsLogsRoot, isOrganizationId, trailLogRoot, type TrailLogLocation } from '../core/logs/logLayout';
import type { FolderContents } from '../core/logs/layoutHints';
import type { LogFolderPage } from '../core/model';
import { s3RegionFor } from './buckets';
import type { AwsClients } from './clients';

export const MAX_PAGE_SIZE = 1000;
/** At most this many pages of one folder level (a million entries): a bucket writer cannot make a listing endless. */
export const MAX_FOLDER_PAGES = 1000;

export interface ListOptions {
  pageSize?: number;
  continuationToken?: string;
  /** Aborting stops the request and throws CancelledError. */
  signal?: AbortSignal;
}

export async function listLogFolder(
  clients: AwsClients,
  where: { bucket: string; prefix: string; region?: string },
  page: ListOptions = {},
): Promise<LogFolderPage> {
  const region = await s3RegionFor(clients, where.bucket, where.region);
  if (page.signal?.aborted) throw new CancelledError(`Listing s3://${where.bucket}/${where.prefix} was cancelled.`);
  const maxKeys = Math.max(1, Math.min(page.pageSize ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE));
  try {
    const answer = await clients.s3(region).send(
      new ListObjectsV2Command({
        Bucket: where.bucket,
        Prefix: where.prefix,
        Delimiter: '/',
        MaxKeys: maxKeys,
        ...(page.continuationToken ? { ContinuationToken: page.continuationToken } : {}),
      }),
      { abortSignal: page.signal },
    );
    const folders = (answer.CommonPrefixes ?? [])
      .map((common) => common.Prefix ?? '')
      .filter((prefix) => prefix.length > where.prefix.length)
      .map((prefix) => ({ prefix, name: prefix.slice(where.prefix.length).replace(/\/$/, '') }));
    const objects = (answer.Contents ?? [])
      .filter((object) => object.Key && object.Key !== where.prefix)
      .map((object) => ({
        key: object.Key ?? '',
        name: (object.Key ?? '').slice(where.prefix.length),
        size: object.Size ?? 0,
        ...(object.LastModified ? { lastModified: object.LastModified.toISOString() } : {}),
      }));
    return {
      bucket: where.bucket,
      prefix: where.prefix,
      folders,
      objects,
      ...(answer.IsTruncated && answer.NextContinuationToken ? { nextToken: answer.NextContinuationToken } : {}),
    };
  } catch (error) {
    if (page.signal?.aborted || isCancelled(error)) throw new CancelledError(`Listing s3://${where.bucket}/${where.prefix} was cancelled.`);
    throw explainAwsError(error as Error, {
      operation: 'ListObjectsV2',
      bucket: where.bucket,
      key: where.prefix,
      region,
      profile: clients.profileName(),
    });
  }
}

/**
 * Every page of one folder level (bounded by the folder, e.g. one day: about 300 files, or 10,000 in a busy one), at
 * most `maxPages` pages; when more remain, `nextToken` says where the listing stopped.
 */
export async function listWholeFolder(
  clients: AwsClients,
  where: { bucket: string; prefix: string; region?: string },
  options: { signal?: AbortSignal; maxPages?: number } = {},
): Promise<LogFolderPage> {
  const { signal } = options;
  const first = await listLogFolder(clients, where, { signal });
  const all: LogFolderPage = { bucket: first.bucket, prefix: first.prefix, folders: [...first.folders], objects: [...first.objects] };
  let token = first.nextToken;
  for (let pages = 1; token && pages < (options.maxPages ?? MAX_FOLDER_PAGES); pages++) {
    const next = await listLogFolder(clients, where, { continuationToken: token, signal });
    all.folders.push(...next.folders);
    all.objects.push(...next.objects);
    token = next.nextToken;
  }
  if (token) all.nextToken = token;
  return all;
}

/** The parent folder of a prefix ('a/b/c/' → 'a/b/'; 'a/' → ''). */
export function parentPrefix(prefix: string): string {
  const trimmed = prefix.endsWith('/') ? prefix.slice(0, -1) : prefix;
  const slash = trimmed.lastIndexOf('/');
  return slash === -1 ? '' : trimmed.slice(0, slash + 1);
}

/**
 * For an empty listing: the nearest folder above `prefix` (up to the bucket root) that holds something, with one page
 * of what it holds; undefined when even the bucket root shows nothing. One listing per level, at most `maxLevels`.
 */
export async function nearestContents(
  clients: AwsClients,
  where: { bucket: string; prefix: string; region?: string },
  options: { signal?: AbortSignal; maxLevels?: number } = {},
): Promise<FolderContents | undefined> {
  let prefix = where.prefix;
  for (let level = 0; level < (options.maxLevels ?? 12) && prefix !== ''; level++) {
    prefix = parentPrefix(prefix);
    const page = await listLogFolder(clients, { ...where, prefix }, { signal: options.signal });
    if (page.folders.length > 0 || page.objects.length > 0) {
      return {
        bucket: where.bucket,
        prefix,
        folders: page.folders.map((folder) => folder.name),
        objectCount: page.objects.length,
        ...(page.nextToken ? { truncated: true } : {}),
      };
    }
  }
  return undefined;
}

/** Organization ids (`o-…` folders) under the trail's `AWSLogs/`: an organization trail's logs sit one level deeper. */
export async function organizationIds(
  clients: AwsClients,
  where: { bucket: string; keyPrefix?: string; region?: string },
  signal?: AbortSignal,
): Promise<string[]> {
  const page = await listWholeFolder(
    clients,
    { bucket: where.bucket, prefix: awsLogsRoot(where.keyPrefix), region: where.region },
    { signal, maxPages: 10 },
  );
  return page.folders.map((folder) => folder.name).filter(isOrganizationId);
}

/** The first object key under a prefix, in key order, across folders (one ListObjectsV2 without a delimiter, one key). */
export async function firstKeyUnder(
  clients: AwsClients,
  where: { bucket: string; prefix: string; region?: string },
  signal?: AbortSignal,
): Promise<string | undefined> {
  const region = await s3RegionFor(clients, where.bucket, where.region);
  try {
    const answer = await clients.s3(region).send(new ListObjectsV2Command({ Bucket: where.bucket, Prefix: where.prefix, MaxKeys: 1 }), {
      abortSignal: signal,
    });
    return answer.Contents?.[0]?.Key;
  } catch (error) {
    if (signal?.aborted || isCancelled(error)) throw new CancelledError(`Listing s3://${where.bucket}/${where.prefix} was cancelled.`);
    throw explainAwsError(error as Error, {
      operation: 'ListObjectsV2',
      bucket: where.bucket,
      key: where.prefix,
      region,
      profile: clients.profileName(),
    });
  }
}

/** Whether any object lies under the prefix (one ListObjectsV2 of one key). */
export async function hasObjectsUnder(
  clients: AwsClients,
  where: { bucket: string; prefix: string; region?: string },
  signal?: AbortSignal,
): Promise<boolean> {
  const page = await listLogFolder(clients, where, { pageSize: 1, signal });
  return page.folders.length > 0 || page.objects.length > 0;
}

/**
 * The organization id whose folder holds `account`'s logs, for a trail: an organization trail's logs sit under
 * `AWSLogs/<o-id>/<account>/`; so may the logs of a trail that is not (or no longer) marked as one, or of a bucket it
 * shares with one. Undefined when the account's logs sit directly under `AWSLogs/<account>/` (or nowhere).
 */
export async function organizationOfAccount(
  clients: AwsClients,
  trail: { bucket: string; keyPrefix?: string; account: string; isOrganizationTrail: boolean; homeRegion?: string },
  account: string,
  signal?: AbortSignal,
): Promise<string | undefined> {
  const where = { bucket: trail.bucket, region: trail.homeRegion };
  if (
    !trail.isOrganizationTrail &&
    (await hasObjectsUnder(clients, { ...where, prefix: trailLogRoot({ keyPrefix: trail.keyPrefix, account }) }, signal))
  )
    return undefined;
  const found = await organizationIds(clients, { ...where, keyPrefix: trail.keyPrefix }, signal);
  if (found.length <= 1) return found[0];
  // Several organizations share the bucket: the one that has this account.
  for (const organizationId of found)
    if (await hasObjectsUnder(clients, { ...where, prefix: trailLogRoot({ keyPrefix: trail.keyPrefix, account, organizationId }) }, signal))
      return organizationId;
  return found[0];
}

/**
 * The log root of a trail for one account (default: the trail's own account); for organization trails, and for trails
 * whose logs sit under an organization level anyway, the organization id is found in the bucket.
 */
export async function resolveTrailLogRoot(
  clients: AwsClients,
  trail: { bucket: string; keyPrefix?: string; account: string; isOrganizationTrail: boolean; homeRegion?: string },
  account = trail.account,
  signal?: AbortSignal,
): Promise<string> {
  const location: TrailLogLocation = { keyPrefix: trail.keyPrefix, account };
  const organizationId = await organizationOfAccount(clients, trail, account, signal);
  if (organizationId) location.organizationId = organizationId;
  return trailLogRoot(location);
}
