/**
 * Key-policy truth: Check Key Policy's verdict on "may you decrypt" — for every principal × key of the world, through
 * S3 (the trail keys' logs) and directly (every key's probe ciphertext) — against what the sandbox enforces, and against
 * the real call: YES ⇒ the decrypt succeeds, NO ⇒ it is refused. CANNOT TELL must say why.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DecryptCommand } from '@aws-sdk/client-kms';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { AwsClients } from '../../src/aws/clients';
import { checkKeyDecrypt, checkTrailKeyPolicy } from '../../src/aws/keyPolicy';
import type { PolicyCheck } from '../../src/core/keyPolicy';
import { startSandbox, type KeyAccessCase, type KeyProbe, type Sandbox } from '../sandbox/index';
import { writeProfiles, useEnv, type Profiles } from './awsTestSupport';
import { sandboxClients } from './helpers/sandboxClients';

interface Verdict {
  principal: string;
  keyArn: string;
  alias?: string;
  via: 'kms' | 's3';
  check: PolicyCheck;
  truth: KeyAccessCase;
}

describe('Check Key Policy tells the truth for every principal × key of the world', { timeout: 600_000 }, () => {
  let sandbox: Sandbox;
  let profiles: Profiles;
  const clients = new Map<string, AwsClients>();
  const verdicts: Verdict[] = [];

  before(async () => {
    sandbox = await startSandbox({ world: { search: true } });
    const entries = Object.entries(sandbox.principals).map(([name, p]) => [
      name,
      { accessKeyId: p.accessKeyId, secretAccessKey: p.secretAccessKey, region: sandbox.region },
    ]);
    profiles = writeProfiles(Object.fromEntries(entries));
    useEnv(profiles.env);
    for (const name of Object.keys(sandbox.principals))
      clients.set(name, new AwsClients({ profile: name, regions: [sandbox.region], endpointUrl: sandbox.endpoint }));
  });

  after(async () => {
    for (const c of clients.values()) c.dispose();
    await sandbox?.stop();
    profiles?.cleanup();
  });

  const probeOf = (keyArn: string): KeyProbe => sandbox.world.keyProbes.find((p) => p.keyArn === keyArn)!;

  /** The real call, made as the principal: did the decrypt succeed? */
  async function decrypts(c: KeyAccessCase): Promise<boolean> {
    const probe = probeOf(c.keyArn);
    const raw = sandboxClients(sandbox, { principal: sandbox.principals[c.principal], region: probe.region, maxAttempts: 1 });
    try {
      if (c.via === 'kms') {
        await raw.kms.send(
          new DecryptCommand({ CiphertextBlob: Buffer.from(probe.ciphertextBase64, 'base64'), EncryptionContext: probe.encryptionContext }),
        );
      } else {
        const out = await raw.s3.send(new GetObjectCommand({ Bucket: probe.object!.bucket, Key: probe.object!.key }));
        await out.Body!.transformToByteArray();
      }
      return true;
    } catch {
      return false;
    } finally {
      for (const client of Object.values(raw)) client.destroy();
    }
  }

  test('every principal × key × path that reaches KMS: YES ⇒ allowed and decrypts, NO ⇒ refused', async () => {
    // Rows S3 refuses never reach KMS: the key-policy question does not decide them.
    const cases = sandbox.world.keyAccess.filter((c) => c.refusedBy !== 'S3');
    assert.ok(cases.length >= 40, `only ${cases.length} cases`);
    for (const c of cases) {
      const probe = probeOf(c.keyArn);
      const as = clients.get(c.principal)!;
      const check =
        c.via === 's3'
          ? (await checkTrailKeyPolicy(as, { arn: probe.trailArn!, bucket: probe.object!.bucket, kmsKeyArn: c.keyArn })).report
              .callerDecrypt
          : await checkKeyDecrypt(as, { keyArn: c.keyArn, encryptionContext: probe.encryptionContext });
      verdicts.push({
        principal: c.principal,
        keyArn: c.keyArn,
        ...(probe.alias ? { alias: probe.alias } : {}),
        via: c.via,
        check,
        truth: c,
      });
      const label = `${c.principal} × ${probe.alias ?? c.keyArn} via ${c.via}: ${check.answer} — ${check.reasons[0]}`;
      if (check.answer === 'yes') {
        assert.equal(c.decrypt, 'allowed', `${label}; the sandbox refuses (${c.refusedBy}: ${c.error?.message})`);
        assert.equal(await decrypts(c), true, `${label}; the real decrypt failed`);
      } else if (check.answer === 'no') {
        assert.equal(c.decrypt, 'denied', `${label}; the sandbox allows it`);
        assert.equal(await decrypts(c), false, `${label}; the real decrypt succeeded`);
      } else {
        assert.ok(check.reasons.length > 0 && check.reasons[0].length > 20, `${label}: CANNOT TELL without a reason`);
      }
    }
  });

  test('the verdicts are definite where the facts are readable, and every kind of refusal is told', () => {
    const find = (principal: string, alias: string, via: 'kms' | 's3') =>
      verdicts.find((v) => v.principal === principal && v.alias === alias && v.via === via && v.truth.principal === principal)!;
    // The auditor: the key policy leaves decrypt to IAM, and its IAM policy has no kms:Decrypt (IAM simulation).
    const auditor = find('auditor', 'alias/cloudtrail-logs', 's3');
    assert.equal(auditor.check.answer, 'no', auditor.check.reasons.join('\n'));
    assert.match(
      auditor.check.reasons[0],
      /leaves kms:Decrypt to the IAM policies of the account, and yours do not allow it \(IAM policy simulation: implicitDeny/,
    );
    // The admin: named by the key policy.
    assert.equal(find('admin', 'alias/cloudtrail-logs', 's3').check.answer, 'yes');
    // A disabled key decrypts nothing, whatever the policies say.
    const retired = find('admin', 'alias/cloudtrail-logs-retired', 's3');
    assert.equal(retired.check.answer, 'no');
    assert.match(retired.check.reasons[0], /The key is disabled/);
    // AWS managed keys: only through their service.
    const ebs = find('admin', 'alias/aws/ebs', 'kms');
    assert.equal(ebs.check.answer, 'no');
    // The organization's key, read by the management account: aws:PrincipalOrgID known (Organizations), delegation to IAM.
    const org = find('orgAdmin', 'alias/org-trail-logs', 's3');
    assert.equal(org.check.answer, 'yes', org.check.reasons.join('\n'));
    // The search world's key lets the account decrypt without IAM ("*" with kms:CallerAccount): the auditor may.
    assert.equal(find('auditor', 'alias/audit-archive-logs', 's3').check.answer, 'yes');

    const answers = new Map<string, number>();
    for (const v of verdicts) answers.set(v.check.answer, (answers.get(v.check.answer) ?? 0) + 1);
    const unknown = verdicts.filter((v) => v.check.answer === 'cannot tell');
    // Only another account's keys (whose policy only their owner may read) may stay undecided.
    for (const v of unknown)
      assert.notEqual(
        v.truth.principalAccount,
        v.keyArn.split(':')[4],
        `${v.principal} × ${v.alias ?? v.keyArn}: ${v.check.reasons.join(' | ')}`,
      );
    assert.ok((answers.get('yes') ?? 0) >= 10 && (answers.get('no') ?? 0) >= 10, JSON.stringify([...answers]));
  });
});
