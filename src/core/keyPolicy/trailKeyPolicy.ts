/**
 * The key-policy check of a trail's KMS key: may CloudTrail encrypt with it (kms:GenerateDataKey with the trail's
 * encryption context and aws:SourceArn), may CloudTrail describe it, and may the caller decrypt the trail's logs —
 * with the caller's IAM policies (IAM policy simulation) where the key policy leaves the answer to them, and the key's
 * state (a disabled key decrypts nothing, whatever the policies say).
 */
import { decryptCheck, withKeyState, type DecryptSubject } from './decrypt';
import { evaluate, parsePolicy, type PolicyCheck, type Principal, type Tri } from './policyEvaluator';

export interface KeyPolicyReport {
  cloudTrailEncrypt: PolicyCheck;
  cloudTrailDescribe: PolicyCheck;
  callerDecrypt: PolicyCheck;
}

export interface KeyPolicySubject extends Omit<DecryptSubject, 'encryptionContext' | 'viaService'> {
  trailArn: string;
  /** Region of the bucket (S3 calls KMS from there: kms:ViaService = s3.<region>.amazonaws.com). */
  bucketRegion?: string;
}

/** The caller's decrypt of the trail's logs through S3 GetObject: the encryption context names the trail and the object. */
export function logDecryptSubject(subject: KeyPolicySubject): DecryptSubject {
  return {
    ...subject,
    // aws:s3:arn names each log object: present, its value depends on the file.
    encryptionContext: { 'aws:cloudtrail:arn': subject.trailArn, 'aws:s3:arn': null },
    ...(subject.bucketRegion ? { viaService: `s3.${subject.bucketRegion}.amazonaws.com` } : { viaService: null }),
  };
}

/** The three questions for a trail key; throws an Error naming the problem when the policy is not a policy. */
export function checkKeyPolicy(policyJson: string, subject: KeyPolicySubject): KeyPolicyReport {
  const statements = parsePolicy(policyJson);
  const trailAccount = subject.trailArn.split(':')[4] ?? '';
  const cloudTrail: Principal = { kind: 'service', service: 'cloudtrail.amazonaws.com' };
  const service = { 'aws:sourcearn': [subject.trailArn], 'aws:sourceaccount': [trailAccount] };
  const encryptContext = {
    'kms:encryptioncontext:aws:cloudtrail:arn': [subject.trailArn],
    'kms:encryptioncontextkeys': ['aws:cloudtrail:arn', 'aws:s3:arn'],
  };
  return {
    cloudTrailEncrypt: withKeyState(
      evaluate(
        'May CloudTrail (cloudtrail.amazonaws.com) call kms:GenerateDataKey for this trail?',
        statements,
        { action: 'kms:GenerateDataKey', principal: cloudTrail, context: { ...service, ...encryptContext } },
        subject.keyArn,
      ),
      subject.keyState,
    ),
    cloudTrailDescribe: evaluate(
      'May CloudTrail call kms:DescribeKey for this trail?',
      statements,
      {
        action: 'kms:DescribeKey',
        principal: cloudTrail,
        context: { ...service, 'kms:encryptioncontext:aws:cloudtrail:arn': undefined, 'kms:encryptioncontextkeys': undefined },
      },
      subject.keyArn,
    ),
    callerDecrypt: decryptCheck(
      statements,
      logDecryptSubject(subject),
      `May ${subject.callerArn} call kms:Decrypt on this trail's logs (through S3 GetObject)?`,
    ),
  };
}

/**
 * When the key policy cannot be read (another account's key, GetKeyPolicy refused): CloudTrail's questions cannot be
 * answered; the caller's decrypt only where the facts that are known decide it (the key's state, an IAM Deny, or — for
 * another account's key, which needs both policies — an IAM policy that does not allow it).
 */
export function checkWithoutPolicy(subject: KeyPolicySubject, why: string): KeyPolicyReport {
  const unknown = (question: string): PolicyCheck => ({
    question,
    answer: 'cannot tell',
    reasons: [`The key policy could not be read: ${why}`],
  });
  const caller = logDecryptSubject(subject);
  const question = `May ${subject.callerArn} call kms:Decrypt on this trail's logs (through S3 GetObject)?`;
  return {
    cloudTrailEncrypt: withKeyState(
      unknown('May CloudTrail (cloudtrail.amazonaws.com) call kms:GenerateDataKey for this trail?'),
      subject.keyState,
    ),
    cloudTrailDescribe: unknown('May CloudTrail call kms:DescribeKey for this trail?'),
    callerDecrypt: decryptCheck(undefined, caller, question, why),
  };
}

/** The report as text lines: answer per question, then the reasons indented. */
export function formatKeyPolicyReport(report: KeyPolicyReport): string {
  const lines: string[] = [];
  for (const check of [report.cloudTrailEncrypt, report.cloudTrailDescribe, report.callerDecrypt]) {
    lines.push(`${check.answer.toUpperCase().padEnd(11)} ${check.question}`);
    for (const reason of check.reasons) lines.push(`            ${reason}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The three answers in upper case, as the report and the editor's summary print them. */
export function keyPolicyAnswers(report: KeyPolicyReport): { encrypt: string; describe: string; decrypt: string } {
  const upper = (check: PolicyCheck): string => check.answer.toUpperCase();
  return { encrypt: upper(report.cloudTrailEncrypt), describe: upper(report.cloudTrailDescribe), decrypt: upper(report.callerDecrypt) };
}

/** True when any of the three answers is a definite no. */
export function keyPolicyRefuses(report: KeyPolicyReport): boolean {
  return [report.cloudTrailEncrypt, report.cloudTrailDescribe, report.callerDecrypt].some((check) => check.answer === ('no' as Tri));
}
