/** Trails across regions: DescribeTrails per region, shadow copies folded into the home trail, status and key filled in. */
import { DescribeTrailsCommand, GetTrailStatusCommand, type Trail } from '@aws-sdk/client-cloudtrail';
import { parseArn } from '../core/arn';
import { explainAwsError, ExplainedError } from '../core/errors';
import type { TrailInfo } from '../core/model';
import { trimSlashes } from '../core/text';
import { bucketRegion } from './buckets';
import type { AwsClients } from './clients';
import { mapLimited } from './concurrency';
import { describeTrailKey } from './keys';

export interface ListTrailsOptions {
  /** Called for each region whose trails could not be read while others could (the listing goes on without it). */
  onRegionError?: (region: string, error: ExplainedError) => void;
  /** Only DescribeTrails: no status, no key (for finding a trail by name). */
  skipDetails?: boolean;
}

function toTrailInfo(trail: Trail, seenIn: string): TrailInfo {
  const arn = trail.TrailARN ?? '';
  const parsed = parseArn(arn);
  const prefix = trail.S3KeyPrefix === undefined ? undefined : trimSlashes(trail.S3KeyPrefix);
  return {
    name: trail.Name ?? parsed?.resource.replace(/^trail\//, '') ?? '',
    arn,
    homeRegion: trail.HomeRegion ?? parsed?.region ?? seenIn,
    account: parsed?.account ?? '',
    bucket: trail.S3BucketName ?? '',
    ...(prefix ? { keyPrefix: prefix } : {}),
    ...(trail.KmsKeyId ? { kmsKeyArn: trail.KmsKeyId } : {}),
    isMultiRegion: trail.IsMultiRegionTrail ?? false,
    isOrganizationTrail: trail.IsOrganizationTrail ?? false,
    logFileValidation: trail.LogFileValidationEnabled ?? false,
    seenInRegions: [seenIn],
  };
}

async function fillStatus(clients: AwsClients, trail: TrailInfo): Promise<void> {
  try {
    const status = await clients.cloudTrail(trail.homeRegion).send(new GetTrailStatusCommand({ Name: trail.arn || trail.name }));
    trail.status = {
      isLogging: status.IsLogging ?? false,
      ...(status.LatestDeliveryTime ? { latestDeliveryTime: status.LatestDeliveryTime.toISOString() } : {}),
      ...(status.LatestDeliveryError ? { latestDeliveryError: status.LatestDeliveryError } : {}),
      ...(status.LatestDigestDeliveryTime ? { latestDigestDeliveryTime: status.LatestDigestDeliveryTime.toISOString() } : {}),
      ...(status.LatestDigestDeliveryError ? { latestDigestDeliveryError: status.LatestDigestDeliveryError } : {}),
    };
  } catch (error) {
    trail.statusError = explainAwsError(error as Error, {
      operation: 'GetTrailStatus',
      region: trail.homeRegion,
      profile: clients.profileName(),
    }).message;
  }
}

async function fillKey(clients: AwsClients, trail: TrailInfo): Promise<void> {
  if (!trail.kmsKeyArn) return;
  try {
    const region = trail.bucket ? await bucketRegion(clients, trail.bucket) : undefined;
    const caller = await clients.callerIdentity().catch(() => undefined);
    trail.key = await describeTrailKey(clients, trail.kmsKeyArn, {
      bucketRegion: region,
      trailAccount: trail.account || undefined,
      callerAccount: caller?.account || undefined,
    });
  } catch (error) {
    trail.keyError = (
      error instanceof ExplainedError ? error : explainAwsError(error as Error, { operation: 'DescribeKey', keyArn: trail.kmsKeyArn })
    ).message;
  }
}

async function describeIn(clients: AwsClients, region: string): Promise<Trail[]> {
  try {
    const answer = await clients.cloudTrail(region).send(new DescribeTrailsCommand({ includeShadowTrails: true }));
    return answer.trailList ?? [];
  } catch (error) {
    throw explainAwsError(error as Error, { operation: 'DescribeTrails', region, profile: clients.profileName() });
  }
}

/**
 * Trails seen in the given regions (default: clients.regions()), one entry per trail ARN, sorted by name.
 * Throws an ExplainedError only when no region could be read.
 */
export async function listTrails(clients: AwsClients, regions?: string[], options: ListTrailsOptions = {}): Promise<TrailInfo[]> {
  const where = regions && regions.length > 0 ? [...new Set(regions)] : await clients.regions();
  const answers = await mapLimited(where, 6, async (region) => {
    try {
      return { region, trails: await describeIn(clients, region) };
    } catch (error) {
      return { region, error: error as ExplainedError };
    }
  });
  const failures = answers.filter((answer) => answer.error);
  if (failures.length === answers.length && failures[0]?.error) throw failures[0].error;
  for (const failure of failures) if (failure.error) options.onRegionError?.(failure.region, failure.error);

  const byArn = new Map<string, TrailInfo>();
  for (const answer of answers) {
    for (const trail of answer.trails ?? []) {
      const info = toTrailInfo(trail, answer.region);
      const known = byArn.get(info.arn || `${info.homeRegion}/${info.name}`);
      if (known) {
        if (!known.seenInRegions.includes(answer.region)) known.seenInRegions.push(answer.region);
      } else {
        byArn.set(info.arn || `${info.homeRegion}/${info.name}`, info);
      }
    }
  }
  const trails = [...byArn.values()].sort((a, b) => a.name.localeCompare(b.name) || a.arn.localeCompare(b.arn));
  for (const trail of trails) trail.seenInRegions.sort();
  if (options.skipDetails) return trails;
  await mapLimited(trails, 4, async (trail) => {
    await Promise.all([fillStatus(clients, trail), fillKey(clients, trail)]);
  });
  return trails;
}

/** The trail named by `nameOrArn` among the trails in the regions; undefined when none matches. */
export function findTrail(trails: TrailInfo[], nameOrArn: string): TrailInfo | undefined {
  return trails.find((trail) => trail.arn === nameOrArn) ?? trails.find((trail) => trail.name === nameOrArn);
}

/**
 * The trail a person named, by ARN (looked up in its home region) or by name (looked up in `regions`, default
 * clients.regions()); only DescribeTrails, no status or key. Throws `TrailNotFound` naming the trails that are there.
 */
export async function resolveTrail(clients: AwsClients, nameOrArn: string, regions: string[] = []): Promise<TrailInfo> {
  const arn = parseArn(nameOrArn);
  const lookIn =
    arn?.service === 'cloudtrail' && arn.region ? [arn.region] : regions.length > 0 ? [...new Set(regions)] : await clients.regions();
  const trails = await listTrails(clients, lookIn, { skipDetails: true });
  const trail = findTrail(trails, nameOrArn);
  if (trail) return trail;
  throw new ExplainedError(
    'TrailNotFound',
    `No trail "${nameOrArn}" in ${lookIn.join(', ')}.`,
    trails.length === 0
      ? 'There are no trails there.'
      : `The trails there are: ${trails
          .slice(0, 20)
          .map((t) => t.name)
          .join(', ')}${trails.length > 20 ? ` and ${trails.length - 20} more` : ''}.`,
    "Give the trail's ARN, or its name and a region it logs in (its home region, or any region of a multi-region trail).",
  );
}
