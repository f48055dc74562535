/**
 * Where a search reads: a trail's bucket, prefix and (for an organization trail) organization id, or a log location
 * as given; the bucket's region; and the query's key aliases resolved to key ARNs (KMS DescribeKey) before reading.
 */
import { DescribeKeyCommand } from '@aws-sdk/client-kms';
import { CancelledError, explainAwsError, ExplainedError } from '../../core/errors';
import type { TrailInfo } from '../../core/model';
import { resolveKeyAliases, type LogLocation, type ResolvedKeys, type SearchQuery } from '../../core/search';
import { s3RegionFor } from '../buckets';
import type { AwsClients } from '../clients';
import { organizationIds } from '../logObjects';
import { resolveTrail } from '../trails';

export interface SearchLocation {
  location: LogLocation;
  /** The bucket's region: every S3 call of the search goes there. */
  region: string;
  trail?: TrailInfo;
}

/** Settles with the promise, or rejects with CancelledError as soon as the signal aborts (for calls that take no signal). */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(new CancelledError('The search was cancelled.'));
  return new Promise<T>((resolve, reject) => {
    const stop = (): void => reject(new CancelledError('The search was cancelled.'));
    signal.addEventListener('abort', stop, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', stop);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', stop);
        reject(error);
      },
    );
  });
}

export async function resolveSearchLocation(clients: AwsClients, query: SearchQuery, signal?: AbortSignal): Promise<SearchLocation> {
  const scope = query.scope;
  if (!scope) {
    throw new ExplainedError(
      'NoSearchScope',
      'The search does not say where to look.',
      undefined,
      'Name a trail (trail:NAME or its ARN) or a log location (scope:s3://bucket/prefix).',
    );
  }
  if (scope.kind === 'location') {
    const region = await untilAborted(s3RegionFor(clients, scope.bucket), signal);
    return { location: { ...scope }, region };
  }
  const trail = await untilAborted(resolveTrail(clients, scope.trail, query.regions), signal);
  if (!trail.bucket) {
    throw new ExplainedError('TrailHasNoBucket', `Trail ${trail.arn} names no S3 bucket.`, undefined, 'Check the trail with `trails`.');
  }
  const region = await untilAborted(s3RegionFor(clients, trail.bucket), signal);
  let organizationId: string | undefined;
  if (trail.isOrganizationTrail) {
    const found = await organizationIds(clients, { bucket: trail.bucket, keyPrefix: trail.keyPrefix, region }, signal);
    if (found.length > 1) {
      throw new ExplainedError(
        'OrganizationIdUnknown',
        `The bucket of organization trail ${trail.arn} holds logs of several organizations (${found.join(', ')}).`,
        undefined,
        `Search one of them as a log location: scope:s3://${trail.bucket}/${trail.keyPrefix ? `${trail.keyPrefix}/` : ''}AWSLogs/${found[0]}/`,
      );
    }
    organizationId = found[0];
  }
  return {
    location: {
      bucket: trail.bucket,
      ...(trail.keyPrefix ? { keyPrefix: trail.keyPrefix } : {}),
      ...(organizationId ? { organizationId } : {}),
    },
    region,
    trail,
  };
}

/**
 * Aliases in `key:` resolved to key ARNs: DescribeKey on the alias in its own region (an alias ARN), else in the
 * query's regions, the bucket's region, then the default region — the first that knows it. Unresolved ones keep their
 * reason, so the summary can say the alias was matched by its text only.
 */
export async function resolveQueryKeys(
  clients: AwsClients,
  query: SearchQuery,
  bucketRegion: string,
  signal?: AbortSignal,
): Promise<{ keys: ResolvedKeys; unresolved: { alias: string; reason: string }[] }> {
  const reasons = new Map<string, string>();
  const defaultRegion = await clients.defaultRegion();
  const { keys, unresolved } = await resolveKeyAliases(query, async (alias) => {
    const regions = alias.region ? [alias.region] : [...new Set([...query.regions, bucketRegion, defaultRegion])];
    for (const region of regions) {
      try {
        const answer = await clients.kms(region).send(new DescribeKeyCommand({ KeyId: alias.text }), { abortSignal: signal });
        if (answer.KeyMetadata?.Arn) return answer.KeyMetadata.Arn;
      } catch (error) {
        if (signal?.aborted) throw new CancelledError('The search was cancelled.');
        const explained = explainAwsError(error as Error, {
          operation: 'DescribeKey',
          keyArn: alias.text,
          region,
          profile: clients.profileName(),
        });
        reasons.set(alias.text, explained.what);
      }
    }
    return undefined;
  });
  if (signal?.aborted) throw new CancelledError('The search was cancelled.');
  return {
    keys,
    unresolved: unresolved.map((alias) => ({ alias: alias.text, reason: reasons.get(alias.text) ?? 'KMS did not describe it' })),
  };
}
