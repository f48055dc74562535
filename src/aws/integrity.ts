/**
 * Log-file integrity validation against S3 and CloudTrail: the digest store (ListObjectsV2 from a StartAfter marker,
 * digests with their signature metadata, ListPublicKeys), the SHA-256 of each log's decompressed bytes (streamed), and
 * the workflow both front ends run: which organization and regions a trail's digests are under, then the walk.
 */
import type { Readable } from 'node:stream';
import { ListPublicKeysCommand } from '@aws-sdk/client-cloudtrail';
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { DIGEST_SIZE_LIMIT, gunzipBounded } from '../core/boundedGunzip';
import { explainAwsError, ExplainedError } from '../core/errors';
import { formatBytes } from '../core/formatBytes';
import type { DigestStore, DigestTrail } from '../core/integrity/digestChain';
import { DigestInvalid, type SignedDigest } from '../core/integrity/digestFile';
import { hashFirstGzipMember } from '../core/integrity/digestGzip';
import { validateTrailLogs, type LogHashResult, type ValidationCounts, type VerdictLine } from '../core/integrity/digestReport';
import { abortable } from '../core/integrity/trailDigests';
import { trailLogRoot } from '../core/logs/logLayout';
import type { TrailInfo } from '../core/model';
import { s3RegionFor } from './buckets';
import type { AwsClients } from './clients';
import { DEFAULT_MAX_LOG_BYTES } from './fetchLog';
import { explainGetObjectFailure, isNoSuchKey } from './getObjectErrors';
import { listWholeFolder, organizationOfAccount } from './logObjects';
import { bodyTimeoutError, isAttemptTimeout } from './timeouts';

/** A DigestStore over real S3 and CloudTrail; public keys come from CloudTrail in `keyRegion` (the digests' region). */
export function s3DigestStore(clients: AwsClients, keyRegion: string, trailArn?: string): DigestStore {
  // The bucket's own region (GetBucketLocation, cached), as the aws CLI's S3ClientProvider does; not the digests' region.
  return {
    async *listKeys(bucket, prefix, marker) {
      const s3 = clients.s3(await s3RegionFor(clients, bucket));
      let token: string | undefined;
      do {
        let page;
        try {
          page = await s3.send(
            new ListObjectsV2Command({
              Bucket: bucket,
              Prefix: prefix,
              ...(token ? { ContinuationToken: token } : { StartAfter: marker }),
            }),
          );
        } catch (error) {
          throw explainAwsError(error as Error, { operation: 'ListObjectsV2', bucket, key: prefix, profile: clients.profileName() });
        }
        for (const object of page.Contents ?? []) if (object.Key) yield object.Key;
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
    },

    async fetchDigest(bucket, key) {
      let answer;
      const region = await s3RegionFor(clients, bucket);
      try {
        answer = await clients.s3(region).send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      } catch (error) {
        if (isNoSuchKey(error)) return 'missing';
        throw await explainGetObjectFailure(clients, region, { bucket, key, trailArn }, error);
      }
      let inflated: Buffer;
      try {
        // Streamed and bounded: a small digest that inflates to gigabytes is refused, not inflated whole.
        inflated = await gunzipBounded(answer.Body as Readable, DIGEST_SIZE_LIMIT, `s3://${bucket}/${key}`);
      } catch (error) {
        if (error instanceof ExplainedError && error.code === 'TooLarge')
          throw new DigestInvalid(`larger than ${formatBytes(DIGEST_SIZE_LIMIT)} uncompressed (not a digest file)`);
        if (error instanceof ExplainedError) throw new DigestInvalid('invalid format');
        if (isAttemptTimeout(error)) throw bodyTimeoutError(`s3://${bucket}/${key}`, 0, error);
        throw await explainGetObjectFailure(clients, region, { bucket, key, trailArn }, error);
      }
      const metadata = answer.Metadata ?? {};
      const digest: SignedDigest = {
        bucket,
        key,
        inflated,
        ...(metadata.signature !== undefined ? { signature: metadata.signature } : {}),
        ...(metadata['signature-algorithm'] !== undefined ? { signatureAlgorithm: metadata['signature-algorithm'] } : {}),
        ...(metadata['backfill-generation-timestamp'] !== undefined
          ? { backfillGenerationTimestamp: metadata['backfill-generation-timestamp'] }
          : {}),
      };
      return digest;
    },

    async publicKeys(start, end) {
      try {
        // As the aws CLI: one call for the window, NextToken ignored (CloudTrail returns the few keys of a window at once).
        const answer = await clients.cloudTrail(keyRegion).send(new ListPublicKeysCommand({ StartTime: start, EndTime: end }));
        const keys = new Map<string, Uint8Array>();
        for (const key of answer.PublicKeyList ?? []) if (key.Fingerprint && key.Value) keys.set(key.Fingerprint, key.Value);
        return keys;
      } catch (error) {
        throw explainAwsError(error as Error, { operation: 'ListPublicKeys', region: keyRegion, profile: clients.profileName() });
      }
    },
  };
}

/** GetObject → inflate → SHA-256 of the decompressed bytes, streamed (nothing kept, nothing written). */
export async function hashLogObject(clients: AwsClients, bucket: string, key: string, trailArn?: string): Promise<LogHashResult> {
  let body: Readable;
  const region = await s3RegionFor(clients, bucket);
  try {
    body = (await clients.s3(region).send(new GetObjectCommand({ Bucket: bucket, Key: key }))).Body as Readable;
  } catch (error) {
    if (isNoSuchKey(error)) return { status: 'missing' };
    return { status: 'error', message: (await explainGetObjectFailure(clients, region, { bucket, key, trailArn }, error)).message };
  }
  // Not gzip, truncated, a broken connection mid-body: "invalid format", as the aws CLI says. A log that inflates past
  // the size limit is not hashed on (no CloudTrail log is that large): an error line that says so.
  const result = await hashFirstGzipMember(body, { maxBytes: DEFAULT_MAX_LOG_BYTES, location: `s3://${bucket}/${key}` });
  return result.status === 'too-large' ? { status: 'error', message: result.error.message } : result;
}

/**
 * The organization id the trail's logs for `account` sit under (`AWSLogs/o-…/`): always for organization trails, and
 * for a trail not marked as one whose logs sit under an organization level anyway (it was one once, or shares the
 * bucket with one); undefined when they sit directly under `AWSLogs/<account>/`.
 * Throws for an organization trail when the bucket shows no o-… folder (then only `aws cloudtrail validate-logs
 * --account-id`, which asks Organizations, can tell).
 */
export async function trailOrganizationId(clients: AwsClients, trail: TrailInfo, account = trail.account): Promise<string | undefined> {
  const found = await organizationOfAccount(clients, trail, account);
  if (found || !trail.isOrganizationTrail) return found;
  throw new ExplainedError(
    'OrganizationIdUnknown',
    `Could not tell the organization id of ${trail.arn} from s3://${trail.bucket}/${trail.keyPrefix ? `${trail.keyPrefix}/` : ''}AWSLogs/.`,
    'There is no o-… folder there.',
    'Use "aws cloudtrail validate-logs --account-id" for this trail.',
  );
}

/** The regions that hold digests of the trail for `account` (the `CloudTrail-Digest/<region>/` folders). */
export async function digestRegions(clients: AwsClients, trail: TrailInfo, account: string, organizationId?: string): Promise<string[]> {
  const root = trailLogRoot({
    account,
    ...(trail.keyPrefix ? { keyPrefix: trail.keyPrefix } : {}),
    ...(organizationId ? { organizationId } : {}),
  });
  const page = await listWholeFolder(clients, { bucket: trail.bucket, prefix: `${root}CloudTrail-Digest/` });
  return page.folders.map((folder) => folder.name);
}

export interface TrailValidation {
  trail: TrailInfo;
  digestTrail: DigestTrail;
  start: Date;
  end: Date;
}

/**
 * Validates the trail's digests and logs between the times, as `aws cloudtrail validate-logs` does; `onLine` gets
 * each verdict line in order. With a signal, aborting stops the walk between files with a CancelledError.
 */
export async function validateTrail(
  clients: AwsClients,
  run: TrailValidation,
  onLine: (line: VerdictLine) => void,
  signal?: AbortSignal,
): Promise<ValidationCounts> {
  const trailArn = run.trail.arn;
  let store = s3DigestStore(clients, run.digestTrail.sourceRegion, trailArn);
  let hashLog = (bucket: string, key: string): Promise<LogHashResult> => hashLogObject(clients, bucket, key, trailArn);
  if (signal) ({ store, hashLog } = abortable(store, hashLog, signal));
  return validateTrailLogs(store, hashLog, run.trail.bucket, run.digestTrail, run.start, run.end, onLine);
}
