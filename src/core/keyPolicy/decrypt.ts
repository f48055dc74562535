/**
 * May a principal decrypt with a key — directly (KMS Decrypt) or through a service that calls KMS for it (S3
 * GetObject of an SSE-KMS object: kms:ViaService) — as KMS decides it: the key policy, the principal's IAM policies
 * where the key policy leaves the answer to them (or the key is in another account), and the key's state.
 */
import { evaluate, type IdentityVerdict, type PolicyCheck, type Request, type Statement } from './policyEvaluator';

export interface DecryptSubject {
  keyArn: string;
  /** Caller ARN from GetCallerIdentity (IAM user, assumed role, root). */
  callerArn: string;
  callerAccount: string;
  /** The decrypt's encryption context; a null value: the key is there, its value is not known here. No other keys. */
  encryptionContext: Record<string, string | null>;
  /** kms:ViaService: the service calling KMS (`s3.<region>.amazonaws.com`); null: a service whose region is not known; absent: a direct call. */
  viaService?: string | null;
  /** aws:PrincipalOrgID: the caller's organization, `none` when it is in none; absent when not known. */
  principalOrgId?: string;
  /** What IAM policy simulation says of the caller's kms:Decrypt on the key, when it was asked. */
  identity?: IdentityVerdict;
  /** The key's state (DescribeKey); null when it could not be described; absent when not asked. */
  keyState?: string | null;
}

/** A key that is not Enabled refuses every cryptographic operation: a "yes" of the policies becomes a "no". */
export function withKeyState(check: PolicyCheck, keyState: string | null | undefined): PolicyCheck {
  if (keyState === undefined || check.answer === 'no') return check;
  if (keyState === null) {
    if (check.answer !== 'yes') return check;
    return {
      ...check,
      answer: 'cannot tell',
      reasons: [...check.reasons, 'The key could not be described (DescribeKey), so whether it is enabled is not known.'],
    };
  }
  if (keyState === 'Enabled') return check;
  const state = keyState === 'PendingDeletion' ? 'pending deletion' : keyState === 'Disabled' ? 'disabled' : `in state ${keyState}`;
  return {
    ...check,
    answer: 'no',
    reasons: [`The key is ${state}: KMS refuses every encrypt and decrypt with it, whatever the policies allow.`, ...check.reasons],
  };
}

function crossAccount(subject: DecryptSubject): { keyAccount: string; callerAccount: string } | undefined {
  const keyAccount = subject.keyArn.split(':')[4];
  return keyAccount && keyAccount !== subject.callerAccount ? { keyAccount, callerAccount: subject.callerAccount } : undefined;
}

/** The request KMS evaluates: the caller, its account and organization, the service, the encryption context. */
export function decryptRequest(subject: DecryptSubject): Request {
  const isRole = subject.callerArn.includes(':assumed-role/');
  const context: Request['context'] = {
    'kms:calleraccount': [subject.callerAccount],
    'aws:principalaccount': [subject.callerAccount],
    // An assumed-role session's aws:PrincipalArn is its role's ARN, whose path the session ARN does not show.
    'aws:principalarn': isRole ? null : [subject.callerArn],
    'aws:sourcearn': undefined,
    'kms:viaservice': subject.viaService === undefined ? undefined : subject.viaService === null ? null : [subject.viaService],
  };
  const keys = Object.keys(subject.encryptionContext);
  context['kms:encryptioncontextkeys'] = keys.length > 0 ? keys : undefined;
  for (const key of keys) {
    const value = subject.encryptionContext[key];
    context[`kms:encryptioncontext:${key.toLowerCase()}`] = value === null ? null : [value];
  }
  if (subject.principalOrgId !== undefined)
    context['aws:principalorgid'] = subject.principalOrgId === 'none' ? undefined : [subject.principalOrgId];
  return {
    action: 'kms:Decrypt',
    principal: { kind: 'aws', arn: subject.callerArn, account: subject.callerAccount },
    context,
    absentPrefixes: ['kms:encryptioncontext:'],
  };
}

/**
 * The verdict for the caller's decrypt. `statements` undefined: the key policy could not be read (`whyNoPolicy`), and
 * only the known facts decide (an IAM Deny; for another account's key, an IAM policy that does not allow; the state).
 */
export function decryptCheck(
  statements: Statement[] | undefined,
  subject: DecryptSubject,
  question: string,
  whyNoPolicy?: string,
): PolicyCheck {
  const cross = crossAccount(subject);
  if (statements) {
    const check = evaluate(question, statements, decryptRequest(subject), subject.keyArn, {
      ...(subject.identity ? { identity: subject.identity } : {}),
      ...(cross ? { crossAccount: cross } : {}),
    });
    return withKeyState(check, subject.keyState);
  }
  const identity = subject.identity;
  const noPolicy = `The key policy could not be read${whyNoPolicy ? `: ${whyNoPolicy}` : ''}.`;
  const decided = identity && 'decision' in identity ? identity : undefined;
  const words = decided ? `IAM policy simulation: ${decided.decision}${decided.detail ? `, ${decided.detail}` : ''}` : '';
  let check: PolicyCheck;
  if (decided?.decision === 'explicitDeny')
    check = { question, answer: 'no', reasons: [`Your IAM policies deny kms:Decrypt on this key (${words}).`, noPolicy] };
  else if (decided?.decision === 'implicitDeny' && cross)
    check = {
      question,
      answer: 'no',
      reasons: [
        `The key is in account ${cross.keyAccount}: your own IAM policies (account ${cross.callerAccount}) must allow kms:Decrypt on it too, and they do not (${words}).`,
        noPolicy,
      ],
    };
  else {
    const iam = decided
      ? ` Your IAM policies ${decided.decision === 'allowed' ? 'allow' : 'do not allow'} it (${words}), but the key policy decides too.`
      : identity && 'unknown' in identity
        ? ` Your IAM policies could not be checked either: ${identity.unknown}.`
        : '';
    check = { question, answer: 'cannot tell', reasons: [`${noPolicy}${iam}`], identityDecides: true };
  }
  return withKeyState(check, subject.keyState);
}
