/**
 * Validating the logs of a log location (`s3://bucket[/prefix]`) without DescribeTrails (a log-archive reader may not
 * call CloudTrail's trail APIs): the digest chain of one account and region is named by the digest files themselves
 * (`<account>_CloudTrail-Digest_<region>_<trail>_<home region>_<time>.json.gz`), or by a trail ARN the reader gives.
 */
import { parseArn } from '../core/arn';
import { ExplainedError } from '../core/errors';
import type { DigestTrail } from '../core/integrity/digestChain';
import { digestTrailFor } from '../core/integrity/trailDigests';
import { parseDigestFileName } from '../core/logs/logLayout';
import type { TrailInfo } from '../core/model';
import type { AwsClients } from './clients';
import { accountRootAt } from './logRoots';
import { firstKeyUnder, listWholeFolder } from './logObjects';

export interface LocationValidation {
  trail: TrailInfo;
  digestTrail: DigestTrail;
  /** The regions that hold this account's digests. */
  digestRegions: string[];
}

/** Which digest chain to walk under a location, for one account (the only one when none is given) and region. */
export async function locationDigestTrail(
  clients: AwsClients,
  location: { bucket: string; prefix: string },
  chosen: { account?: string; region?: string; trailArn?: string },
): Promise<LocationValidation> {
  const at = await accountRootAt(clients, location, chosen.account);
  const digests = `${at.root}CloudTrail-Digest/`;
  const digestRegions = (await listWholeFolder(clients, { bucket: location.bucket, prefix: digests }, { maxPages: 5 })).folders.map(
    (f) => f.name,
  );
  if (digestRegions.length === 0)
    throw new ExplainedError(
      'NoDigests',
      `No digest files of account ${at.account} under s3://${location.bucket}/${digests}.`,
      'CloudTrail writes digests only while log file validation is on for the trail.',
      'Turn log file validation on for the trail; logs delivered from then on can be validated.',
    );
  const arn = chosen.trailArn ? parseArn(chosen.trailArn) : undefined;
  let trailName = arn?.resource.slice(arn.resource.lastIndexOf('/') + 1);
  let homeRegion = arn?.region;
  if (!trailName || !homeRegion) {
    // The chain's trail and home region are in every digest's name: read them from one.
    const region = chosen.region && digestRegions.includes(chosen.region) ? chosen.region : digestRegions[0];
    const first = await firstKeyUnder(clients, { bucket: location.bucket, prefix: `${digests}${region}/` });
    const parsed = first ? parseDigestFileName(first.slice(first.lastIndexOf('/') + 1)) : undefined;
    if (!parsed)
      throw new ExplainedError(
        'NoDigests',
        `Could not tell which trail wrote the digests under s3://${location.bucket}/${digests}${region}/.`,
        first ? `The first object there is not named like a digest file: ${first.slice(0, 300)}.` : 'There is no object there.',
        'Give the trail with --trail <trail ARN>.',
      );
    trailName = parsed.trailName;
    homeRegion = parsed.homeRegion;
  }
  const sourceRegion = chosen.region ?? homeRegion;
  const trail: TrailInfo = {
    name: trailName,
    arn: chosen.trailArn ?? '',
    homeRegion,
    account: arn?.account ?? '',
    bucket: location.bucket,
    ...(at.keyPrefix ? { keyPrefix: at.keyPrefix } : {}),
    isMultiRegion: digestRegions.length > 1,
    isOrganizationTrail: !!at.organizationId,
    logFileValidation: true,
    seenInRegions: [],
  };
  const digestTrail = digestTrailFor(
    {
      arn: `arn:aws:cloudtrail:${homeRegion}:${trail.account || '000000000000'}:trail/${trailName}`,
      homeRegion,
      ...(at.keyPrefix ? { keyPrefix: at.keyPrefix } : {}),
    },
    { account: at.account, sourceRegion, ...(at.organizationId ? { organizationId: at.organizationId } : {}) },
  );
  return { trail, digestTrail, digestRegions };
}
