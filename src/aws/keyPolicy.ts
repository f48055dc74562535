/**
 * The key-policy check of a trail's KMS key: GetKeyPolicy, who the caller is, the bucket's region and the key's state,
 * then the pure check of src/core/keyPolicy — and where the key policy leaves the caller's decrypt to IAM (or the key
 * is in another account), the caller's IAM policies through IAM policy simulation, and its organization where the
 * policy names one. One workflow for the CLI's `key-policy` and the editor's Check Key Policy.
 */
import { GetKeyPolicyCommand } from '@aws-sdk/client-kms';
import { parseArn } from '../core/arn';
import { explainAwsError, ExplainedError } from '../core/errors';
import {
  checkKeyPolicy,
  checkWithoutPolicy,
  decryptCheck,
  logDecryptSubject,
  parsePolicy,
  PolicyFormatError,
  type DecryptSubject,
  type KeyPolicyReport,
  type KeyPolicySubject,
  type PolicyCheck,
} from '../core/keyPolicy';
import type { TrailInfo } from '../core/model';
import { bucketRegion } from './buckets';
import type { AwsClients } from './clients';
import { principalOrganization, simulateDecrypt } from './identityPolicy';
import { describeKeyState } from './keys';

/** The key's `default` policy document; the key's region comes from its ARN. */
export async function getKeyPolicy(clients: AwsClients, keyArn: string): Promise<string> {
  const region = parseArn(keyArn)?.region || (await clients.defaultRegion());
  try {
    const answer = await clients.kms(region).send(new GetKeyPolicyCommand({ KeyId: keyArn, PolicyName: 'default' }));
    return answer.Policy ?? '';
  } catch (error) {
    throw explainAwsError(error as Error, { operation: 'GetKeyPolicy', keyArn, region, profile: clients.profileName() });
  }
}

export interface TrailKeyPolicyCheck {
  trailArn: string;
  keyArn: string;
  callerArn: string;
  report: KeyPolicyReport;
}

/** What the check knows about the key and the caller before it evaluates anything. */
interface KeyFacts {
  policy?: string;
  /** Why the policy could not be read (another account's key, GetKeyPolicy refused). */
  policyError?: string;
  caller: { arn: string; account: string };
  keyState: string | null;
  principalOrgId?: string;
}

/** Credentials and network failures stop the check; a refused or impossible GetKeyPolicy is a fact to report. */
function isAnswerable(error: unknown): boolean {
  return error instanceof ExplainedError && ['AccessDenied', 'KeyNotFound'].includes(error.code);
}

async function keyFacts(clients: AwsClients, keyArn: string): Promise<KeyFacts> {
  const [policy, caller, keyState] = await Promise.all([
    getKeyPolicy(clients, keyArn).then(
      (text): { text?: string; error?: string } => ({ text }),
      (error: unknown): { text?: string; error?: string } => {
        if (!isAnswerable(error)) throw error;
        return { error: (error as ExplainedError).what };
      },
    ),
    clients.callerIdentity(),
    describeKeyState(clients, keyArn),
  ]);
  const keyAccount = parseArn(keyArn)?.account;
  if (policy.error !== undefined && keyAccount && keyAccount !== caller.account)
    policy.error = `only account ${keyAccount}, which owns the key, may read its policy (GetKeyPolicy)`;
  // aws:PrincipalOrgID only matters when the policy names it (or cannot be read, for the record): ask only then.
  const needsOrg = policy.text !== undefined && /aws:PrincipalOrg/i.test(policy.text);
  const principalOrgId = needsOrg ? await principalOrganization(clients, caller.arn) : undefined;
  return {
    ...(policy.text !== undefined ? { policy: policy.text } : { policyError: policy.error ?? 'GetKeyPolicy failed' }),
    caller,
    keyState: keyState ?? null,
    ...(principalOrgId ? { principalOrgId } : {}),
  };
}

/** Asks IAM what the caller's policies say about this decrypt (only when the key policy leaves it to them). */
async function withIdentity(
  clients: AwsClients,
  subject: DecryptSubject,
  check: PolicyCheck,
  again: (subject: DecryptSubject) => PolicyCheck,
): Promise<PolicyCheck> {
  if (!check.identityDecides) return check;
  const known: Record<string, string> = {};
  for (const [name, value] of Object.entries(subject.encryptionContext)) if (value !== null) known[name] = value;
  const identity = await simulateDecrypt(clients, {
    callerArn: subject.callerArn,
    callerAccount: subject.callerAccount,
    keyArn: subject.keyArn,
    encryptionContext: known,
    ...(subject.viaService ? { viaService: subject.viaService } : {}),
  });
  return again({ ...subject, identity });
}

function parsed(facts: KeyFacts, keyArn: string) {
  if (facts.policy === undefined) return undefined;
  try {
    return parsePolicy(facts.policy);
  } catch (error) {
    if (error instanceof PolicyFormatError)
      throw new ExplainedError('BadKeyPolicy', `The policy of ${keyArn} could not be read: ${error.message}.`, undefined, undefined, error);
    throw error;
  }
}

/**
 * May CloudTrail encrypt with and describe the trail's key, and may the caller decrypt its logs? Throws an
 * ExplainedError when the trail has no KMS key (`NoKmsKey`) or its policy is not a policy; a key policy the caller may
 * not read makes the answers it decides "cannot tell", with the reason.
 */
export async function checkTrailKeyPolicy(
  clients: AwsClients,
  trail: Pick<TrailInfo, 'arn' | 'bucket' | 'kmsKeyArn'>,
): Promise<TrailKeyPolicyCheck> {
  const keyArn = trail.kmsKeyArn;
  if (!keyArn) {
    throw new ExplainedError(
      'NoKmsKey',
      `Trail ${trail.arn} does not use a KMS key.`,
      'Its logs are encrypted with SSE-S3 (S3-managed keys), so there is no KMS key policy to check.',
    );
  }
  const [facts, region] = await Promise.all([keyFacts(clients, keyArn), bucketRegion(clients, trail.bucket).catch(() => undefined)]);
  const subject: KeyPolicySubject = {
    trailArn: trail.arn,
    keyArn,
    callerArn: facts.caller.arn,
    callerAccount: facts.caller.account,
    keyState: facts.keyState,
    ...(region ? { bucketRegion: region } : {}),
    ...(facts.principalOrgId ? { principalOrgId: facts.principalOrgId } : {}),
  };
  const statements = parsed(facts, keyArn);
  const report = statements ? checkKeyPolicy(facts.policy as string, subject) : checkWithoutPolicy(subject, facts.policyError ?? 'unknown');
  const question = report.callerDecrypt.question;
  report.callerDecrypt = await withIdentity(clients, logDecryptSubject(subject), report.callerDecrypt, (s) =>
    decryptCheck(statements, s, question, facts.policyError),
  );
  return { trailArn: trail.arn, keyArn, callerArn: facts.caller.arn, report };
}

/**
 * May the caller decrypt, with this key, a ciphertext under this encryption context — directly (KMS Decrypt), or
 * through S3 in `viaS3Region`? The same evaluation as Check Key Policy's third question, for any key.
 */
export async function checkKeyDecrypt(
  clients: AwsClients,
  request: { keyArn: string; encryptionContext: Record<string, string>; viaS3Region?: string },
): Promise<PolicyCheck> {
  const facts = await keyFacts(clients, request.keyArn);
  const subject: DecryptSubject = {
    keyArn: request.keyArn,
    callerArn: facts.caller.arn,
    callerAccount: facts.caller.account,
    encryptionContext: request.encryptionContext,
    ...(request.viaS3Region ? { viaService: `s3.${request.viaS3Region}.amazonaws.com` } : {}),
    keyState: facts.keyState,
    ...(facts.principalOrgId ? { principalOrgId: facts.principalOrgId } : {}),
  };
  const statements = parsed(facts, request.keyArn);
  const question = `May ${facts.caller.arn} call kms:Decrypt with ${request.keyArn}${request.viaS3Region ? ' through S3' : ''}?`;
  const check = decryptCheck(statements, subject, question, facts.policyError);
  return withIdentity(clients, subject, check, (s) => decryptCheck(statements, s, question, facts.policyError));
}
