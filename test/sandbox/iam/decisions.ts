/**
 * The access decisions the services enforce, in one place, so the key-access matrix (world/keyAccess.ts) predicts
 * exactly what a request gets: a KMS operation on a key, and an S3 operation on a bucket or object.
 */
import type { KmsKey } from '../kms/keys';
import type { SandboxPrincipal } from '../principals';
import type { Bucket } from '../s3/store';
import { authorize, authorizeIdentity, type AccessDecision } from './authorize';
import { kmsRequest, s3Request, type KmsCallContext } from './context';
import { statementsOf } from './policy';

/** A KMS operation on a key: the key policy together with the caller's IAM policy. */
export function kmsDecision(caller: SandboxPrincipal, operation: string, key: KmsKey, call: KmsCallContext = {}): AccessDecision {
  return authorize({
    caller,
    request: kmsRequest(caller, operation, key.arn, call),
    resourceAccount: key.accountId,
    resourcePolicy: statementsOf(key.policy),
    model: 'kms',
  });
}

/** The KMS call S3 makes for a caller (GetObject → Decrypt, PutObject → GenerateDataKey): kms:ViaService is S3's. */
export function kmsViaS3Decision(
  caller: SandboxPrincipal,
  operation: 'Decrypt' | 'GenerateDataKey',
  key: KmsKey,
  encryptionContext: Record<string, string>,
): AccessDecision {
  return kmsDecision(caller, operation, key, { encryptionContext, viaService: `s3.${key.region}.amazonaws.com` });
}

/**
 * An S3 action (`s3:GetObject`…) on `arn:aws:s3:::bucket[/key]`: the bucket policy together with the caller's IAM
 * policy; a bucket that does not exist: the IAM policy alone. The message quotes the resource, as S3 does.
 */
export function s3Decision(
  caller: SandboxPrincipal,
  action: string,
  resource: string,
  bucket: Bucket | undefined,
  extra: Record<string, string[]> = {},
): AccessDecision {
  const request = s3Request(caller, action, resource, extra);
  if (!bucket) return authorizeIdentity(caller, request, `"${resource}"`);
  return authorize({
    caller,
    request,
    resourceAccount: bucket.accountId,
    resourcePolicy: statementsOf(bucket.policy),
    model: 's3',
    messageResource: `"${resource}"`,
  });
}
