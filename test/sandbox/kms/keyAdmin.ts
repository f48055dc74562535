/** KMS key management: create, describe, list, aliases, policy, rotation status, enable/disable, deletion. */
import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { AwsError } from '../errors';
import { keyMaterialIdOf, type KmsKey } from './keys';
import { defaultKeyPolicy } from './policy';
import { keyMetadata, page, type Handler } from './handler';

export const KEY_ADMIN_HANDLERS: Record<string, Handler> = {
  CreateKey(state, input, ctx, tools) {
    tools.authorizeAccount();
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
    const account = ctx.principal.accountId;
    const keyId = randomUUID();
    const key = state.keys.add({
      keyId,
      arn: `arn:aws:kms:${ctx.region}:${account}:key/${keyId}`,
      region: ctx.region,
      accountId: account,
      description: String(input.Description ?? ''),
      keySpec: keySpec as KmsKey['keySpec'],
      keyUsage: keyUsage as KmsKey['keyUsage'],
      state: 'Enabled',
      creationDate: state.clock.now(),
      material: keySpec === 'SYMMETRIC_DEFAULT' ? randomBytes(32) : undefined,
      // Live CreateKey of an RSA key is generated on demand (the seeded world uses a fixed key instead).
      rsaPrivateKey: keySpec === 'RSA_2048' ? generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey : undefined,
      policy: typeof input.Policy === 'string' ? input.Policy : defaultKeyPolicy(account),
      rotationEnabled: false,
      keyManager: 'CUSTOMER',
      keyMaterialId: keyMaterialIdOf(keyId),
    });
    return { KeyMetadata: keyMetadata(key) };
  },
  DescribeKey(_state, input, _ctx, tools) {
    const key = tools.resolve(input.KeyId);
    tools.authorize(key);
    return { KeyMetadata: keyMetadata(key) };
  },
  ListKeys(state, input, ctx, tools) {
    tools.authorizeAccount();
    const keys = state.keys.keysIn(ctx.region, ctx.principal.accountId).map((k) => ({ KeyId: k.keyId, KeyArn: k.arn }));
    return page(keys, input, 'Keys');
  },
  ListAliases(state, input, ctx, tools) {
    tools.authorizeAccount();
    const account = ctx.principal.accountId;
    const filterKey = input.KeyId ? tools.resolve(input.KeyId) : undefined;
    const aliases = state.keys.aliases
      .filter((a) => a.region === ctx.region && a.accountId === account && (!filterKey || a.targetKeyId === filterKey.keyId))
      .sort((a, b) => (a.aliasName < b.aliasName ? -1 : 1))
      .map((a) => ({
        AliasName: a.aliasName,
        AliasArn: `arn:aws:kms:${a.region}:${account}:${a.aliasName}`,
        TargetKeyId: a.targetKeyId,
        CreationDate: a.creationDate.getTime() / 1000,
        LastUpdatedDate: a.creationDate.getTime() / 1000,
      }));
    return page(aliases, input, 'Aliases');
  },
  CreateAlias(state, input, ctx, tools) {
    const name = String(input.AliasName ?? '');
    if (!/^alias\/[a-zA-Z0-9/_-]+$/.test(name) || name.startsWith('alias/aws/')) {
      throw new AwsError(400, 'ValidationException', `Alias name ${name} is not valid: it must start with alias/ and not alias/aws/`);
    }
    const key = tools.resolve(input.TargetKeyId);
    tools.authorize(key);
    state.keys.addAlias({
      aliasName: name,
      targetKeyId: key.keyId,
      region: ctx.region,
      accountId: ctx.principal.accountId,
      creationDate: state.clock.now(),
    });
    return {};
  },
  GetKeyPolicy(_state, input, _ctx, tools) {
    const key = tools.resolve(input.KeyId);
    tools.authorize(key);
    return { Policy: key.policy, PolicyName: 'default' };
  },
  GetKeyRotationStatus(_state, input, _ctx, tools) {
    const key = tools.resolve(input.KeyId);
    tools.authorize(key);
    if (key.keySpec !== 'SYMMETRIC_DEFAULT') {
      throw new AwsError(400, 'UnsupportedOperationException', `${key.arn} key type is not supported for this operation.`);
    }
    return { KeyRotationEnabled: key.rotationEnabled, KeyId: key.arn, ...(key.rotationEnabled ? { RotationPeriodInDays: 365 } : {}) };
  },
  DisableKey(_state, input, _ctx, tools) {
    const key = tools.resolve(input.KeyId);
    tools.authorize(key);
    if (key.state === 'PendingDeletion') throw new AwsError(400, 'KMSInvalidStateException', `${key.arn} is pending deletion.`);
    key.state = 'Disabled';
    return {};
  },
  EnableKey(_state, input, _ctx, tools) {
    const key = tools.resolve(input.KeyId);
    tools.authorize(key);
    if (key.state === 'PendingDeletion') throw new AwsError(400, 'KMSInvalidStateException', `${key.arn} is pending deletion.`);
    key.state = 'Enabled';
    return {};
  },
  CancelKeyDeletion(_state, input, _ctx, tools) {
    const key = tools.resolve(input.KeyId);
    tools.authorize(key);
    if (key.state !== 'PendingDeletion') throw new AwsError(400, 'KMSInvalidStateException', `${key.arn} is not pending deletion.`);
    // Like KMS: a key whose deletion is cancelled comes back Disabled.
    key.state = 'Disabled';
    key.deletionDate = undefined;
    key.pendingWindowInDays = undefined;
    return { KeyId: key.arn };
  },
  ScheduleKeyDeletion(state, input, _ctx, tools) {
    const key = tools.resolve(input.KeyId);
    tools.authorize(key);
    const days = input.PendingWindowInDays === undefined ? 30 : Number(input.PendingWindowInDays);
    if (!(days >= 7 && days <= 30)) throw new AwsError(400, 'ValidationException', 'PendingWindowInDays must be between 7 and 30');
    if (key.state === 'PendingDeletion') throw new AwsError(400, 'KMSInvalidStateException', `${key.arn} is pending deletion.`);
    key.state = 'PendingDeletion';
    key.pendingWindowInDays = days;
    key.deletionDate = new Date(state.clock.now().getTime() + days * 86_400_000);
    return { KeyId: key.arn, DeletionDate: key.deletionDate.getTime() / 1000, KeyState: 'PendingDeletion', PendingWindowInDays: days };
  },
};
