/** Keys and trails the added worlds create (organization, search, validation), with the fields they all share. */
import type { Trail } from '../cloudtrail/trails';
import { keyMaterialIdOf, type KmsKey } from '../kms/keys';
import type { SandboxState } from '../state';

export interface KeySpec {
  keyId: string;
  alias: string;
  region: string;
  accountId: string;
  description: string;
  policy: string;
  creationDate: Date;
  /** 32 bytes of key material (from the world's PRNG). */
  material: Buffer;
}

/** A symmetric, enabled customer key with rotation on, and its alias. */
export function addKey(state: SandboxState, spec: KeySpec): KmsKey {
  const key = state.keys.add({
    keyId: spec.keyId,
    arn: `arn:aws:kms:${spec.region}:${spec.accountId}:key/${spec.keyId}`,
    region: spec.region,
    accountId: spec.accountId,
    description: spec.description,
    keySpec: 'SYMMETRIC_DEFAULT',
    keyUsage: 'ENCRYPT_DECRYPT',
    state: 'Enabled',
    creationDate: spec.creationDate,
    material: spec.material,
    policy: spec.policy,
    rotationEnabled: true,
    keyManager: 'CUSTOMER',
    keyMaterialId: keyMaterialIdOf(spec.keyId),
  });
  state.keys.addAlias({
    aliasName: spec.alias,
    targetKeyId: key.keyId,
    region: spec.region,
    accountId: spec.accountId,
    creationDate: spec.creationDate,
  });
  return key;
}

/** A logging, multi-region management-events trail. */
export function addTrail(
  state: SandboxState,
  t: Pick<
    Trail,
    'name' | 'arn' | 'accountId' | 'homeRegion' | 'bucket' | 's3KeyPrefix' | 'kmsKeyArn' | 'logFileValidation' | 'startLoggingTime'
  > &
    Partial<Pick<Trail, 'organizationId' | 'latestDeliveryTime' | 'latestDigestDeliveryTime'>>,
): Trail {
  const trail: Trail = { ...t, isMultiRegion: true, includeGlobalServiceEvents: true, hasCustomEventSelectors: false, isLogging: true };
  state.trails.push(trail);
  return trail;
}
