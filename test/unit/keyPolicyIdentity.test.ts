/** The key-policy check with what IAM, Organizations and DescribeKey add: delegation decided, key state, another account. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  checkKeyPolicy,
  checkWithoutPolicy,
  decryptCheck,
  parsePolicy,
  type IdentityVerdict,
  type KeyPolicySubject,
} from '../../src/core/keyPolicy';
import { defaultKeyPolicy, trailKeyPolicy } from '../sandbox/kms/policy';
import { organizationKeyPolicy } from '../sandbox/world/orgPolicies';

const ACCOUNT = '111122223333';
const TRAIL = `arn:aws:cloudtrail:us-west-2:${ACCOUNT}:trail/management`;
const KEY = `arn:aws:kms:us-west-2:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const AUDITOR = `arn:aws:iam::${ACCOUNT}:user/auditor`;
const ADMIN = `arn:aws:iam::${ACCOUNT}:user/cloudtrail-admin`;
const subject: KeyPolicySubject = { trailArn: TRAIL, keyArn: KEY, callerArn: AUDITOR, callerAccount: ACCOUNT, bucketRegion: 'us-west-2' };
const policy = trailKeyPolicy(ACCOUNT, 'us-west-2', TRAIL, ADMIN);

const decrypt = (identity?: IdentityVerdict, extra: Partial<KeyPolicySubject> = {}) =>
  checkKeyPolicy(policy, { ...subject, ...(identity ? { identity } : {}), ...extra }).callerDecrypt;

describe('key policy and the caller’s IAM policies', () => {
  it('a key policy that delegates to the account: cannot tell until IAM is asked, and says IAM decides', () => {
    const check = decrypt();
    assert.equal(check.answer, 'cannot tell');
    assert.equal(check.identityDecides, true);
    assert.match(check.reasons[0], /depends on its IAM policies/);
  });

  it('IAM allows → yes (both statements named); IAM does not → no; IAM denies → no; IAM unknown → cannot tell with its reason', () => {
    const yes = decrypt({ decision: 'allowed', detail: 'statement auditor-policy "Decrypt"' });
    assert.equal(yes.answer, 'yes');
    assert.match(
      yes.reasons[0],
      /"Enable IAM User Permissions" allows kms:Decrypt to the account, and your IAM policies allow it too \(IAM policy simulation: allowed, statement auditor-policy/,
    );
    const no = decrypt({ decision: 'implicitDeny' });
    assert.equal(no.answer, 'no');
    assert.match(no.reasons[0], /leaves kms:Decrypt to the IAM policies of the account, and yours do not allow it/);
    const denied = decrypt({ decision: 'explicitDeny', detail: 'a service control policy of your organization does not allow it' });
    assert.equal(denied.answer, 'no');
    assert.match(denied.reasons[0], /Your IAM policies deny kms:Decrypt on this key \(a service control policy/);
    const unknown = decrypt({ unknown: 'you may not ask IAM what your policies allow' });
    assert.equal(unknown.answer, 'cannot tell');
    assert.match(unknown.reasons[0], /and you may not ask IAM what your policies allow/);
  });

  it('a principal named by the key policy needs no IAM in the key’s account: yes even when IAM would not allow', () => {
    const admin = decrypt({ decision: 'implicitDeny' }, { callerArn: ADMIN });
    assert.equal(admin.answer, 'yes');
    assert.match(
      admin.reasons[0],
      /"Allow the CloudTrail administrator to decrypt log files" allows kms:Decrypt to arn:aws:iam::111122223333:user\/cloudtrail-admin\. The key policy is enough/,
    );
    assert.equal(decrypt({ decision: 'explicitDeny' }, { callerArn: ADMIN }).answer, 'no', 'an explicit IAM Deny still wins');
  });

  it('a disabled or deleted key refuses everything: no, first reason the state; an undescribable key turns yes into cannot tell', () => {
    for (const [state, words] of [
      ['Disabled', 'disabled'],
      ['PendingDeletion', 'pending deletion'],
    ]) {
      const report = checkKeyPolicy(policy, { ...subject, callerArn: ADMIN, keyState: state });
      assert.equal(report.callerDecrypt.answer, 'no');
      assert.equal(report.cloudTrailEncrypt.answer, 'no');
      assert.match(report.callerDecrypt.reasons[0], new RegExp(`The key is ${words}`));
    }
    assert.equal(checkKeyPolicy(policy, { ...subject, callerArn: ADMIN, keyState: 'Enabled' }).callerDecrypt.answer, 'yes');
    const unknown = checkKeyPolicy(policy, { ...subject, callerArn: ADMIN, keyState: null }).callerDecrypt;
    assert.equal(unknown.answer, 'cannot tell');
    assert.match(unknown.reasons.join(' '), /could not be described/);
  });

  it('another account’s key: a key-policy Allow is not enough; IAM must allow too', () => {
    const open = JSON.stringify({
      Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'kms:Decrypt', Resource: '*' }],
    });
    const other = { ...subject, callerArn: 'arn:aws:iam::444455556666:user/x', callerAccount: '444455556666' };
    assert.equal(checkKeyPolicy(open, other).callerDecrypt.answer, 'cannot tell');
    assert.equal(checkKeyPolicy(open, { ...other, identity: { decision: 'allowed' } }).callerDecrypt.answer, 'yes');
    const no = checkKeyPolicy(open, { ...other, identity: { decision: 'implicitDeny' } }).callerDecrypt;
    assert.equal(no.answer, 'no');
    assert.match(no.reasons[0], /the key is in account 111122223333 and your own IAM policies \(account 444455556666\) do not allow it/);
  });

  it('a policy that cannot be read: another account’s key is a no when IAM does not allow, else cannot tell', () => {
    const other = { ...subject, callerArn: 'arn:aws:iam::444455556666:user/x', callerAccount: '444455556666' };
    const why = 'only account 111122223333, which owns the key, may read its policy (GetKeyPolicy)';
    const report = checkWithoutPolicy(other, why);
    assert.equal(report.cloudTrailEncrypt.answer, 'cannot tell');
    assert.equal(report.callerDecrypt.answer, 'cannot tell');
    assert.match(report.callerDecrypt.reasons[0], /only account 111122223333, which owns the key, may read its policy/);
    const question = report.callerDecrypt.question;
    const subjectWith = (identity: IdentityVerdict) => ({ ...other, identity, encryptionContext: {} });
    assert.equal(decryptCheck(undefined, subjectWith({ decision: 'implicitDeny' }), question, why).answer, 'no');
    assert.equal(decryptCheck(undefined, subjectWith({ decision: 'allowed' }), question, why).answer, 'cannot tell');
    const same = { ...subject, identity: { decision: 'implicitDeny' } as IdentityVerdict, encryptionContext: {} };
    assert.equal(decryptCheck(undefined, same, question, why).answer, 'cannot tell', 'the key policy could still name the caller');
  });

  it('aws:PrincipalOrgID: a Deny outside the organization applies only when the caller’s organization is known', () => {
    const org = organizationKeyPolicy('arn:aws:cloudtrail:us-west-2:210987654321:trail/organization-trail');
    const statements = parsePolicy(org);
    const base = {
      keyArn: 'arn:aws:kms:us-west-2:210987654321:key/org',
      callerArn: 'arn:aws:iam::210987654321:user/org-admin',
      callerAccount: '210987654321',
      encryptionContext: { 'aws:cloudtrail:arn': 'arn:aws:cloudtrail:us-west-2:210987654321:trail/organization-trail' },
      identity: { decision: 'allowed' } as IdentityVerdict,
    };
    assert.equal(decryptCheck(statements, base, 'q').answer, 'cannot tell', 'the Deny may apply');
    assert.equal(decryptCheck(statements, { ...base, principalOrgId: 'o-a1b2c3d4e5' }, 'q').answer, 'yes');
    const outside = decryptCheck(statements, { ...base, principalOrgId: 'none' }, 'q');
    assert.equal(outside.answer, 'no');
    assert.match(outside.reasons[0], /Deny statement "Deny decryption outside the organization" refuses kms:Decrypt/);
  });

  it('the whole encryption context is known for a probe: a condition on another context key does not apply', () => {
    const text = JSON.stringify({
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: AUDITOR },
          Action: 'kms:Decrypt',
          Resource: '*',
          Condition: { StringEquals: { 'kms:EncryptionContext:department': 'audit' } },
        },
      ],
    });
    const check = decryptCheck(parsePolicy(text), { keyArn: KEY, callerArn: AUDITOR, callerAccount: ACCOUNT, encryptionContext: {} }, 'q');
    assert.equal(check.answer, 'no');
    assert.match(check.reasons.join('\n'), /requires kms:EncryptionContext:department, which this request does not carry/);
    // ... while an aws:s3:arn whose value depends on the object stays open.
    const s3 = JSON.stringify({
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: AUDITOR },
          Action: 'kms:Decrypt',
          Resource: '*',
          Condition: { StringLike: { 'kms:EncryptionContext:aws:s3:arn': 'arn:aws:s3:::logs/*' } },
        },
      ],
    });
    assert.equal(checkKeyPolicy(s3, subject).callerDecrypt.answer, 'cannot tell');
    assert.equal(checkKeyPolicy(defaultKeyPolicy(ACCOUNT), { ...subject, identity: { decision: 'allowed' } }).callerDecrypt.answer, 'yes');
  });
});
