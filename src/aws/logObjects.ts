/**
 * Log objects as a lazy hierarchy: one folder level at a time (ListObjectsV2 with Delimiter '/'), a page of at most
 * 1,000 entries at a time. Nothing here lists a whole bucket.
 */
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { explainAwsError } from '../core/errors';
import { awsLogsRoot, isOrganizationId, trailLogRoot, type TrailLogLocation } from '../core/logs/logLayout';
import type { LogFolderPage } from '../core/model';
import { s3RegionFor } from './buckets';
import type { AwsClients } from './clients';

export const MAX_PAGE_SIZE = 1000;

export async function listLogFolder(
  clients: AwsClients,
  where: { bucket: string; prefix: string; region?: string },
  page: { pageSize?: number; continuationToken?: string } = {},
): Promise<LogFolderPage> {
  const region = await s3RegionFor(clients, where.bucket, where.region);
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
    throw explainAwsError(error as Error, {
      operation: 'ListObjectsV2',
      bucket: where.bucket,
      key: where.prefix,
      region,
      profile: clients.profileName(),
    });
  }
}

/** Every page of one folder level (bounded by the folder, e.g. one day: about 300 files, or 10,000 in a busy one). */
export async function listWholeFolder(
  clients: AwsClients,
  where: { bucket: string; prefix: string; region?: string },
): Promise<LogFolderPage> {
  const first = await listLogFolder(clients, where);
  const all: LogFolderPage = { bucket: first.bucket, prefix: first.prefix, folders: [...first.folders], objects: [...first.objects] };
  let token = first.nextToken;
  while (token) {
    const next = await listLogFolder(clients, where, { continuationToken: token });
    all.folders.push(...next.folders);
    all.objects.push(...next.objects);
    token = next.nextToken;
  }
  return all;
}

/** Organization ids (`o-…` folders) under the trail's `AWSLogs/`: an organization trail's logs sit one level deeper. */
export async function organizationIds(
  clients: AwsClients,
  where: { bucket: string; keyPrefix?: string; region?: string },
): Promise<string[]> {
  const page = await listLogFolder(clients, { bucket: where.bucket, prefix: awsLogsRoot(where.keyPrefix), region: where.region });
  return page.folders.map((folder) => folder.name).filter(isOrganizationId);
}

/** The log root of a trail for its own account; for organization trails the organization id is found in the bucket. */
export async function resolveTrailLogRoot(
  clients: AwsClients,
  trail: { bucket: string; keyPrefix?: string; account: string; isOrganizationTrail: boolean },
): Promise<string> {
  const location: TrailLogLocation = { keyPrefix: trail.keyPrefix, account: trail.account };
  if (trail.isOrganizationTrail) {
    const [organizationId] = await organizationIds(clients, trail);
    if (organizationId) location.organizationId = organizationId;
  }
  return trailLogRoot(location);
}
