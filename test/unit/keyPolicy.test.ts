import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkKeyPolicy, formatKeyPolicyReport, PolicyFormatError, type KeyPolicySubject } from '../../src/core/keyPolicy';
import { cloudTrailKeyPolicy, defaultKeyPolicy } from '../sandbox/kms/policy';

const ACCOUNT = '111122223333';
const TRAIL = `arn:aws:cloudtrail:us-west-2:${ACCOUNT}:trail/management`;
const subject: KeyPolicySubject = {
  trailArn: TRAIL,
  keyArn: `arn:aws:kms:us-west-2:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
  callerArn: `arn:aws:iam::${ACCOUNT}:user/auditor`,
  callerAccount: ACCOUNT,
  bucketRegion: 'us-west-2',
};

type Doc = { Statement: Array<Record<string, unknown>> };
const consolePolicy = (): Doc => JSON.parse(cloudTrailKeyPolicy(ACCOUNT, 'us-west-2', TRAIL)) as Doc;

/** The documented recommended statements (create-kms-key-policy-for-cloudtrail), decrypt granted to one user. */
function docPolicy(reader = `arn:aws:iam::${ACCOUNT}:user/auditor`): Doc {
  return {
    Statement: [
      {
        Sid: 'Enable IAM user permissions',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
        Action: 'kms:*',
        Resource: '*',
      },
      {
        Sid: 'Allow CloudTrail to encrypt logs',
        Effect: 'Allow',
        Principal: { Service: 'cloudtrail.amazonaws.com' },
        Action: 'kms:GenerateDataKey*',
        Resource: '*',
        Condition: {
          StringLike: { 'kms:EncryptionContext:aws:cloudtrail:arn': [`arn:aws:cloudtrail:*:${ACCOUNT}:trail/*`] },
          StringEquals: { 'aws:SourceArn': TRAIL },
        },
      },
      {
        Sid: 'Allow CloudTrail to describe key',
        Effect: 'Allow',
        Principal: { Service: 'cloudtrail.amazonaws.com' },
        Action: 'kms:DescribeKey',
        Resource: '*',
        Condition: { StringEquals: { 'aws:SourceArn': TRAIL } },
      },
      {
        Sid: 'Allow principals to decrypt log files',
        Effect: 'Allow',
        Principal: { AWS: reader },
        Action: 'kms:Decrypt',
        Resource: '*',
        Condition: { Null: { 'kms:EncryptionContext:aws:cloudtrail:arn': 'false' } },
      },
    ],
  };
}

const check = (doc: Doc | string, s: Partial<KeyPolicySubject> = {}) =>
  checkKeyPolicy(typeof doc === 'string' ? doc : JSON.stringify(doc), { ...subject, ...s });

describe('key policy check', () => {
  it("the console's CloudTrail key policy: CloudTrail may encrypt and describe, a user of the account may decrypt", () => {
    const report = check(consolePolicy());
    assert.equal(report.cloudTrailEncrypt.answer, 'yes');
    assert.match(
      report.cloudTrailEncrypt.reasons[0],
      /"Allow CloudTrail to encrypt logs" allows kms:GenerateDataKey to cloudtrail\.amazonaws\.com/,
    );
    assert.equal(report.cloudTrailDescribe.answer, 'yes');
    assert.equal(report.callerDecrypt.answer, 'yes');
    assert.match(report.callerDecrypt.reasons[0], /"Allow principals in the account to decrypt log files"/);
  });

  it('the documented recommended statements: yes, yes, yes for the named reader; an assumed role matches its role ARN', () => {
    const report = check(docPolicy());
    assert.deepEqual(
      [report.cloudTrailEncrypt.answer, report.cloudTrailDescribe.answer, report.callerDecrypt.answer],
      ['yes', 'yes', 'yes'],
    );
    const role = check(docPolicy(`arn:aws:iam::${ACCOUNT}:role/path/Auditors`), {
      callerArn: `arn:aws:sts::${ACCOUNT}:assumed-role/Auditors/alice`,
    });
    assert.equal(role.callerDecrypt.answer, 'yes');
  });

  it("KMS's default policy (root only): CloudTrail may not encrypt; the caller's decrypt depends on IAM → cannot tell", () => {
    const report = check(defaultKeyPolicy(ACCOUNT));
    assert.equal(report.cloudTrailEncrypt.answer, 'no');
    assert.match(
      report.cloudTrailEncrypt.reasons.join('\n'),
      /No statement of the key policy allows kms:GenerateDataKey to cloudtrail\.amazonaws\.com/,
    );
    assert.match(
      report.cloudTrailEncrypt.reasons.join('\n'),
      /its principal is for \{"AWS":"arn:aws:iam::111122223333:root"\}, not the service cloudtrail\.amazonaws\.com/,
    );
    assert.equal(report.cloudTrailDescribe.answer, 'no');
    assert.equal(report.callerDecrypt.answer, 'cannot tell');
    assert.match(report.callerDecrypt.reasons[0], /depends on its IAM policies/);
  });

  it('aws:SourceArn naming another trail: CloudTrail may not encrypt, and the reason names the key and values', () => {
    const doc = consolePolicy();
    (doc.Statement[1].Condition as Record<string, Record<string, string>>).StringEquals['aws:SourceArn'] =
      `arn:aws:cloudtrail:us-west-2:${ACCOUNT}:trail/other`;
    const report = check(doc);
    assert.equal(report.cloudTrailEncrypt.answer, 'no');
    assert.ok(
      report.cloudTrailEncrypt.reasons.some((r) =>
        r.includes(
          `aws:SourceArn is ${TRAIL}, which fails StringEquals aws:SourceArn "arn:aws:cloudtrail:us-west-2:${ACCOUNT}:trail/other"`,
        ),
      ),
      report.cloudTrailEncrypt.reasons.join('\n'),
    );
  });

  it('an encryption-context pattern for another account: no encrypt, no decrypt', () => {
    const text = cloudTrailKeyPolicy(ACCOUNT, 'us-west-2', TRAIL).replace(
      /arn:aws:cloudtrail:\*:111122223333:trail\/\*/g,
      'arn:aws:cloudtrail:*:444455556666:trail/*',
    );
    const report = check(text);
    assert.equal(report.cloudTrailEncrypt.answer, 'no');
    assert.equal(report.callerDecrypt.answer, 'cannot tell', 'only the root statement (IAM) is left');
  });

  it('an explicit Deny of kms:Decrypt to the caller wins over every Allow', () => {
    const doc = consolePolicy();
    doc.Statement.push({ Sid: 'No auditors', Effect: 'Deny', Principal: { AWS: subject.callerArn }, Action: 'kms:Decrypt', Resource: '*' });
    const report = check(doc);
    assert.equal(report.callerDecrypt.answer, 'no');
    assert.match(report.callerDecrypt.reasons[0], /Deny statement "No auditors" refuses kms:Decrypt/);
  });

  it('a caller from another account: no (kms:CallerAccount), and with a matching "*" statement still cannot tell (its IAM decides)', () => {
    const report = check(consolePolicy(), { callerArn: 'arn:aws:iam::444455556666:user/x', callerAccount: '444455556666' });
    assert.equal(report.callerDecrypt.answer, 'no');
    assert.ok(report.callerDecrypt.reasons.some((r) => /kms:CallerAccount is 444455556666/.test(r)));
    const open = docPolicy('*');
    const cross = check(open, { callerArn: 'arn:aws:iam::444455556666:user/x', callerAccount: '444455556666' });
    assert.equal(cross.callerDecrypt.answer, 'cannot tell');
    assert.match(cross.callerDecrypt.reasons.join('\n'), /your own IAM policies must allow kms:Decrypt/);
  });

  it('conditions on values not known here (aws:PrincipalOrgID) or unsupported operators: cannot tell, said so', () => {
    const doc = docPolicy();
    doc.Statement[3].Condition = { StringEquals: { 'aws:PrincipalOrgID': 'o-abc' } };
    const report = check(doc);
    assert.equal(report.callerDecrypt.answer, 'cannot tell');
    assert.match(report.callerDecrypt.reasons.join('\n'), /aws:PrincipalOrgID, whose value in this request is not known here/);
    doc.Statement[3].Condition = { DateGreaterThan: { 'aws:CurrentTime': '2020-01-01T00:00:00Z' } };
    assert.equal(check(doc).callerDecrypt.answer, 'cannot tell');
  });

  it('not JSON / no Statement: a clear error; the text report lists each answer', () => {
    assert.throws(() => check('{nope'), /the key policy is not JSON/);
    assert.throws(() => check('{}'), /the key policy has no Statement/);
    const text = formatKeyPolicyReport(check(defaultKeyPolicy(ACCOUNT)));
    assert.match(text, /^NO {10}May CloudTrail \(cloudtrail\.amazonaws\.com\) call kms:GenerateDataKey for this trail\?$/m);
    assert.match(text, /^CANNOT TELL May arn:aws:iam::111122223333:user\/auditor call kms:Decrypt/m);
  });

  it('a policy whose values have the wrong shape is refused when read, never answered with "[object Object]" (issue 12 fuzzer)', () => {
    const bad = (statement: unknown) => JSON.stringify({ Statement: [...consolePolicy().Statement, statement] });
    const base = { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'kms:Decrypt', Resource: '*' };
    const cases: [unknown, RegExp][] = [
      [
        { ...base, Condition: { StringEquals: { 'kms:CallerAccount': { a: [1] } } } },
        /Condition StringEquals kms:CallerAccount, a policy value is an object/,
      ],
      [{ ...base, Condition: { StringEquals: { 'kms:CallerAccount': [[ACCOUNT]] } } }, /a nested list/],
      [{ ...base, Principal: { AWS: [{ toString: 1 }] } }, /Principal AWS, a policy value is an object/],
      [{ ...base, Action: { kms: 'Decrypt' } }, /in Action/],
      [{ ...base, Sid: { x: 1 } }, /Sid is not a string/],
      [{ ...base, Principal: ['*'] }, /Principal is neither "\*" nor a block/],
      ['hasOwnProperty', /statement #\d+ of the key policy is not an object/],
      [{ ...base, Condition: { [`S${'x'.repeat(10_000)}`]: 'v' } }, /has no key\/value block/],
    ];
    for (const [statement, message] of cases)
      assert.throws(
        () => check(bad(statement)),
        (error: Error) => error instanceof PolicyFormatError && message.test(error.message) && error.message.length < 400,
        JSON.stringify(statement).slice(0, 100),
      );
    // Numbers and booleans are values too (conditions such as Bool and NumericLessThan).
    const fine = { ...base, Condition: { Bool: { 'aws:SecureTransport': true }, NumericLessThan: { 's3:max-keys': 10 } } };
    assert.doesNotThrow(() => check(bad(fine)));
  });

  it('operator and condition-key names of Object.prototype are names like any other (issue 12 fuzzer: "actual.some is not a function")', () => {
    for (const name of Object.getOwnPropertyNames(Object.prototype)) {
      const policy = docPolicy();
      policy.Statement[3].Condition = { StringEquals: { [name]: 'x' } };
      const byKey = check(policy);
      assert.equal(byKey.callerDecrypt.answer, 'cannot tell', name);
      assert.ok(
        byKey.callerDecrypt.reasons.some((reason) => reason.includes(`depends on ${name}`)),
        name,
      );
      policy.Statement[3].Condition = { [name]: { 'kms:CallerAccount': ACCOUNT } };
      const byOperator = check(policy);
      assert.equal(byOperator.callerDecrypt.answer, 'cannot tell', name);
      assert.ok(
        byOperator.callerDecrypt.reasons.some((reason) => reason.includes(`uses the operator ${name}`)),
        name,
      );
    }
  });
});
