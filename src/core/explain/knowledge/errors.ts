/**
 * Error codes an analyst meets in CloudTrail, with why the call failed and what to check next (KMS API reference
 * "Errors", IAM/STS common errors, network activity events). Codes are looked up as logged, then without a
 * `KMS.` / `Client.` prefix (S3 and EC2 report KMS and client errors that way).
 */
import { own } from './types';

export interface ErrorInfo {
  /** `denied`: a policy said no; `failed`: the request could not be served; `dryRun`: a successful permission check. */
  kind: 'denied' | 'failed' | 'dryRun';
  why: string;
  check: string;
}

const POLICIES =
  'the key policy and the caller’s IAM policies for this action on this key (and, through a service, their kms:ViaService and kms:EncryptionContext conditions), grants, and any SCP, permissions boundary or session policy';

function e(kind: ErrorInfo['kind'], why: string, check: string): ErrorInfo {
  return { kind, why, check };
}

const KMS_ACCESS = e('denied', 'no policy allowed the caller this action on the key, or one denied it explicitly', POLICIES);

export const ERROR_CODES: Readonly<Record<string, ErrorInfo>> = {
  AccessDeniedException: KMS_ACCESS,
  InvalidCiphertextException: e(
    'failed',
    'KMS could not decrypt the ciphertext: it was encrypted under another key, with a different encryption context, or it was altered or corrupted',
    'that the encryption context is exactly the one used to encrypt, which key encrypted the data, and that the ciphertext arrived intact',
  ),
  IncorrectKeyException: e(
    'failed',
    'the key named in the request is not the key that encrypted the ciphertext',
    'the keyId in the request against the key that encrypted the data (for symmetric keys it can be left out)',
  ),
  DisabledException: e('failed', 'the KMS key is disabled', 'the key state; EnableKey makes it usable again'),
  KMSInvalidStateException: e(
    'failed',
    'the key (or its custom key store) is not in a state that allows the operation: pending deletion, pending import, disabled, or unavailable',
    'the key state and, for custom key stores, the connection state; CancelKeyDeletion, ImportKeyMaterial or ConnectCustomKeyStore fix the usual cases',
  ),
  NotFoundException: e(
    'failed',
    'the key, alias or grant does not exist in this account and Region',
    'the ID or ARN, the Region (aliases are per Region) and whether the key was deleted',
  ),
  ThrottlingException: e(
    'failed',
    'the request rate exceeded a KMS quota, so the call was not performed',
    'the KMS request quotas; S3 Bucket Keys and data key caching reduce calls',
  ),
  ValidationException: e('failed', 'a parameter was missing or malformed', 'the request parameters'),
  DryRunOperationException: e(
    'dryRun',
    'this was a dry run: KMS checked the permissions, which would have allowed the call, and did nothing',
    'nothing: no data was touched',
  ),
  DryRunOperation: e(
    'dryRun',
    'this was a dry run: the permissions would have allowed the call, and nothing was done',
    'nothing: no data was touched',
  ),
  InvalidKeyUsageException: e(
    'failed',
    'the key’s usage or spec does not fit this operation (for example a signing key asked to decrypt)',
    'keyUsage and keySpec of the key',
  ),
  InvalidGrantTokenException: e('failed', 'a grant token in the request is not valid', 'the grantTokens of the request'),
  InvalidGrantIdException: e('failed', 'the grant ID is not valid for this key', 'the grantId and keyId'),
  InvalidArnException: e('failed', 'an ARN in the request is not valid', 'the ARNs of the request'),
  InvalidAliasNameException: e(
    'failed',
    'the alias name is not valid (it must start with alias/ and not with alias/aws/)',
    'the aliasName',
  ),
  InvalidMarkerException: e('failed', 'the pagination marker is not valid', 'the marker of the request'),
  AlreadyExistsException: e('failed', 'a resource with that name already exists', 'the alias or key store name'),
  LimitExceededException: e('failed', 'an account quota (keys, aliases, grants per key…) would be exceeded', 'the KMS resource quotas'),
  MalformedPolicyDocumentException: e('failed', 'the key policy is not valid', 'the policy document (and the lockout safety check)'),
  TagException: e('failed', 'a tag is not valid', 'the tags of the request'),
  UnsupportedOperationException: e('failed', 'the operation is not supported for this key or Region', 'the key type and the Region'),
  KeyUnavailableException: e(
    'failed',
    'the key was temporarily unavailable inside KMS (a server-side error, retryable)',
    'retries; nothing to fix on your side',
  ),
  KMSInternalException: e('failed', 'an internal KMS error (retryable)', 'retries; nothing to fix on your side'),
  DependencyTimeoutException: e('failed', 'a system KMS depends on timed out (retryable)', 'retries'),
  KMSInvalidSignatureException: e('failed', 'the signature did not verify with this key', 'the message, the signing algorithm and the key'),
  KMSInvalidMacException: e('failed', 'the HMAC did not verify with this key', 'the message, the MAC algorithm and the key'),
  ExpiredImportTokenException: e('failed', 'the import token expired (they last 24 hours)', 'GetParametersForImport for a new token'),
  IncorrectKeyMaterialException: e(
    'failed',
    'the imported key material is not the material the key had before',
    'the key material being imported',
  ),
  InvalidImportTokenException: e('failed', 'the import token does not belong to this key', 'the import token and keyId'),
  CustomKeyStoreInvalidStateException: e(
    'failed',
    'the custom key store is not in a state that allows the operation',
    'the connection state of the custom key store',
  ),
  CustomKeyStoreNotFoundException: e('failed', 'the custom key store does not exist', 'the custom key store ID and Region'),
  ConflictException: e('failed', 'the request conflicts with another one in progress', 'retries after the other change completes'),
  AccessDenied: e(
    'denied',
    'no policy allowed the caller this action on the resource, or one denied it explicitly',
    'the caller’s IAM policies, the resource’s policy, SCPs, permissions boundaries and session policies; the message names which kind of policy',
  ),
  UnauthorizedOperation: e('denied', 'the caller is not allowed this action', 'the caller’s IAM policies and SCPs'),
  UnauthorizedAccess: e('denied', 'the caller is not allowed this action', 'the caller’s IAM policies and SCPs'),
  VpceAccessDenied: e(
    'denied',
    'the VPC endpoint policy of the endpoint the request went through did not allow it; this is the endpoint policy, not the key policy or the caller’s IAM policies',
    'the policy of that VPC endpoint (its owner is vpcEndpointAccountId)',
  ),
  ExpiredToken: e('failed', 'the temporary credentials had expired', 'the session expiration; get new credentials'),
  ExpiredTokenException: e('failed', 'the temporary credentials or the identity token had expired', 'the session or token expiration'),
  InvalidClientTokenId: e(
    'failed',
    'the access key ID is not known (deleted, or from another partition)',
    'the access key in userIdentity.accessKeyId',
  ),
  SignatureDoesNotMatch: e(
    'failed',
    'the request signature did not match (wrong secret key or clock skew)',
    'the secret key and the client clock',
  ),
  RegionDisabledException: e(
    'failed',
    'STS is not activated in this Region for the account',
    'the Regions activated in the account settings',
  ),
  IDPRejectedClaim: e('denied', 'the identity provider rejected the claim', 'the identity provider configuration'),
  InvalidIdentityToken: e('failed', 'the web identity token is not valid', 'the OIDC provider and the token'),
  MalformedPolicyDocument: e('failed', 'a session policy is not valid', 'the policy passed with the request'),
  PackedPolicyTooLarge: e('failed', 'the session policies and tags are too large', 'the size of session policies and tags'),
  NoSuchEntity: e('failed', 'the IAM entity does not exist', 'the user, role or policy name'),
  NoSuchEntityException: e('failed', 'the IAM entity does not exist', 'the user, role or policy name'),
  NoSuchBucket: e('failed', 'the bucket does not exist', 'the bucket name'),
  NoSuchKey: e('failed', 'the object does not exist', 'the object key'),
};

/** What this error code means (`kms`: the event is a KMS call); a reason built from the code when the table does not know it. */
export function errorInfo(code: string, kms: boolean): ErrorInfo & { known: boolean } {
  for (const candidate of [code, stripPrefix(code, 'KMS.'), stripPrefix(code, 'Client.')]) {
    const info = candidate === undefined ? undefined : own(ERROR_CODES, candidate);
    if (info) return { ...(info === KMS_ACCESS && !kms ? ERROR_CODES.AccessDenied : info), known: true };
  }
  const lower = code.toLowerCase();
  const denied = ['denied', 'unauthorized', 'forbidden'].some((word) => lower.includes(word));
  return {
    kind: denied ? 'denied' : 'failed',
    why: denied ? 'the service refused the caller' : 'the service reported an error',
    check: 'the error message and the service’s API reference for this code',
    known: false,
  };
}

function stripPrefix(code: string, prefix: string): string | undefined {
  return code.startsWith(prefix) ? code.slice(prefix.length) : undefined;
}
