/**
 * The S3/CloudTrail side of log-file integrity validation: digest listing (ListObjectsV2 from a StartAfter marker),
 * digests with their signature metadata, ListPublicKeys, and the SHA-256 of each log's decompressed bytes, streamed.
 */
import type { Readable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { ListPublicKeysCommand } from '@aws-sdk/client-cloudtrail';
import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import type { DigestStore } from '../core/integrity/digestChain';
import { DigestInvalid, type SignedDigest } from '../core/integrity/digestFile';
import { hashFirstGzipMember } from '../core/integrity/digestGzip';
import type { LogHashResult } from '../core/integrity/digestReport';
import { explainAwsError, type AwsErrorContext, type ExplainedError } from '../core/errors';
import { s3RegionFor } from './buckets';
import type { AwsClients } from './clients';

function isNoSuchKey(error: unknown): boolean {
  const e = error as { name?: string; Code?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'NoSuchKey' || e.Code === 'NoSuchKey';
}

async function readAll(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

/**
 * A denied GetObject, explained: HeadObject tells whether the object is SSE-KMS (then KMS refused, and the key and
 * encryption context are named) and who the caller is.
 */
async function explainGetObject(
  clients: AwsClients,
  s3: S3Client,
  bucket: string,
  key: string,
  error: unknown,
  trailArn?: string,
): Promise<ExplainedError> {
  const context: AwsErrorContext = {
    operation: 'GetObject',
    bucket,
    key,
    profile: clients.profileName(),
    ...(trailArn ? { trailArn } : {}),
  };
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  if (e.$metadata?.httpStatusCode === 403 || /AccessDenied/.test(e.name ?? '')) {
    try {
      const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
      if (head.ServerSideEncryption?.startsWith('aws:kms') && head.SSEKMSKeyId) {
        context.keyArn = head.SSEKMSKeyId;
        context.bucketKeyEnabled = head.BucketKeyEnabled;
      }
    } catch {
      // HeadObject denied too: S3 itself refuses, the plain explanation applies.
    }
    context.callerArn = await clients.callerIdentity().then(
      (identity) => identity.arn,
      () => undefined,
    );
  }
  return explainAwsError(error as Error, context);
}

/** A DigestStore over real S3 and CloudTrail; public keys come from CloudTrail in `keyRegion` (the digests' region). */
export function s3DigestStore(clients: AwsClients, keyRegion: string, trailArn?: string): DigestStore {
  // The bucket's own region (GetBucketLocation, cached), as the aws CLI's S3ClientProvider does; not the digests' region.
  const s3For = async (bucket: string) => clients.s3(await s3RegionFor(clients, bucket));
  return {
    async *listKeys(bucket, prefix, marker) {
      const s3 = await s3For(bucket);
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
      let raw: Buffer;
      const s3 = await s3For(bucket);
      try {
        answer = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        raw = await readAll(answer.Body as Readable);
      } catch (error) {
        if (isNoSuchKey(error)) return 'missing';
        throw await explainGetObject(clients, s3, bucket, key, error, trailArn);
      }
      let inflated: Buffer;
      try {
        inflated = gunzipSync(raw);
      } catch {
        throw new DigestInvalid('invalid format');
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
  const s3 = clients.s3(await s3RegionFor(clients, bucket));
  try {
    body = (await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }))).Body as Readable;
  } catch (error) {
    if (isNoSuchKey(error)) return { status: 'missing' };
    return { status: 'error', message: (await explainGetObject(clients, s3, bucket, key, error, trailArn)).message };
  }
  // Not gzip, truncated, a broken connection mid-body: "invalid format", as the aws CLI says.
  return hashFirstGzipMember(body);
}
