// Keys of the default world (standalone account).
import { createPrivateKey } from 'node:crypto';
import { keyMaterialIdOf, type KmsKey } from '../kms/keys';
import { awsManagedKeyPolicy, defaultKeyPolicy, trailKeyPolicy } from '../kms/policy';
import { PRINCIPALS } from '../principals';
import type { Prng } from '../prng';
import type { SandboxState } from '../state';
import { ACCOUNT_ID, ALIASES, HOME_REGION, KEY_IDS, MANAGEMENT_TRAIL, REGIONS, keyArn, trailArn } from './constants';
import { ASYMMETRIC_KMS_KEY_PEM } from './fixedKeys';
import { MANAGED_SERVICES, managedKeyId } from './records';

/** The default world's keys: the trail key, its retired predecessors, an RSA key, AWS managed keys in both regions. */
export function seedKeys(state: SandboxState, rng: Prng) {
  const created = new Date('2026-10-01T08:55:00Z');
  const make = (region: string, keyId: string, fields: Partial<KmsKey>): KmsKey =>
    state.keys.add({
      keyId,
      arn: keyArn(region, keyId),
      region,
      accountId: ACCOUNT_ID,
      description: '',
      keySpec: 'SYMMETRIC_DEFAULT',
      keyUsage: 'ENCRYPT_DECRYPT',
      state: 'Enabled',
      creationDate: created,
      material: rng.bytes(32),
      policy: defaultKeyPolicy(ACCOUNT_ID),
      rotationEnabled: false,
      keyManager: 'CUSTOMER',
      keyMaterialId: keyMaterialIdOf(keyId),
      ...fields,
    });
  const alias = (region: string, aliasName: string, key: KmsKey) =>
    state.keys.addAlias({ aliasName, targetKeyId: key.keyId, region, accountId: key.accountId, creationDate: key.creationDate });

  const healthy = make(HOME_REGION, KEY_IDS.healthy, {
    description: 'Encrypts CloudTrail log and digest files of the management trail',
    policy: trailKeyPolicy(ACCOUNT_ID, HOME_REGION, trailArn(MANAGEMENT_TRAIL), PRINCIPALS.admin.arn),
    rotationEnabled: true,
  });
  const disabled = make(HOME_REGION, KEY_IDS.disabled, {
    description: 'Former CloudTrail key, disabled after rotation to alias/cloudtrail-logs',
    policy: trailKeyPolicy(ACCOUNT_ID, HOME_REGION, trailArn(MANAGEMENT_TRAIL), PRINCIPALS.admin.arn),
    creationDate: new Date('2025-03-01T10:00:00Z'),
  });
  const pendingDeletion = make(HOME_REGION, KEY_IDS.pendingDeletion, {
    description: 'Oldest CloudTrail key, scheduled for deletion',
    creationDate: new Date('2024-05-01T10:00:00Z'),
  });
  const asymmetric = make(HOME_REGION, KEY_IDS.asymmetric, {
    description: 'RSA key for application envelope encryption (not usable by CloudTrail)',
    keySpec: 'RSA_2048',
    material: undefined,
    rsaPrivateKey: createPrivateKey(ASYMMETRIC_KMS_KEY_PEM),
  });
  alias(HOME_REGION, ALIASES.healthy, healthy);
  alias(HOME_REGION, ALIASES.disabled, disabled);
  alias(HOME_REGION, ALIASES.pendingDeletion, pendingDeletion);
  alias(HOME_REGION, ALIASES.asymmetric, asymmetric);
  for (const region of REGIONS) {
    for (const service of MANAGED_SERVICES) {
      const key = make(region, managedKeyId(region, service), {
        description: `Default key that protects my ${service === 'ebs' ? 'EBS volumes' : service === 'lambda' ? 'Lambda functions' : 'Secrets Manager secrets'} when no other key is defined`,
        keyManager: 'AWS',
        rotationEnabled: true,
        policy: awsManagedKeyPolicy(ACCOUNT_ID, region, service),
      });
      alias(region, `alias/aws/${service}`, key);
    }
  }
  return { healthy, disabled, pendingDeletion, asymmetric };
}
