/**
 * The key-policy check of a trail's KMS key: may CloudTrail encrypt with it (kms:GenerateDataKey with the trail's
 * encryption context and aws:SourceArn), may CloudTrail describe it, and may the caller decrypt the trail's logs.
 */
import { evaluate, parsePolicy, type PolicyCheck, type Principal } from './policyEvaluator';

export interface KeyPolicyReport {
  cloudTrailEncrypt: PolicyCheck;
  cloudTrailDescribe: PolicyCheck;
  callerDecrypt: PolicyCheck;
}

export interface KeyPolicySubject {
  trailArn: string;
  keyArn: string;
  /** Caller ARN from GetCallerIdentity (IAM user, assumed role, root). */
  callerArn: string;
  callerAccount: string;
  /** Region of the bucket (S3 calls KMS from there: kms:ViaService = s3.<region>.amazonaws.com). */
  bucketRegion?: string;
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
  const callerIsRole = /:assumed-role\//.test(subject.callerArn);
  const report: KeyPolicyReport = {
    cloudTrailEncrypt: evaluate(
      'May CloudTrail (cloudtrail.amazonaws.com) call kms:GenerateDataKey for this trail?',
      statements,
      { action: 'kms:GenerateDataKey', principal: cloudTrail, context: { ...service, ...encryptContext } },
      subject.keyArn,
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
    callerDecrypt: evaluate(
      `May ${subject.callerArn} call kms:Decrypt on this trail's logs (through S3 GetObject)?`,
      statements,
      {
        action: 'kms:Decrypt',
        principal: { kind: 'aws', arn: subject.callerArn, account: subject.callerAccount },
        context: {
          ...encryptContext,
          'kms:calleraccount': [subject.callerAccount],
          'aws:principalaccount': [subject.callerAccount],
          ...(callerIsRole ? {} : { 'aws:principalarn': [subject.callerArn] }),
          ...(subject.bucketRegion ? { 'kms:viaservice': [`s3.${subject.bucketRegion}.amazonaws.com`] } : {}),
          'aws:sourcearn': undefined,
        },
      },
      subject.keyArn,
    ),
  };
  const keyAccount = subject.keyArn.split(':')[4];
  if (keyAccount && keyAccount !== subject.callerAccount && report.callerDecrypt.answer === 'yes') {
    report.callerDecrypt = {
      ...report.callerDecrypt,
      answer: 'cannot tell',
      reasons: [
        ...report.callerDecrypt.reasons,
        `The key is in account ${keyAccount} and you are in ${subject.callerAccount}: your own IAM policies must allow kms:Decrypt on it too, and they are not read here.`,
      ],
    };
  }
  return report;
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
  return [report.cloudTrailEncrypt, report.cloudTrailDescribe, report.callerDecrypt].some((check) => check.answer === 'no');
}
