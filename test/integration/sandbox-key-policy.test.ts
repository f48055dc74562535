/**
 * Key-policy truth: the sandbox's KMS evaluates key policies together with IAM policies, says who refused as KMS does,
 * and the exported matrix (world.keyAccess) is exactly what the real calls get — for every principal × key × path.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CreateKeyCommand, DecryptCommand, EncryptCommand, KMSServiceException } from '@aws-sdk/client-kms';
import { GetObjectCommand, S3ServiceException } from '@aws-sdk/client-s3';
import { startSandbox, type KeyAccessCase, type Sandbox } from '../sandbox/index';
import { sandboxClients } from './helpers/sandboxClients';
import { awsCli, type AwsCli } from './helpers/sandboxAwsCli';
import { iam } from './helpers/signedCall';

interface Failure {
  name: string;
  message: string;
  $metadata: { httpStatusCode?: number };
}

describe('sandbox key policies: what KMS enforces is what the world says', { timeout: 300_000 }, () => {
  let sandbox: Sandbox;
  let cli: AwsCli;

  before(async () => {
    sandbox = await startSandbox();
    cli = awsCli(sandbox);
  });
  after(async () => {
    cli?.dispose();
    await sandbox?.stop();
  });

  const attempt = async (c: KeyAccessCase): Promise<{ ok: true } | { ok: false; code: string; status?: number; message: string }> => {
    const principal = sandbox.principals[c.principal];
    const probe = sandbox.world.keyProbes.find((p) => p.keyArn === c.keyArn)!;
    const clients = sandboxClients(sandbox, { principal, region: probe.region, maxAttempts: 1 });
    try {
      if (c.via === 'kms') {
        const out = await clients.kms.send(
          new DecryptCommand({ CiphertextBlob: Buffer.from(probe.ciphertextBase64, 'base64'), EncryptionContext: probe.encryptionContext }),
        );
        assert.equal(Buffer.from(out.Plaintext!).toString(), 'key-access probe');
        assert.equal(out.KeyId, c.keyArn);
      } else {
        const out = await clients.s3.send(new GetObjectCommand({ Bucket: probe.object!.bucket, Key: probe.object!.key }));
        const body = await out.Body!.transformToByteArray();
        assert.deepEqual([...body.subarray(0, 2)], [0x1f, 0x8b]);
      }
      return { ok: true };
    } catch (e) {
      if (!(e instanceof KMSServiceException) && !(e instanceof S3ServiceException)) throw e;
      const f = e as unknown as Failure;
      return { ok: false, code: f.name, status: f.$metadata.httpStatusCode, message: f.message };
    }
  };

  it('every principal × key × path: the real call gets exactly the exported verdict and error', async () => {
    const cases = sandbox.world.keyAccess;
    const principals = Object.keys(sandbox.principals);
    assert.equal(new Set(cases.map((c) => c.principal)).size, principals.length, 'every principal');
    assert.equal(new Set(cases.map((c) => c.keyArn)).size, sandbox.world.keyProbes.length, 'every probed key');
    for (const c of cases) {
      const got = await attempt(c);
      const label = `${c.principal} × ${c.keyArn} via ${c.via}`;
      if (c.decrypt === 'allowed') {
        assert.deepEqual(got, { ok: true }, label);
      } else {
        assert.equal(got.ok, false, `${label} should be refused`);
        if (!got.ok) {
          assert.equal(got.code, c.error!.code, label);
          assert.equal(got.status, c.error!.status, label);
          assert.equal(got.message, c.error!.message, label);
        }
      }
    }
    // The world holds every kind of answer.
    const kinds = new Set(cases.map((c) => `${c.decrypt} ${c.refusedBy ?? ''} ${c.explicitDeny ? 'explicit' : ''}`.trim()));
    for (const kind of [
      'allowed',
      'denied key policy',
      'denied key policy explicit',
      'denied IAM policy',
      'denied S3',
      'denied key state',
    ]) {
      assert.ok(kinds.has(kind), `the matrix holds a case "${kind}" (has: ${[...kinds].join(', ')})`);
    }
  });

  it('the seeded world is consistent: the admin reads by the key policy, the auditor is refused by its IAM policy', () => {
    const healthy = sandbox.world.keys.healthy.arn;
    const find = (principal: string, keyArn: string, via: 'kms' | 's3') =>
      sandbox.world.keyAccess.find((c) => c.principal === principal && c.keyArn === keyArn && c.via === via)!;
    assert.equal(find('admin', healthy, 's3').decrypt, 'allowed');
    const auditor = find('auditor', healthy, 's3');
    assert.deepEqual([auditor.decrypt, auditor.refusedBy, auditor.explicitDeny], ['denied', 'IAM policy', false]);
    assert.equal(
      auditor.error?.message,
      `User: ${sandbox.principals.auditor.arn} is not authorized to perform: kms:Decrypt on resource: ${healthy} because no identity-based policy allows the kms:Decrypt action`,
    );
    const org = sandbox.world.organization!;
    const orgKey = org.trails.organization.kmsKeyArn!;
    // Through S3 the log-archive account may decrypt (its root is in the key policy, with kms:ViaService = S3)...
    assert.equal(find('logArchiveReader', orgKey, 's3').decrypt, 'allowed');
    // ...directly it may not: no statement grants it without S3.
    assert.deepEqual(
      [find('logArchiveReader', orgKey, 'kms').refusedBy, find('logArchiveReader', orgKey, 'kms').explicitDeny],
      ['key policy', false],
    );
    // The member account's IAM allows kms:Decrypt, but the key policy does not name it.
    const member = find('memberAuditor', orgKey, 'kms');
    assert.equal(member.refusedBy, 'key policy');
    assert.match(member.error!.message, /because no resource-based policy allows the kms:Decrypt action$/);
    // Outside the organization: an explicit deny.
    const outsider = find('admin', orgKey, 'kms');
    assert.deepEqual([outsider.refusedBy, outsider.explicitDeny], ['key policy', true]);
    assert.match(outsider.error!.message, /with an explicit deny in a resource-based policy$/);
    // AWS managed keys are used through their service only.
    const ebs = sandbox.world.keyProbes.find((p) => p.alias === 'alias/aws/ebs' && p.region === 'us-west-2')!;
    assert.equal(find('admin', ebs.keyArn, 'kms').refusedBy, 'key policy');
  });

  it('the aws CLI gets the same answers (kms decrypt, s3 cp)', async () => {
    const healthy = sandbox.world.keyProbes.find((p) => p.keyArn === sandbox.world.keys.healthy.arn)!;
    const ciphertext = `fileb://<(echo ${healthy.ciphertextBase64} | base64 -d)`;
    const context = `aws:cloudtrail:arn=${healthy.trailArn}`;
    const script = (principal: 'admin' | 'auditor') =>
      cli.run([], {
        principal: sandbox.principals[principal],
        shell: `bash -c 'aws kms decrypt --ciphertext-blob ${ciphertext} --encryption-context ${context} --query Plaintext --output text | base64 -d'`,
      });
    const admin = await script('admin');
    assert.equal(admin.code, 0, admin.stderr);
    assert.equal(admin.stdout, 'key-access probe');
    const auditor = await script('auditor');
    assert.match(auditor.stderr, /AccessDeniedException/);
    assert.match(auditor.stderr, /because no identity-based policy allows the kms:Decrypt action/);
    const reader = sandbox.principals.logArchiveReader;
    const orgProbe = sandbox.world.keyProbes.find((p) => p.keyArn === sandbox.world.organization!.trails.organization.kmsKeyArn)!;
    const cp = await cli.run([], {
      principal: reader,
      shell: `aws s3 cp s3://${orgProbe.object!.bucket}/${orgProbe.object!.key} - | gunzip | head -c 12`,
    });
    assert.equal(cp.stdout, '{"Records":[', cp.stderr);
  });

  it('IAM SimulatePrincipalPolicy answers what the identity policy decides (what a key-policy check needs when the key delegates to IAM)', async () => {
    const { admin, auditor } = sandbox.principals;
    const ask = (who: typeof admin, subject: string) =>
      iam(sandbox, who, 'SimulatePrincipalPolicy', {
        PolicySourceArn: subject,
        'ActionNames.member.1': 'kms:Decrypt',
        'ResourceArns.member.1': sandbox.world.keys.healthy.arn,
      });
    const self = await ask(auditor, auditor.arn);
    assert.equal(self.status, 200, self.text);
    assert.match(self.text, /<EvalDecision>implicitDeny<\/EvalDecision>/);
    const forAdmin = await ask(admin, admin.arn);
    assert.match(forAdmin.text, /<EvalDecision>allowed<\/EvalDecision>/);
    const reader = sandbox.principals.logArchiveReader;
    const scoped = await iam(sandbox, admin, 'SimulatePrincipalPolicy', {
      PolicySourceArn: reader.arn,
      'ActionNames.member.1': 'kms:Decrypt',
      'ResourceArns.member.1': sandbox.world.organization!.trails.organization.kmsKeyArn!,
      'ResourceArns.member.2': sandbox.world.keys.healthy.arn,
    });
    const decisions = [...scoped.text.matchAll(/<EvalDecision>(\w+)<\/EvalDecision>/g)].map((m) => m[1]);
    assert.deepEqual(decisions, ['allowed', 'implicitDeny'], 'its IAM policy allows kms:Decrypt on the management account keys only');
    const refused = await ask(sandbox.principals.logArchiveReader, admin.arn);
    assert.equal(refused.status, 403);
    assert.equal(refused.errorCode, 'AccessDenied');
  });

  it('hostile policies stay linear: wildcard runs that make a backtracking matcher explode, against a 1 MB context value', async () => {
    const { kms } = sandboxClients(sandbox, { maxAttempts: 1 });
    const policy = {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'Root', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${sandbox.accountId}:root` }, Action: 'kms:*', Resource: '*' },
        {
          Sid: 'Backtracking bait',
          Effect: 'Deny',
          Principal: '*',
          Action: 'kms:Decrypt',
          Resource: `${'*'.repeat(64)}`,
          // As a regular expression (.*a.*a…x) this takes exponential time on a long run of "a" without the "x".
          Condition: { StringLike: { 'kms:EncryptionContext:bait': `${'*a'.repeat(2000)}*x` } },
        },
      ],
    };
    const key = await kms.send(new CreateKeyCommand({ Policy: JSON.stringify(policy) }));
    const roundTrip = async (value: string) => {
      const context = { bait: value };
      const enc = await kms.send(
        new EncryptCommand({ KeyId: key.KeyMetadata!.KeyId, Plaintext: Buffer.from('x'), EncryptionContext: context }),
      );
      return kms.send(new DecryptCommand({ CiphertextBlob: enc.CiphertextBlob, EncryptionContext: context }));
    };
    const out = await roundTrip('a'.repeat(1 << 20));
    assert.equal(Buffer.from(out.Plaintext!).toString(), 'x', 'the Deny does not match without the final x');
    await assert.rejects(roundTrip(`${'a'.repeat(1 << 20)}x`), (e: Failure) => {
      assert.equal(e.name, 'AccessDeniedException');
      assert.match(e.message, /with an explicit deny in a resource-based policy$/);
      return true;
    });
  });
});
