/**
 * One access decision from a resource policy (key policy, bucket policy) and the caller's identity policy, in
 * IAM's order (explicit deny, then allows), with the message AWS gives when it refuses (domain facts §4):
 * - KMS: the key policy must allow, either the caller itself (then, in the key's account, nothing else is
 *   needed) or the caller's account (delegation: the caller's IAM policy must allow too);
 * - S3 and others: in the resource's account an allow in either policy is enough; across accounts both must allow.
 */
import { identityStatements, type SandboxPrincipal } from '../principals';
import { evaluate, type AccessRequest, type PolicyStatement, type StatementHit } from './policy';

export type DeniedBy = 'resource policy' | 'identity policy';

export type AccessDecision =
  | { allowed: true; by: StatementHit[] }
  | {
      allowed: false;
      deniedBy: DeniedBy;
      explicit: boolean;
      /** The statement that denied explicitly, if one did. */
      statement?: StatementHit;
      /** AWS's wording, e.g. `User: … is not authorized to perform: kms:Decrypt on resource: … because no identity-based policy allows the kms:Decrypt action`. */
      message: string;
    };

export interface AuthorizeInput {
  caller: SandboxPrincipal;
  request: AccessRequest;
  /** Account that owns the resource. */
  resourceAccount: string;
  /** Statements of the resource's policy (none when it has none). */
  resourcePolicy: PolicyStatement[];
  /** `kms`: the key policy is required (see above); `s3`: the usual same-account / cross-account rules. */
  model: 'kms' | 's3';
  /** How the resource appears in the message (S3 quotes it). */
  messageResource?: string;
}

export function authorize(input: AuthorizeInput): AccessDecision {
  const { caller, request, model } = input;
  const resource = evaluate(input.resourcePolicy, request, true);
  const identity = evaluate(identityStatements(caller), request, false);
  const refuse = (deniedBy: DeniedBy, explicit: boolean, statement?: StatementHit): AccessDecision => ({
    allowed: false,
    deniedBy,
    explicit,
    statement,
    message: notAuthorized(caller.arn, request.action, input.messageResource ?? request.resource, deniedBy, explicit),
  });
  if (resource.deny) return refuse('resource policy', true, resource.deny);
  if (identity.deny) return refuse('identity policy', true, identity.deny);
  const sameAccount = caller.accountId === input.resourceAccount;
  const iamAllows = identity.allowDirect;
  if (model === 'kms') {
    if (resource.allowDirect && sameAccount) return { allowed: true, by: [resource.allowDirect] };
    const keyGrant = resource.allowDirect ?? resource.allowAccount;
    if (!keyGrant) return refuse('resource policy', false);
    return iamAllows ? { allowed: true, by: [keyGrant, iamAllows] } : refuse('identity policy', false);
  }
  const bucketGrant = resource.allowDirect ?? resource.allowAccount;
  if (sameAccount) {
    if (iamAllows) return { allowed: true, by: [iamAllows] };
    if (resource.allowDirect) return { allowed: true, by: [resource.allowDirect] };
    return refuse('identity policy', false);
  }
  if (!bucketGrant) return refuse('resource policy', false);
  return iamAllows ? { allowed: true, by: [bucketGrant, iamAllows] } : refuse('identity policy', false);
}

/** The IAM wording AWS uses for a refusal. */
export function notAuthorized(arn: string, action: string, resource: string, deniedBy: DeniedBy, explicit: boolean): string {
  const kind = deniedBy === 'resource policy' ? 'resource-based' : 'identity-based';
  const why = explicit
    ? `with an explicit deny in ${deniedBy === 'resource policy' ? 'a' : 'an'} ${kind} policy`
    : `because no ${kind} policy allows the ${action} action`;
  return `User: ${arn} is not authorized to perform: ${action} on resource: ${resource} ${why}`;
}

/** An identity-only decision (services without resource policies: CloudTrail, Organizations, STS, KMS account-level calls). */
export function authorizeIdentity(caller: SandboxPrincipal, request: AccessRequest, messageResource?: string): AccessDecision {
  const identity = evaluate(identityStatements(caller), request, false);
  const resource = messageResource ?? request.resource;
  if (identity.deny)
    return {
      allowed: false,
      deniedBy: 'identity policy',
      explicit: true,
      statement: identity.deny,
      message: notAuthorized(caller.arn, request.action, resource, 'identity policy', true),
    };
  if (identity.allowDirect) return { allowed: true, by: [identity.allowDirect] };
  return {
    allowed: false,
    deniedBy: 'identity policy',
    explicit: false,
    message: notAuthorized(caller.arn, request.action, resource, 'identity policy', false),
  };
}
