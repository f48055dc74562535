import type { KmsCallContext } from '../iam/context';
import type { RequestContext, SandboxState } from '../state';
import type { KmsKey } from './keys';

export type Json = Record<string, unknown>;

export interface KmsTools {
  /** The key a request names (id, ARN, alias, alias ARN), in the caller's region and, unless allowed, account. */
  resolve(ref: unknown): KmsKey;
  /** Throws AccessDeniedException unless the key policy and the caller's IAM policy allow this operation on the key. */
  authorize(key: KmsKey, call?: KmsCallContext): void;
  /** For account-level operations (CreateKey, ListKeys, ListAliases): the caller's IAM policy decides. */
  authorizeAccount(): void;
}

export type Handler = (state: SandboxState, input: Json, ctx: RequestContext, tools: KmsTools) => Json;

export function encryptionContextOf(input: Json): Record<string, string> | undefined {
  const value = input.EncryptionContext;
  return value && typeof value === 'object' ? (value as Record<string, string>) : undefined;
}

export function page<T>(items: T[], input: Json, field: string): Json {
  const limit = input.Limit === undefined ? 100 : Number(input.Limit);
  const start = input.Marker ? Number(Buffer.from(String(input.Marker), 'base64').toString()) : 0;
  const slice = items.slice(start, start + limit);
  const truncated = start + limit < items.length;
  return {
    [field]: slice,
    Truncated: truncated,
    ...(truncated ? { NextMarker: Buffer.from(String(start + limit)).toString('base64') } : {}),
  };
}

export function keyMetadata(key: KmsKey): Json {
  const symmetric = key.keySpec === 'SYMMETRIC_DEFAULT';
  return {
    AWSAccountId: key.accountId,
    KeyId: key.keyId,
    Arn: key.arn,
    CreationDate: key.creationDate.getTime() / 1000,
    Enabled: key.state === 'Enabled',
    Description: key.description,
    KeyUsage: key.keyUsage,
    KeyState: key.state,
    ...(key.deletionDate ? { DeletionDate: key.deletionDate.getTime() / 1000, PendingDeletionWindowInDays: key.pendingWindowInDays } : {}),
    Origin: 'AWS_KMS',
    KeyManager: key.keyManager,
    CustomerMasterKeySpec: key.keySpec,
    KeySpec: key.keySpec,
    ...(key.keyUsage === 'ENCRYPT_DECRYPT'
      ? { EncryptionAlgorithms: symmetric ? ['SYMMETRIC_DEFAULT'] : ['RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256'] }
      : {
          SigningAlgorithms: [
            'RSASSA_PSS_SHA_256',
            'RSASSA_PSS_SHA_384',
            'RSASSA_PSS_SHA_512',
            'RSASSA_PKCS1_V1_5_SHA_256',
            'RSASSA_PKCS1_V1_5_SHA_384',
            'RSASSA_PKCS1_V1_5_SHA_512',
          ],
        }),
    MultiRegion: false,
    ...(symmetric ? { CurrentKeyMaterialId: key.keyMaterialId } : {}),
  };
}
