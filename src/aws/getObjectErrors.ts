/**
 * A failed GetObject, explained. For a denial, HeadObject tells whether the object is SSE-KMS (then KMS refused to
 * decrypt, not S3 to read, and the key and encryption context are named) and GetCallerIdentity says who was refused.
 * Used by every reader of log objects and digests (fetchLog, integrity).
 */
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { explainAwsError, type AwsErrorContext, type ExplainedError } from '../core/errors';
import type { AwsClients } from './clients';
import { keyAlias } from './keys';

/** What an explanation of a GetObject failure names: the object, its region, the profile, and the trail when known. */
export function getObjectContext(
  clients: AwsClients,
  region: string,
  where: { bucket: string; key: string; trailArn?: string },
): AwsErrorContext {
  return {
    operation: 'GetObject',
    bucket: where.bucket,
    key: where.key,
    region,
    profile: clients.profileName(),
    ...(where.trailArn ? { trailArn: where.trailArn } : {}),
  };
}

export async function explainGetObjectFailure(
  clients: AwsClients,
  region: string,
  where: { bucket: string; key: string; trailArn?: string },
  error: unknown,
): Promise<ExplainedError> {
  const context = getObjectContext(clients, region, where);
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  const code = (error as { name?: string }).name ?? '';
  if (status === 403 || /AccessDenied/.test(code)) {
    try {
      const head = await clients.s3(region).send(new HeadObjectCommand({ Bucket: where.bucket, Key: where.key }));
      if (head.ServerSideEncryption?.startsWith('aws:kms') && head.SSEKMSKeyId) {
        context.keyArn = head.SSEKMSKeyId;
        context.bucketKeyEnabled = head.BucketKeyEnabled;
        // The name people know the key by, where the caller may list it (a refused decrypt often still may).
        context.keyAlias = await keyAlias(clients, head.SSEKMSKeyId);
      }
    } catch {
      // HeadObject denied as well: S3 itself refuses; the plain explanation applies.
    }
    context.callerArn = await clients.callerIdentity().then(
      (identity) => identity.arn,
      () => undefined,
    );
  }
  return explainAwsError(error as Error, context);
}

/** S3's NoSuchKey, however the SDK names it. */
export function isNoSuchKey(error: unknown): boolean {
  const e = error as { name?: string; Code?: string };
  return e.name === 'NoSuchKey' || e.Code === 'NoSuchKey';
}
