/** The flags on a trail's KMS key, in words the user can act on (what CloudTrail requires of it: docs/architecture.md). */
import type { KeyFlag } from './model';

export interface KeyFacts {
  keyArn: string;
  keyRegion: string;
  keyAccount: string;
  keySpec?: string;
  keyState?: string;
  deletionDate?: string;
  rotationEnabled?: boolean;
  /** Region of the trail's bucket, when known. */
  bucketRegion?: string;
  /** The account that owns the trail (or the caller's account for the `keys` listing). */
  trailAccount?: string;
  /** The caller's own account, when known: a key in another account is read across accounts. */
  callerAccount?: string;
  notFound?: boolean;
  describeDenied?: boolean;
}

export function keyFlags(facts: KeyFacts): KeyFlag[] {
  const flags: KeyFlag[] = [];
  if (facts.notFound) {
    flags.push({
      code: 'notFound',
      severity: 'error',
      message: `KMS key ${facts.keyArn} does not exist (deleted, or not in ${facts.keyRegion}): CloudTrail cannot deliver logs and old logs cannot be decrypted.`,
    });
  }
  const elsewhere = !!facts.callerAccount && !!facts.keyAccount && facts.callerAccount !== facts.keyAccount;
  if (facts.describeDenied && elsewhere) {
    // The usual log-archive case: the key lives in the management (or security) account. Not broken, just not visible.
    flags.push({
      code: 'describeDenied',
      severity: 'info',
      message:
        `The key belongs to account ${facts.keyAccount}, not yours (${facts.callerAccount}): describing it needs kms:DescribeKey ` +
        `for your account in that key's policy and in your IAM policy, which you do not have. Only its ARN is known, so its ` +
        `state and spec are not checked from here; whether you may decrypt is decided the same way, by kms:Decrypt.`,
    });
  } else if (facts.describeDenied) {
    flags.push({
      code: 'describeDenied',
      severity: 'warning',
      message: `You may not describe KMS key ${facts.keyArn} (kms:DescribeKey denied): only its ARN is known, so its state and spec are not checked.`,
    });
  }
  if (facts.keySpec && facts.keySpec !== 'SYMMETRIC_DEFAULT') {
    flags.push({
      code: 'notSymmetric',
      severity: 'error',
      message: `Key spec is ${facts.keySpec}: CloudTrail and S3 accept only symmetric encryption keys (SYMMETRIC_DEFAULT).`,
    });
  }
  if (facts.keyState === 'Disabled') {
    flags.push({
      code: 'disabled',
      severity: 'error',
      message: 'The key is disabled: CloudTrail cannot deliver logs with it, and nobody can decrypt the logs until it is enabled again.',
    });
  } else if (facts.keyState === 'PendingDeletion' || facts.keyState === 'PendingReplicaDeletion') {
    const when = facts.deletionDate ? ` on ${facts.deletionDate.slice(0, 10)}` : '';
    flags.push({
      code: 'pendingDeletion',
      severity: 'error',
      message: `The key is scheduled for deletion${when}: logs encrypted with it become unreadable for good unless the deletion is cancelled.`,
    });
  }
  if (facts.bucketRegion && facts.keyRegion && facts.bucketRegion !== facts.keyRegion) {
    flags.push({
      code: 'otherRegion',
      severity: 'error',
      message: `The key is in ${facts.keyRegion} but the bucket is in ${facts.bucketRegion}: CloudTrail requires the key in the bucket's region.`,
    });
  }
  if (facts.trailAccount && facts.keyAccount && facts.trailAccount !== facts.keyAccount) {
    flags.push({
      code: 'otherAccount',
      severity: 'info',
      message: `The key belongs to account ${facts.keyAccount}, not ${facts.trailAccount}: its key policy there decides who may decrypt, and describing it may be denied.`,
    });
  }
  if (facts.rotationEnabled === false) {
    flags.push({ code: 'rotationDisabled', severity: 'info', message: 'Automatic key rotation is off.' });
  }
  return flags;
}

/** Short word for a table cell. */
export function flagWord(flag: KeyFlag): string {
  return {
    notSymmetric: 'NOT-SYMMETRIC',
    disabled: 'DISABLED',
    pendingDeletion: 'PENDING-DELETION',
    otherRegion: 'OTHER-REGION',
    otherAccount: 'OTHER-ACCOUNT',
    notFound: 'NOT-FOUND',
    describeDenied: 'DESCRIBE-DENIED',
    rotationDisabled: 'no-rotation',
  }[flag.code];
}
