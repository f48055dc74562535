import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  CancelKeyDeletionCommand,
  CreateAliasCommand,
  CreateKeyCommand,
  EnableKeyCommand,
  GenerateDataKeyWithoutPlaintextCommand,
  DecryptCommand,
  DescribeKeyCommand,
  DisableKeyCommand,
  EncryptCommand,
  GenerateDataKeyCommand,
  GetKeyPolicyCommand,
  GetKeyRotationStatusCommand,
  KMSServiceException,
  ListAliasesCommand,
  ListKeysCommand,
  ScheduleKeyDeletionCommand,
} from '@aws-sdk/client-kms';
import { LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { startSandbox, type Sandbox } from '../sandbox/index';
import { sandboxClients } from './helpers/sandboxClients';

interface KmsEventRecord {
  eventVersion: string;
  eventName: string;
  eventSource: string;
  eventTime: string;
  readOnly: boolean;
  errorCode?: string;
  userIdentity: { arn?: string; invokedBy?: string };
  requestParameters: { encryptionContext?: Record<string, string>; encryptionAlgorithm?: string };
  resources?: unknown;
  additionalEventData?: { keyMaterialId?: string };
}

const rejectsWith = (p: Promise<unknown>, name: string) =>
  assert.rejects(p, (e: KMSServiceException) => {
    assert.equal(e.name, name);
    return true;
  });

describe('sandbox KMS (real SDK v3 client)', () => {
  let sandbox: Sandbox;
  let clients: ReturnType<typeof sandboxClients>;

  before(async () => {
    sandbox = await startSandbox();
    clients = sandboxClients(sandbox);
  });
  after(() => sandbox.stop());

  it('describes the seeded keys by alias, id and ARN', async () => {
    const { kms } = clients;
    const healthy = await kms.send(new DescribeKeyCommand({ KeyId: 'alias/cloudtrail-logs' }));
    assert.equal(healthy.KeyMetadata?.Arn, sandbox.world.keys.healthy.arn);
    assert.equal(healthy.KeyMetadata?.KeySpec, 'SYMMETRIC_DEFAULT');
    assert.equal(healthy.KeyMetadata?.KeyState, 'Enabled');
    assert.ok(healthy.KeyMetadata?.CreationDate instanceof Date);
    const byArn = await kms.send(new DescribeKeyCommand({ KeyId: sandbox.world.keys.disabled.arn }));
    assert.equal(byArn.KeyMetadata?.KeyState, 'Disabled');
    assert.equal(byArn.KeyMetadata?.Enabled, false);
    const pending = await kms.send(new DescribeKeyCommand({ KeyId: sandbox.world.keys.pendingDeletion.keyId }));
    assert.equal(pending.KeyMetadata?.KeyState, 'PendingDeletion');
    assert.ok(pending.KeyMetadata?.DeletionDate instanceof Date);
    const rsa = await kms.send(
      new DescribeKeyCommand({ KeyId: `arn:aws:kms:us-west-2:${sandbox.accountId}:${sandbox.world.keys.asymmetric.alias}` }),
    );
    assert.equal(rsa.KeyMetadata?.KeySpec, 'RSA_2048');
    assert.equal(rsa.KeyMetadata?.KeyUsage, 'ENCRYPT_DECRYPT');
    assert.deepEqual(rsa.KeyMetadata?.EncryptionAlgorithms, ['RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256']);
    await rejectsWith(kms.send(new DescribeKeyCommand({ KeyId: 'alias/nope' })), 'NotFoundException');
  });

  it('keys are regional: the us-west-2 key is not found from eu-central-1', async () => {
    const eu = sandboxClients(sandbox, { region: 'eu-central-1' }).kms;
    await rejectsWith(eu.send(new DescribeKeyCommand({ KeyId: sandbox.world.keys.healthy.arn })), 'NotFoundException');
    const aliases = await eu.send(new ListAliasesCommand({}));
    assert.deepEqual(
      aliases.Aliases?.map((a) => a.AliasName),
      ['alias/aws/ebs', 'alias/aws/lambda', 'alias/aws/secretsmanager'],
    );
  });

  it('lists keys and aliases with paging', async () => {
    const { kms } = clients;
    const first = await kms.send(new ListKeysCommand({ Limit: 3 }));
    assert.equal(first.Keys?.length, 3);
    assert.equal(first.Truncated, true);
    const second = await kms.send(new ListKeysCommand({ Limit: 100, Marker: first.NextMarker }));
    assert.equal(second.Truncated, false);
    assert.equal(first.Keys!.length + second.Keys!.length, 7);
    const aliases = await kms.send(new ListAliasesCommand({ KeyId: sandbox.world.keys.healthy.keyId }));
    assert.deepEqual(
      aliases.Aliases?.map((a) => a.AliasName),
      ['alias/cloudtrail-logs'],
    );
    assert.equal(aliases.Aliases?.[0].TargetKeyId, sandbox.world.keys.healthy.keyId);
  });

  it('serves the CloudTrail key policy and rotation status', async () => {
    const { kms } = clients;
    const policy = await kms.send(new GetKeyPolicyCommand({ KeyId: sandbox.world.keys.healthy.keyId, PolicyName: 'default' }));
    const doc = JSON.parse(policy.Policy!) as {
      Statement: Array<{ Sid: string; Principal: unknown; Action: unknown; Condition?: Record<string, Record<string, string>> }>;
    };
    const encrypt = doc.Statement.find((s) => s.Sid === 'Allow CloudTrail to encrypt logs');
    assert.deepEqual(encrypt?.Principal, { Service: 'cloudtrail.amazonaws.com' });
    assert.equal(encrypt?.Action, 'kms:GenerateDataKey*');
    assert.equal(
      encrypt?.Condition?.StringLike['kms:EncryptionContext:aws:cloudtrail:arn'],
      `arn:aws:cloudtrail:*:${sandbox.accountId}:trail/*`,
    );
    assert.ok(doc.Statement.some((s) => s.Sid === 'Allow CloudTrail to describe key'));
    assert.ok(doc.Statement.some((s) => s.Sid === 'Allow principals in the account to decrypt log files'));
    const rotation = await kms.send(new GetKeyRotationStatusCommand({ KeyId: sandbox.world.keys.healthy.keyId }));
    assert.equal(rotation.KeyRotationEnabled, true);
    await rejectsWith(
      kms.send(new GetKeyRotationStatusCommand({ KeyId: sandbox.world.keys.asymmetric.keyId })),
      'UnsupportedOperationException',
    );
  });

  it('envelope encryption: GenerateDataKey + Decrypt with the same context; a wrong context fails', async () => {
    const { kms } = clients;
    const context = { 'aws:cloudtrail:arn': sandbox.world.trails.management.arn, purpose: 'test' };
    const dk = await kms.send(
      new GenerateDataKeyCommand({ KeyId: 'alias/cloudtrail-logs', KeySpec: 'AES_256', EncryptionContext: context }),
    );
    assert.equal(dk.Plaintext?.length, 32);
    assert.equal(dk.KeyId, sandbox.world.keys.healthy.arn);
    const back = await kms.send(
      new DecryptCommand({
        CiphertextBlob: dk.CiphertextBlob,
        EncryptionContext: { purpose: 'test', 'aws:cloudtrail:arn': sandbox.world.trails.management.arn },
      }),
    );
    assert.deepEqual(Buffer.from(back.Plaintext!), Buffer.from(dk.Plaintext!));
    assert.equal(back.KeyId, sandbox.world.keys.healthy.arn);
    await rejectsWith(
      kms.send(new DecryptCommand({ CiphertextBlob: dk.CiphertextBlob, EncryptionContext: { purpose: 'other' } })),
      'InvalidCiphertextException',
    );
    await rejectsWith(kms.send(new DecryptCommand({ CiphertextBlob: dk.CiphertextBlob })), 'InvalidCiphertextException');
    await rejectsWith(
      kms.send(
        new DecryptCommand({ CiphertextBlob: dk.CiphertextBlob, EncryptionContext: context, KeyId: sandbox.world.keys.disabled.keyId }),
      ),
      'IncorrectKeyException',
    );
  });

  it('Encrypt/Decrypt symmetric and RSA; asymmetric keys refuse GenerateDataKey', async () => {
    const { kms } = clients;
    const enc = await kms.send(
      new EncryptCommand({ KeyId: 'alias/cloudtrail-logs', Plaintext: Buffer.from('secret'), EncryptionContext: { a: 'b' } }),
    );
    const dec = await kms.send(new DecryptCommand({ CiphertextBlob: enc.CiphertextBlob, EncryptionContext: { a: 'b' } }));
    assert.equal(Buffer.from(dec.Plaintext!).toString(), 'secret');
    const rsaEnc = await kms.send(
      new EncryptCommand({
        KeyId: sandbox.world.keys.asymmetric.alias,
        Plaintext: Buffer.from('rsa'),
        EncryptionAlgorithm: 'RSAES_OAEP_SHA_256',
      }),
    );
    const rsaDec = await kms.send(
      new DecryptCommand({
        KeyId: sandbox.world.keys.asymmetric.keyId,
        CiphertextBlob: rsaEnc.CiphertextBlob,
        EncryptionAlgorithm: 'RSAES_OAEP_SHA_256',
      }),
    );
    assert.equal(Buffer.from(rsaDec.Plaintext!).toString(), 'rsa');
    await rejectsWith(
      kms.send(new GenerateDataKeyCommand({ KeyId: sandbox.world.keys.asymmetric.keyId, KeySpec: 'AES_256' })),
      'InvalidKeyUsageException',
    );
  });

  it('disabled and pending-deletion keys refuse cryptography', async () => {
    const { kms } = clients;
    await rejectsWith(
      kms.send(new GenerateDataKeyCommand({ KeyId: sandbox.world.keys.disabled.alias, KeySpec: 'AES_256' })),
      'DisabledException',
    );
    await rejectsWith(
      kms.send(new EncryptCommand({ KeyId: sandbox.world.keys.pendingDeletion.alias, Plaintext: Buffer.from('x') })),
      'KMSInvalidStateException',
    );
  });

  it('CreateKey, CreateAlias, DisableKey and ScheduleKeyDeletion change what DescribeKey and crypto see', async () => {
    const { kms } = clients;
    const created = await kms.send(new CreateKeyCommand({ Description: 'test key' }));
    const keyId = created.KeyMetadata!.KeyId!;
    await kms.send(new CreateAliasCommand({ AliasName: 'alias/test-key', TargetKeyId: keyId }));
    const enc = await kms.send(new EncryptCommand({ KeyId: 'alias/test-key', Plaintext: Buffer.from('x') }));
    await kms.send(new DisableKeyCommand({ KeyId: keyId }));
    await rejectsWith(kms.send(new DecryptCommand({ CiphertextBlob: enc.CiphertextBlob })), 'DisabledException');
    const scheduled = await kms.send(new ScheduleKeyDeletionCommand({ KeyId: keyId, PendingWindowInDays: 7 }));
    assert.equal(scheduled.KeyState, 'PendingDeletion');
    await rejectsWith(kms.send(new DecryptCommand({ CiphertextBlob: enc.CiphertextBlob })), 'KMSInvalidStateException');
    const rsa = await kms.send(new CreateKeyCommand({ KeySpec: 'RSA_2048', KeyUsage: 'SIGN_VERIFY' }));
    assert.equal(rsa.KeyMetadata?.KeyUsage, 'SIGN_VERIFY');
    assert.ok(rsa.KeyMetadata?.SigningAlgorithms?.includes('RSASSA_PKCS1_V1_5_SHA_256'));
    await rejectsWith(kms.send(new CreateAliasCommand({ AliasName: 'alias/test-key', TargetKeyId: keyId })), 'AlreadyExistsException');

    // Cancelled deletion leaves the key Disabled; EnableKey brings it back.
    await kms.send(new CancelKeyDeletionCommand({ KeyId: keyId }));
    assert.equal((await kms.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata?.KeyState, 'Disabled');
    await kms.send(new EnableKeyCommand({ KeyId: keyId }));
    const again = await kms.send(new DecryptCommand({ CiphertextBlob: enc.CiphertextBlob }));
    assert.equal(Buffer.from(again.Plaintext!).toString(), 'x');
    const noPlain = await kms.send(
      new GenerateDataKeyWithoutPlaintextCommand({ KeyId: keyId, NumberOfBytes: 64, EncryptionContext: { 'aws:ebs:id': 'vol-1' } }),
    );
    assert.equal((noPlain as { Plaintext?: unknown }).Plaintext, undefined);
    assert.equal(
      Buffer.from(
        (await kms.send(new DecryptCommand({ CiphertextBlob: noPlain.CiphertextBlob, EncryptionContext: { 'aws:ebs:id': 'vol-1' } })))
          .Plaintext!,
      ).length,
      64,
    );
  });

  it('auditor may describe but not decrypt (AccessDeniedException naming the key)', async () => {
    const auditor = sandboxClients(sandbox, { principal: sandbox.principals.auditor }).kms;
    await auditor.send(new DescribeKeyCommand({ KeyId: 'alias/cloudtrail-logs' }));
    const enc = await clients.kms.send(new EncryptCommand({ KeyId: 'alias/cloudtrail-logs', Plaintext: Buffer.from('x') }));
    await assert.rejects(auditor.send(new DecryptCommand({ CiphertextBlob: enc.CiphertextBlob })), (e: KMSServiceException) => {
      assert.equal(e.name, 'AccessDeniedException');
      assert.match(
        e.message,
        /auditor is not authorized to perform: kms:Decrypt on resource: arn:aws:kms:us-west-2:111122223333:key\/1234abcd/,
      );
      return true;
    });
  });

  it('every KMS call (served, or made by S3 for a reader) becomes a CloudTrail event LookupEvents finds', async () => {
    const { kms, cloudtrail } = clients;
    const context = { marker: `lookup-${Date.now()}` };
    const enc = await kms.send(
      new EncryptCommand({ KeyId: 'alias/cloudtrail-logs', Plaintext: Buffer.from('x'), EncryptionContext: context }),
    );
    await kms.send(new DecryptCommand({ CiphertextBlob: enc.CiphertextBlob, EncryptionContext: context }));
    const events = await cloudtrail.send(
      new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'Decrypt' }], MaxResults: 5 }),
    );
    const record = JSON.parse(events.Events![0].CloudTrailEvent!) as KmsEventRecord;
    assert.equal(record.eventVersion, '1.11');
    assert.equal(record.eventSource, 'kms.amazonaws.com');
    assert.deepEqual(record.requestParameters.encryptionContext, context);
    assert.equal(record.requestParameters.encryptionAlgorithm, 'SYMMETRIC_DEFAULT');
    assert.equal(record.userIdentity.arn, sandbox.principals.admin.arn);
    assert.deepEqual(record.resources, [{ accountId: sandbox.accountId, type: 'AWS::KMS::Key', ARN: sandbox.world.keys.healthy.arn }]);
    assert.match(record.additionalEventData?.keyMaterialId ?? '', /^[0-9a-f]{64}$/);
    assert.equal(record.readOnly, true);
    assert.ok(Date.parse(record.eventTime) >= sandbox.world.now.getTime());
    assert.equal(events.Events![0].Username, 'cloudtrail-admin');
    assert.deepEqual(events.Events![0].Resources, [{ ResourceType: 'AWS::KMS::Key', ResourceName: sandbox.world.keys.healthy.arn }]);

    // S3 reading an SSE-KMS log for the auditor: a failed Decrypt on their behalf, context naming that very file.
    const logKey = sandbox.world.logKeys['us-west-2']['2026-11-26'][3];
    const auditor = sandboxClients(sandbox, { principal: sandbox.principals.auditor }).s3;
    await assert.rejects(auditor.send(new GetObjectCommand({ Bucket: sandbox.world.buckets.logs.name, Key: logKey })));
    const byAuditor = await cloudtrail.send(
      new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: 'Username', AttributeValue: 'auditor' }], MaxResults: 1 }),
    );
    const denied = JSON.parse(byAuditor.Events![0].CloudTrailEvent!) as KmsEventRecord;
    assert.equal(denied.eventName, 'Decrypt');
    assert.equal(denied.errorCode, 'AccessDenied');
    assert.equal(denied.userIdentity.invokedBy, 'AWS Internal');
    assert.deepEqual(denied.requestParameters.encryptionContext, {
      'aws:cloudtrail:arn': sandbox.world.trails.management.arn,
      'aws:s3:arn': `arn:aws:s3:::${sandbox.world.buckets.logs.name}/${logKey}`,
    });
  });
});
