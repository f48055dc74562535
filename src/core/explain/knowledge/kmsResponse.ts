/** responseElements of KMS events; keyMetadata once, reused for ReplicateKey's replicaKeyMetadata. */
import { DOCS, kmsApiDoc as api } from './docs';
import { field as f } from './field';
import type { FieldDoc, FieldTable } from './types';
import {
  EXPIRATION_MODELS,
  KEY_MANAGERS,
  KEY_STATES,
  KEY_USAGES,
  MULTI_REGION_KEY_TYPES,
  ORIGINS,
  SYMMETRIC_AND_ASYMMETRIC_SPECS,
} from './kmsValues';

const D = api('DescribeKey');
const MR = DOCS.kmsMultiRegion;
const STORE = DOCS.kmsCustomKeyStore;
const ACCOUNT = f('Account that owns the key', 'The 12-digit account the key belongs to.', 'string', D);

/** The members of KeyMetadata (DescribeKey, CreateKey, ReplicateKey), relative to the metadata object. */
export const KEY_METADATA: FieldTable = {
  AWSAccountId: ACCOUNT,
  aWSAccountId: { ...ACCOUNT, meaning: `${ACCOUNT.meaning} Events spell the name aWSAccountId.` },
  keyId: f('Key ID', 'The unique ID of the key (a UUID; mrk-… for multi-Region keys).', 'string', D),
  arn: f('Key ARN', 'The ARN of the key (arn:aws:kms:<region>:<account>:key/<key id>).', 'string', D),
  creationDate: f('When the key was created', 'Creation time (logged as a locale-formatted text).', 'string', D),
  enabled: f('Whether the key is enabled', 'Whether the key can be used for cryptographic operations now.', 'boolean', D, {
    true: 'The key is enabled.',
    false: 'The key is not usable yet, or disabled (see keyState).',
  }),
  description: f('Key description', 'The free-text description of the key.', 'string', D),
  keyUsage: f('What the key is for', 'The cryptographic operations the key allows.', 'string', D, KEY_USAGES),
  keyState: f('State of the key', 'Whether the key can be used, and if not why.', 'string', DOCS.kmsKeyState, KEY_STATES),
  origin: f(
    'Where the key material comes from',
    'Who generates and holds the key material: KMS itself, you (imported), a CloudHSM cluster or an external key manager.',
    'string',
    D,
    ORIGINS,
  ),
  keyManager: f('Who manages the key', 'Whether you manage the key or an AWS service does.', 'string', DOCS.kmsConcepts, KEY_MANAGERS),
  keySpec: f(
    'Kind of key',
    'The type of the key material: symmetric, RSA, elliptic curve, HMAC, ML-DSA…',
    'string',
    DOCS.kmsKeySpecs,
    SYMMETRIC_AND_ASYMMETRIC_SPECS,
  ),
  customerMasterKeySpec: f(
    'Kind of key (old name)',
    'The older name of keySpec; same values.',
    'string',
    DOCS.kmsKeySpecs,
    SYMMETRIC_AND_ASYMMETRIC_SPECS,
  ),
  encryptionAlgorithms: f(
    'Encryption algorithms the key supports',
    'The algorithms this key can encrypt and decrypt with.',
    'array of strings',
    D,
  ),
  signingAlgorithms: f('Signing algorithms the key supports', 'The algorithms this key can sign with.', 'array of strings', D),
  macAlgorithms: f('MAC algorithms the key supports', 'The HMAC algorithms this key can compute.', 'array of strings', D),
  keyAgreementAlgorithms: f('Key agreement algorithms', 'The algorithms this key can derive shared secrets with.', 'array of strings', D),
  multiRegion: f('Multi-Region key', 'Whether the key is a multi-Region key.', 'boolean', MR, {
    true: 'A multi-Region key.',
    false: 'A single-Region key.',
  }),
  multiRegionConfiguration: f(
    'Multi-Region configuration',
    'Whether this key is the primary or a replica, and where the others are.',
    'object',
    MR,
  ),
  'multiRegionConfiguration.multiRegionKeyType': f(
    'Primary or replica',
    'The role of this key in its multi-Region key.',
    'string',
    MR,
    MULTI_REGION_KEY_TYPES,
  ),
  'multiRegionConfiguration.primaryKey': f('The primary key', 'The ARN and Region of the primary key.', 'object', MR),
  'multiRegionConfiguration.primaryKey.arn': f('ARN of the primary key', 'The key ARN of the primary key.', 'string', MR),
  'multiRegionConfiguration.primaryKey.region': f('Region of the primary key', 'The Region of the primary key.', 'string', MR),
  'multiRegionConfiguration.replicaKeys': f('The replica keys', 'The ARN and Region of each replica.', 'array', MR),
  'multiRegionConfiguration.replicaKeys[]': f('A replica key', 'One replica: its ARN and Region.', 'object', MR),
  'multiRegionConfiguration.replicaKeys[].arn': f('ARN of a replica', 'The key ARN of a replica key.', 'string', MR),
  'multiRegionConfiguration.replicaKeys[].region': f('Region of a replica', 'The Region of a replica key.', 'string', MR),
  customKeyStoreId: f('Custom key store', 'The custom key store that holds the key material.', 'string', STORE),
  cloudHsmClusterId: f('CloudHSM cluster', 'The AWS CloudHSM cluster that holds the key material.', 'string', STORE),
  xksKeyConfiguration: f('External key', 'Where the key material is in the external key manager.', 'object', STORE),
  'xksKeyConfiguration.id': f('External key ID', 'The ID of the key in the external key manager.', 'string', STORE),
  deletionDate: f('Deletion date', 'When the key will be deleted (only for keys pending deletion).', 'string', D),
  pendingDeletionWindowInDays: f(
    'Waiting period of a primary key',
    'Days a multi-Region primary key waits after its replicas are deleted.',
    'number',
    MR,
  ),
  validTo: f('Expiry of imported key material', 'When the imported key material expires.', 'string', D),
  expirationModel: f('Whether key material expires', 'Whether imported key material expires.', 'string', D, EXPIRATION_MODELS),
  currentKeyMaterialId: f('Current key material', 'The key material version KMS encrypts with now.', 'string', D),
};

function under(prefix: string, table: FieldTable): Record<string, FieldDoc> {
  const out: Record<string, FieldDoc> = {};
  for (const [name, doc] of Object.entries(table)) out[`${prefix}.${name}`] = doc;
  return out;
}

export const KMS_RESPONSE_FIELDS: FieldTable = {
  keyId: f(
    'The key, as KMS resolved it',
    'The ARN of the KMS key the operation used (logged since December 2022 even where the API returns none).',
    'string',
    api('DisableKey'),
  ),
  keyMetadata: f('Metadata of the key', 'The properties of the created or described key.', 'object', D),
  ...under('keyMetadata', KEY_METADATA),
  replicaKeyMetadata: f(
    'Metadata of the new replica',
    'The properties of the replica key ReplicateKey created (same members as keyMetadata).',
    'object',
    api('ReplicateKey'),
  ),
  ...under('replicaKeyMetadata', KEY_METADATA),
  replicaPolicy: f(
    'Key policy of the replica',
    'The key policy (a JSON document) of the new replica key; it can differ from the primary key’s policy.',
    'string',
    api('ReplicateKey'),
  ),
  replicaTags: f('Tags of the replica', 'The tags of the new replica key.', 'array', api('ReplicateKey')),
  keyState: f('State of the key', 'The key’s state after the operation.', 'string', DOCS.kmsKeyState, KEY_STATES),
  deletionDate: f(
    'When the key will be deleted',
    'The date the waiting period ends and KMS deletes the key.',
    'string',
    api('ScheduleKeyDeletion'),
  ),
  pendingWindowInDays: f('Waiting period', 'The waiting period in days before KMS deletes the key.', 'number', api('ScheduleKeyDeletion')),
  grantId: f('ID of the new grant', 'The identifier of the grant that was created.', 'string', api('CreateGrant')),
  grantToken: f(
    'Token of the new grant',
    'The token that lets the grantee use the grant before it has propagated.',
    'string',
    api('CreateGrant'),
  ),
  customKeyStoreId: f('ID of the custom key store', 'The identifier (cks-…) of the custom key store.', 'string', STORE),
  keyMaterialId: f(
    'Key material version',
    'The identifier (64 hex characters) of the key material the call created or removed.',
    'string',
    DOCS.kmsImport,
  ),
  keyOrigin: f(
    'Origin of the key material',
    'Where the key material that derived the secret comes from.',
    'string',
    api('DeriveSharedSecret'),
    ORIGINS,
  ),
};
