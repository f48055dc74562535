import { constants, createPublicKey, generateKeyPairSync, privateDecrypt, publicEncrypt, randomBytes, randomUUID } from 'node:crypto';
import { AwsError } from '../errors';
import { isAllowed, notAuthorizedMessage } from '../principals';
import type { RequestContext, SandboxState } from '../state';
import { kmsEventRecord } from '../cloudtrail/events';
import { keyMaterialIdOf, type KmsKey } from './keys';
import { defaultKeyPolicy } from './policy';

type Json = Record<string, unknown>;

const READ_ONLY = new Set([
  'DescribeKey',
  'ListKeys',
  'ListAliases',
  'GetKeyPolicy',
  'GetKeyRotationStatus',
  'GenerateDataKey',
  'GenerateDataKeyWithoutPlaintext',
  'Encrypt',
  'Decrypt',
]);

/** KMS (awsJson1_1, `TrentService.*`). Every call, allowed or not, becomes a CloudTrail event. */
export function handleKms(state: SandboxState, operation: string, input: Json, ctx: RequestContext): Json {
  const handler = HANDLERS[operation];
  if (!handler) throw new AwsError(400, 'UnknownOperationException', `Operation ${operation} is not supported by the sandbox`);
  let keyArn: string | undefined;
  let keyMaterialId: string | undefined;
  const requestParameters = loggedParameters(operation, input);
  const record = (error?: AwsError, responseElements?: Json | null) =>
    state.events.add(
      kmsEventRecord(
        {
          time: state.clock.now(),
          region: ctx.region,
          eventName: operation,
          caller: { kind: 'user', principal: ctx.principal, sourceIPAddress: ctx.sourceIp, userAgent: ctx.userAgent.slice(0, 1024) },
          requestParameters,
          responseElements: responseElements ?? null,
          keyArn,
          keyMaterialId,
          readOnly: READ_ONLY.has(operation),
          errorCode: error?.code,
          errorMessage: error?.message,
          requestID: ctx.requestId,
        },
        state.accountId,
      ),
    );
  try {
    const result = handler(state, input, ctx, (key) => {
      keyArn = key.arn;
      keyMaterialId = key.keyMaterialId;
      if (!isAllowed(ctx.principal, `kms:${operation}`)) {
        throw new AwsError(400, 'AccessDeniedException', notAuthorizedMessage(ctx.principal, `kms:${operation}`, key.arn));
      }
    });
    record(undefined, READ_ONLY.has(operation) ? null : responseOf(operation, result, keyArn));
    return result;
  } catch (e) {
    if (e instanceof AwsError) record(e);
    throw e;
  }
}

type Authorize = (key: KmsKey) => void;
type Handler = (state: SandboxState, input: Json, ctx: RequestContext, authorize: Authorize) => Json;

function requireAccountAction(ctx: RequestContext, operation: string, state: SandboxState): void {
  if (!isAllowed(ctx.principal, `kms:${operation}`)) {
    throw new AwsError(
      400,
      'AccessDeniedException',
      notAuthorizedMessage(ctx.principal, `kms:${operation}`, `arn:aws:kms:${ctx.region}:${state.accountId}:*`),
    );
  }
}

const HANDLERS: Record<string, Handler> = {
  CreateKey(state, input, ctx) {
    requireAccountAction(ctx, 'CreateKey', state);
    const keySpec = String(input.KeySpec ?? input.CustomerMasterKeySpec ?? 'SYMMETRIC_DEFAULT');
    const keyUsage = String(input.KeyUsage ?? 'ENCRYPT_DECRYPT');
    if (keySpec !== 'SYMMETRIC_DEFAULT' && keySpec !== 'RSA_2048') {
      throw new AwsError(400, 'ValidationException', `The sandbox supports KeySpec SYMMETRIC_DEFAULT and RSA_2048, not ${keySpec}`);
    }
    if (keyUsage !== 'ENCRYPT_DECRYPT' && keyUsage !== 'SIGN_VERIFY') {
      throw new AwsError(400, 'ValidationException', `KeyUsage ${keyUsage} is not supported by the sandbox`);
    }
    if (keySpec === 'SYMMETRIC_DEFAULT' && keyUsage !== 'ENCRYPT_DECRYPT') {
      throw new AwsError(400, 'ValidationException', 'KeyUsage must be ENCRYPT_DECRYPT for SYMMETRIC_DEFAULT keys');
    }
    const keyId = randomUUID();
    const arn = `arn:aws:kms:${ctx.region}:${state.accountId}:key/${keyId}`;
    const key = state.keys.add({
      keyId,
      arn,
      region: ctx.region,
      accountId: state.accountId,
      description: String(input.Description ?? ''),
      keySpec: keySpec as KmsKey['keySpec'],
      keyUsage: keyUsage as KmsKey['keyUsage'],
      state: 'Enabled',
      creationDate: state.clock.now(),
      material: keySpec === 'SYMMETRIC_DEFAULT' ? randomBytes(32) : undefined,
      rsaPrivateKey: keySpec === 'RSA_2048' ? generateRsa() : undefined,
      policy: typeof input.Policy === 'string' ? input.Policy : defaultKeyPolicy(state.accountId),
      rotationEnabled: false,
      keyManager: 'CUSTOMER',
      keyMaterialId: keyMaterialIdOf(keyId),
    });
    return { KeyMetadata: keyMetadata(key) };
  },
  DescribeKey(state, input, ctx, authorize) {
    const key = state.keys.resolve(ctx.region, input.KeyId as string);
    authorize(key);
    return { KeyMetadata: keyMetadata(key) };
  },
  ListKeys(state, input, ctx) {
    requireAccountAction(ctx, 'ListKeys', state);
    const keys = state.keys.keysIn(ctx.region).map((k) => ({ KeyId: k.keyId, KeyArn: k.arn }));
    return page(keys, input, 'Keys');
  },
  ListAliases(state, input, ctx) {
    requireAccountAction(ctx, 'ListAliases', state);
    const filterKey = input.KeyId ? state.keys.resolve(ctx.region, input.KeyId as string) : undefined;
    const aliases = state.keys.aliases
      .filter((a) => a.region === ctx.region && (!filterKey || a.targetKeyId === filterKey.keyId))
      .sort((a, b) => (a.aliasName < b.aliasName ? -1 : 1))
      .map((a) => ({
        AliasName: a.aliasName,
        AliasArn: `arn:aws:kms:${a.region}:${state.accountId}:${a.aliasName}`,
        TargetKeyId: a.targetKeyId,
        CreationDate: a.creationDate.getTime() / 1000,
        LastUpdatedDate: a.creationDate.getTime() / 1000,
      }));
    return page(aliases, input, 'Aliases');
  },
  CreateAlias(state, input, ctx, authorize) {
    const name = String(input.AliasName ?? '');
    if (!/^alias\/[a-zA-Z0-9/_-]+$/.test(name) || name.startsWith('alias/aws/')) {
      throw new AwsError(400, 'ValidationException', `Alias name ${name} is not valid: it must start with alias/ and not alias/aws/`);
    }
    const key = state.keys.resolve(ctx.region, input.TargetKeyId as string);
    authorize(key);
    state.keys.addAlias({ aliasName: name, targetKeyId: key.keyId, region: ctx.region, creationDate: state.clock.now() });
    return {};
  },
  GetKeyPolicy(state, input, ctx, authorize) {
    const key = state.keys.resolve(ctx.region, input.KeyId as string);
    authorize(key);
    return { Policy: key.policy, PolicyName: 'default' };
  },
  GetKeyRotationStatus(state, input, ctx, authorize) {
    const key = state.keys.resolve(ctx.region, input.KeyId as string);
    authorize(key);
    if (key.keySpec !== 'SYMMETRIC_DEFAULT') {
      throw new AwsError(400, 'UnsupportedOperationException', `${key.arn} key type is not supported for this operation.`);
    }
    return { KeyRotationEnabled: key.rotationEnabled, KeyId: key.arn, ...(key.rotationEnabled ? { RotationPeriodInDays: 365 } : {}) };
  },
  GenerateDataKey(state, input, ctx, authorize) {
    const key = state.keys.resolve(ctx.region, input.KeyId as string);
    authorize(key);
    state.keys.assertUsable(key, 'ENCRYPT_DECRYPT', 'GenerateDataKey');
    const length = input.NumberOfBytes !== undefined ? Number(input.NumberOfBytes) : input.KeySpec === 'AES_128' ? 16 : 32;
    if (input.NumberOfBytes === undefined && input.KeySpec === undefined) {
      throw new AwsError(400, 'ValidationException', 'Please specify either number of bytes or key spec.');
    }
    if (!(length >= 1 && length <= 1024)) throw new AwsError(400, 'ValidationException', 'NumberOfBytes must be between 1 and 1024');
    const plaintext = randomBytes(length);
    const blob = state.keys.encryptSymmetric(key, plaintext, context(input));
    return {
      CiphertextBlob: blob.toString('base64'),
      Plaintext: plaintext.toString('base64'),
      KeyId: key.arn,
      KeyMaterialId: key.keyMaterialId,
    };
  },
  GenerateDataKeyWithoutPlaintext(state, input, ctx, authorize) {
    const out = HANDLERS.GenerateDataKey(state, input, ctx, authorize);
    delete out.Plaintext;
    return out;
  },
  Encrypt(state, input, ctx, authorize) {
    const key = state.keys.resolve(ctx.region, input.KeyId as string);
    authorize(key);
    state.keys.assertUsable(key, 'ENCRYPT_DECRYPT', 'Encrypt');
    const plaintext = Buffer.from(String(input.Plaintext ?? ''), 'base64');
    if (plaintext.length === 0 || plaintext.length > 4096)
      throw new AwsError(400, 'ValidationException', 'Plaintext must be 1 to 4096 bytes');
    if (key.keySpec === 'RSA_2048') {
      const algorithm = String(input.EncryptionAlgorithm ?? '');
      if (algorithm !== 'RSAES_OAEP_SHA_256') {
        throw new AwsError(400, 'InvalidKeyUsageException', `The sandbox supports RSAES_OAEP_SHA_256 for ${key.arn}`);
      }
      const ct = publicEncrypt(
        { key: createPublicKey(key.rsaPrivateKey!), oaepHash: 'sha256', padding: constants.RSA_PKCS1_OAEP_PADDING },
        plaintext,
      );
      return { CiphertextBlob: ct.toString('base64'), KeyId: key.arn, EncryptionAlgorithm: algorithm };
    }
    const blob = state.keys.encryptSymmetric(key, plaintext, context(input));
    return { CiphertextBlob: blob.toString('base64'), KeyId: key.arn, EncryptionAlgorithm: 'SYMMETRIC_DEFAULT' };
  },
  Decrypt(state, input, ctx, authorize) {
    const blob = Buffer.from(String(input.CiphertextBlob ?? ''), 'base64');
    if (input.KeyId) {
      const named = state.keys.resolve(ctx.region, input.KeyId as string);
      if (named.keySpec === 'RSA_2048') {
        authorize(named);
        state.keys.assertUsable(named, 'ENCRYPT_DECRYPT', 'Decrypt');
        let plaintext: Buffer;
        try {
          plaintext = privateDecrypt({ key: named.rsaPrivateKey!, oaepHash: 'sha256', padding: constants.RSA_PKCS1_OAEP_PADDING }, blob);
        } catch {
          throw new AwsError(400, 'InvalidCiphertextException', '');
        }
        return { KeyId: named.arn, Plaintext: plaintext.toString('base64'), EncryptionAlgorithm: 'RSAES_OAEP_SHA_256' };
      }
      const key = state.keys.keyOfBlob(blob);
      if (key.keyId !== named.keyId) {
        authorize(named);
        throw new AwsError(
          400,
          'IncorrectKeyException',
          'The key ID in the request does not identify a CMK that can perform this operation.',
        );
      }
    }
    const key = state.keys.keyOfBlob(blob);
    if (key.region !== ctx.region) throw new AwsError(400, 'InvalidCiphertextException', '');
    authorize(key);
    state.keys.assertUsable(key, 'ENCRYPT_DECRYPT', 'Decrypt');
    const plaintext = state.keys.decryptSymmetric(key, blob, context(input));
    return {
      KeyId: key.arn,
      Plaintext: plaintext.toString('base64'),
      EncryptionAlgorithm: 'SYMMETRIC_DEFAULT',
      KeyMaterialId: key.keyMaterialId,
    };
  },
  DisableKey(state, input, ctx, authorize) {
    const key = state.keys.resolve(ctx.region, input.KeyId as string);
    authorize(key);
    if (key.state === 'PendingDeletion') throw new AwsError(400, 'KMSInvalidStateException', `${key.arn} is pending deletion.`);
    key.state = 'Disabled';
    return {};
  },
  EnableKey(state, input, ctx, authorize) {
    const key = state.keys.resolve(ctx.region, input.KeyId as string);
    authorize(key);
    if (key.state === 'PendingDeletion') throw new AwsError(400, 'KMSInvalidStateException', `${key.arn} is pending deletion.`);
    key.state = 'Enabled';
    return {};
  },
  CancelKeyDeletion(state, input, ctx, authorize) {
    const key = state.keys.resolve(ctx.region, input.KeyId as string);
    authorize(key);
    if (key.state !== 'PendingDeletion') throw new AwsError(400, 'KMSInvalidStateException', `${key.arn} is not pending deletion.`);
    // Like KMS: a key whose deletion is cancelled comes back Disabled.
    key.state = 'Disabled';
    key.deletionDate = undefined;
    key.pendingWindowInDays = undefined;
    return { KeyId: key.arn };
  },
  ScheduleKeyDeletion(state, input, ctx, authorize) {
    const key = state.keys.resolve(ctx.region, input.KeyId as string);
    authorize(key);
    const days = input.PendingWindowInDays === undefined ? 30 : Number(input.PendingWindowInDays);
    if (!(days >= 7 && days <= 30)) throw new AwsError(400, 'ValidationException', 'PendingWindowInDays must be between 7 and 30');
    if (key.state === 'PendingDeletion') throw new AwsError(400, 'KMSInvalidStateException', `${key.arn} is pending deletion.`);
    key.state = 'PendingDeletion';
    key.pendingWindowInDays = days;
    key.deletionDate = new Date(state.clock.now().getTime() + days * 86_400_000);
    return { KeyId: key.arn, DeletionDate: key.deletionDate.getTime() / 1000, KeyState: 'PendingDeletion', PendingWindowInDays: days };
  },
};

export function keyMetadata(key: KmsKey): Json {
  const symmetric = key.keySpec === 'SYMMETRIC_DEFAULT';
  return {
    AWSAccountId: key.accountId,
    KeyId: key.keyId,
    Arn: key.arn,
    CreationDate: key.creationDate.getTime() / 1000,
    Enabled: key.state === 'Enabled',
    Description: key.description,
    KeyUsage: key.keyUsage,
    KeyState: key.state,
    ...(key.deletionDate ? { DeletionDate: key.deletionDate.getTime() / 1000, PendingDeletionWindowInDays: key.pendingWindowInDays } : {}),
    Origin: 'AWS_KMS',
    KeyManager: key.keyManager,
    CustomerMasterKeySpec: key.keySpec,
    KeySpec: key.keySpec,
    ...(key.keyUsage === 'ENCRYPT_DECRYPT'
      ? { EncryptionAlgorithms: symmetric ? ['SYMMETRIC_DEFAULT'] : ['RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256'] }
      : {
          SigningAlgorithms: [
            'RSASSA_PSS_SHA_256',
            'RSASSA_PSS_SHA_384',
            'RSASSA_PSS_SHA_512',
            'RSASSA_PKCS1_V1_5_SHA_256',
            'RSASSA_PKCS1_V1_5_SHA_384',
            'RSASSA_PKCS1_V1_5_SHA_512',
          ],
        }),
    MultiRegion: false,
    ...(symmetric ? { CurrentKeyMaterialId: key.keyMaterialId } : {}),
  };
}

function context(input: Json): Record<string, string> | undefined {
  return input.EncryptionContext as Record<string, string> | undefined;
}

function page<T>(items: T[], input: Json, field: string): Json {
  const limit = input.Limit === undefined ? 100 : Number(input.Limit);
  const start = input.Marker ? Number(Buffer.from(String(input.Marker), 'base64').toString()) : 0;
  const slice = items.slice(start, start + limit);
  const truncated = start + limit < items.length;
  return {
    [field]: slice,
    Truncated: truncated,
    ...(truncated ? { NextMarker: Buffer.from(String(start + limit)).toString('base64') } : {}),
  };
}

/** requestParameters as CloudTrail logs them: camelCase members, never plaintext or ciphertext. */
function loggedParameters(operation: string, input: Json): Json | null {
  const out: Json = {};
  for (const [k, v] of Object.entries(input)) {
    if (k === 'Plaintext' || k === 'CiphertextBlob' || k === 'Policy') continue;
    out[k.charAt(0).toLowerCase() + k.slice(1)] = v;
  }
  if (operation === 'Decrypt' && !out.encryptionAlgorithm) out.encryptionAlgorithm = 'SYMMETRIC_DEFAULT';
  return Object.keys(out).length > 0 ? out : null;
}

function responseOf(operation: string, result: Json, keyArn: string | undefined): Json | null {
  if (operation === 'CreateKey') return { keyMetadata: result.KeyMetadata };
  if (operation === 'ScheduleKeyDeletion')
    return {
      keyId: result.KeyId,
      keyState: result.KeyState,
      deletionDate: result.DeletionDate,
      pendingWindowInDays: result.PendingWindowInDays,
    };
  if (operation === 'DisableKey' || operation === 'EnableKey') return { keyId: keyArn ?? null };
  if (operation === 'CancelKeyDeletion') return { keyId: result.KeyId };
  return null;
}

// Live CreateKey of an RSA key is generated on demand (the seeded world uses a fixed key instead).
function generateRsa() {
  return generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
}
