/** The request context (global `aws:` keys and the KMS keys) a caller brings to a policy evaluation. */
import { organizationOf } from '../accounts';
import type { SandboxPrincipal } from '../principals';
import type { RequestContextValues } from './conditions';
import type { AccessRequest } from './policy';

/** `aws:PrincipalArn`, `aws:PrincipalAccount`, `aws:PrincipalOrgID` (members only), `aws:PrincipalType`, `aws:username`. */
export function principalContext(principal: SandboxPrincipal): RequestContextValues {
  const org = organizationOf(principal.accountId);
  return {
    'aws:principalarn': [principal.arn],
    'aws:principalaccount': [principal.accountId],
    'aws:principaltype': ['User'],
    'aws:username': [principal.userName],
    'aws:userid': [principal.userId],
    ...(org ? { 'aws:principalorgid': [org] } : {}),
  };
}

export interface KmsCallContext {
  /** The encryption context of the call (GenerateDataKey, Encrypt, Decrypt). */
  encryptionContext?: Record<string, string>;
  /** `s3.<region>.amazonaws.com` when S3 calls KMS on the caller's behalf. */
  viaService?: string;
}

/** A KMS request by a principal on a key: `kms:CallerAccount`, `kms:ViaService`, `kms:EncryptionContext:<k>`, `kms:EncryptionContextKeys`. */
export function kmsRequest(principal: SandboxPrincipal, operation: string, keyArn: string, call: KmsCallContext = {}): AccessRequest {
  const context: RequestContextValues = { ...principalContext(principal), 'kms:calleraccount': [principal.accountId] };
  if (call.viaService) context['kms:viaservice'] = [call.viaService];
  const ec = call.encryptionContext ?? {};
  const keys = Object.keys(ec);
  if (keys.length > 0) context['kms:encryptioncontextkeys'] = keys;
  for (const k of keys) context[`kms:encryptioncontext:${k.toLowerCase()}`] = [String(ec[k])];
  return {
    action: `kms:${operation}`,
    resource: keyArn,
    principal: { kind: 'aws', arn: principal.arn, accountId: principal.accountId },
    context,
  };
}

/** An S3 request by a principal (bucket or object ARN). */
export function s3Request(principal: SandboxPrincipal, action: string, resource: string, extra: RequestContextValues = {}): AccessRequest {
  return {
    action,
    resource,
    principal: { kind: 'aws', arn: principal.arn, accountId: principal.accountId },
    context: { ...principalContext(principal), ...extra },
  };
}
