/** AWS KMS operations as they appear in CloudTrail (domain facts §2), their parameters and responses. */
import { DOCS, kmsApiDoc } from './docs';
import type { DocRef, FieldDoc, FieldTable } from './types';

export interface KmsOperation {
  /** What the operation does, one sentence. */
  does: string;
  /** Developer Guide page (without .html) showing its CloudTrail event, where one exists. */
  eventPage?: string;
  /** Cryptographic operations are logged readOnly: true. */
  cryptographic?: boolean;
}

export const KMS_OPERATIONS: Readonly<Record<string, KmsOperation>> = {
  GenerateDataKey: {
    does: 'returns a new data key, both in plaintext (to encrypt data with) and encrypted under the KMS key (to store next to the data)',
    eventPage: 'ct-generatedatakey',
    cryptographic: true,
  },
  GenerateDataKeyWithoutPlaintext: {
    does: 'returns a new data key encrypted under the KMS key only, to be decrypted later when it is needed',
    eventPage: 'ct-generatedatakeyplaintext',
    cryptographic: true,
  },
  GenerateDataKeyPair: {
    does: 'returns a new asymmetric data key pair: the public key, and the private key in plaintext and encrypted under the KMS key',
    eventPage: 'ct-generatedatakeypair',
    cryptographic: true,
  },
  GenerateDataKeyPairWithoutPlaintext: {
    does: 'returns a new asymmetric data key pair whose private key is only returned encrypted under the KMS key',
    eventPage: 'ct-generatedatakeypairwithoutplaintext',
    cryptographic: true,
  },
  Decrypt: {
    does: 'decrypts ciphertext (typically an encrypted data key) that was encrypted under a KMS key',
    eventPage: 'ct-decrypt',
    cryptographic: true,
  },
  Encrypt: { does: 'encrypts up to 4 KB of data directly under the KMS key', eventPage: 'ct-encrypt', cryptographic: true },
  ReEncrypt: {
    does: 'decrypts ciphertext and encrypts it again under another (or the same) KMS key, without exposing the plaintext',
    eventPage: 'ct-reencrypt',
    cryptographic: true,
  },
  GenerateRandom: {
    does: 'returns random bytes from the KMS hardware security modules',
    eventPage: 'ct-generaterandom',
    cryptographic: true,
  },
  GenerateMac: { does: 'computes an HMAC of a message with an HMAC KMS key', eventPage: 'ct-generatemac', cryptographic: true },
  VerifyMac: { does: 'checks an HMAC of a message with an HMAC KMS key', eventPage: 'ct-verifymac', cryptographic: true },
  Sign: { does: 'creates a digital signature with the private key of an asymmetric KMS key', eventPage: 'ct-sign', cryptographic: true },
  Verify: { does: 'verifies a digital signature with an asymmetric KMS key', eventPage: 'ct-verify', cryptographic: true },
  DeriveSharedSecret: {
    does: 'derives a shared secret from the private key of a key-agreement KMS key and a public key',
    cryptographic: true,
  },
  CreateKey: { does: 'creates a KMS key', eventPage: 'ct-createkey' },
  DescribeKey: { does: 'returns the metadata of a KMS key', eventPage: 'ct-describekey' },
  EnableKey: { does: 'enables a disabled KMS key so it can be used again', eventPage: 'ct-enablekey' },
  DisableKey: { does: 'disables a KMS key: cryptographic operations with it fail until it is enabled again', eventPage: 'ct-disablekey' },
  ScheduleKeyDeletion: {
    does: 'schedules the deletion of a KMS key after a waiting period (7 to 30 days); the key cannot be used meanwhile',
    eventPage: 'ct-schedule-key-deletion',
  },
  CancelKeyDeletion: { does: 'cancels a scheduled key deletion (the key is then disabled)', eventPage: 'ct-cancel-key-deletion' },
  DeleteKey: {
    does: 'is the deletion KMS performs itself when the waiting period of a scheduled deletion ends',
    eventPage: 'ct-delete-key',
  },
  EnableKeyRotation: { does: 'turns on automatic rotation of the key material', eventPage: 'ct-enablekeyrotation' },
  DisableKeyRotation: { does: 'turns off automatic rotation of the key material', eventPage: 'ct-disable-key-rotation' },
  RotateKey: {
    does: 'rotates the key material (automatic rotation by KMS, or on demand with RotateKeyOnDemand)',
    eventPage: 'ct-rotatekey',
  },
  RotateKeyOnDemand: { does: 'rotates the key material right away' },
  GetKeyPolicy: { does: 'returns the key policy of a KMS key', eventPage: 'ct-getkeypolicy' },
  PutKeyPolicy: { does: 'replaces the key policy of a KMS key', eventPage: 'ct-put-key-policy' },
  GetKeyRotationStatus: { does: 'tells whether automatic rotation is on' },
  CreateAlias: { does: 'creates an alias (a friendly name) for a KMS key', eventPage: 'ct-createalias' },
  UpdateAlias: { does: 'points an alias at another KMS key', eventPage: 'ct-updatealias' },
  DeleteAlias: { does: 'deletes an alias (the key stays)', eventPage: 'ct-deletealias' },
  ListAliases: { does: 'lists aliases', eventPage: 'ct-listaliases' },
  ListKeys: { does: 'lists KMS keys' },
  ListKeyPolicies: { does: 'lists the names of the key policies of a KMS key (always "default")' },
  ListKeyRotations: { does: 'lists the rotations of the key material of a KMS key that have completed' },
  ListResourceTags: { does: 'lists the tags on a KMS key' },
  CreateGrant: {
    does: 'creates a grant: a permission for a principal to use the key for given operations, often under encryption-context constraints',
    eventPage: 'ct-creategrant',
  },
  ListGrants: { does: 'lists the grants of a KMS key', eventPage: 'ct-listgrants' },
  RetireGrant: { does: 'retires a grant (usually done by the service the grant was for)', eventPage: 'ct-retire-grant' },
  RevokeGrant: { does: 'revokes a grant', eventPage: 'ct-revoke-grant' },
  TagResource: { does: 'adds or changes tags on a KMS key', eventPage: 'ct-tagresource' },
  UntagResource: { does: 'removes tags from a KMS key', eventPage: 'ct-untagresource' },
  UpdateKeyDescription: { does: 'changes the description of a KMS key', eventPage: 'ct-update-key-description' },
  GetParametersForImport: {
    does: 'returns a public wrapping key and an import token for importing key material',
    eventPage: 'ct-getparametersforimport',
  },
  ImportKeyMaterial: { does: 'imports key material into a KMS key created with origin EXTERNAL', eventPage: 'ct-importkeymaterial' },
  DeleteImportedKeyMaterial: { does: 'deletes imported key material from a KMS key' },
  DeleteExpiredKeyMaterial: { does: 'is KMS deleting imported key material when it expires', eventPage: 'ct-deleteexpiredkeymaterial' },
  GetPublicKey: { does: 'returns the public key of an asymmetric KMS key' },
  CreateCustomKeyStore: {
    does: 'creates a custom key store (AWS CloudHSM cluster or external key manager)',
    eventPage: 'ct-create-keystore',
  },
  ConnectCustomKeyStore: { does: 'connects a custom key store to its backing key manager', eventPage: 'ct-connect-keystore' },
  DisconnectCustomKeyStore: { does: 'disconnects a custom key store', eventPage: 'ct-disconnect-keystore' },
  DeleteCustomKeyStore: { does: 'deletes a custom key store', eventPage: 'ct-delete-keystore' },
  DescribeCustomKeyStores: { does: 'describes custom key stores', eventPage: 'ct-describe-keystores' },
  UpdateCustomKeyStore: { does: 'changes the settings of a custom key store', eventPage: 'ct-update-keystore' },
  ReplicateKey: { does: 'creates a replica of a multi-Region key in another Region' },
  UpdatePrimaryRegion: { does: 'makes another replica the primary key of a multi-Region key', eventPage: 'ct-update-primary-region' },
  SynchronizeMultiRegionKey: {
    does: 'is KMS synchronizing the shared properties of a multi-Region key to its replicas',
    eventPage: 'ct-synchronize-multi-region-key',
  },
};

const SYMMETRIC_AND_ASYMMETRIC_SPECS: Readonly<Record<string, string>> = {
  SYMMETRIC_DEFAULT: 'A symmetric 256-bit AES-GCM key, the default; the only kind CloudTrail and S3 SSE-KMS can use.',
  RSA_2048: 'An RSA key pair, 2048-bit.',
  RSA_3072: 'An RSA key pair, 3072-bit.',
  RSA_4096: 'An RSA key pair, 4096-bit.',
  ECC_NIST_P256: 'An elliptic-curve key pair on NIST P-256.',
  ECC_NIST_P384: 'An elliptic-curve key pair on NIST P-384.',
  ECC_NIST_P521: 'An elliptic-curve key pair on NIST P-521.',
  ECC_SECG_P256K1: 'An elliptic-curve key pair on secp256k1 (used for cryptocurrencies).',
  ECC_NIST_EDWARDS25519: 'An Ed25519 key pair for signing.',
  HMAC_224: 'An HMAC key for SHA-224 MACs.',
  HMAC_256: 'An HMAC key for SHA-256 MACs.',
  HMAC_384: 'An HMAC key for SHA-384 MACs.',
  HMAC_512: 'An HMAC key for SHA-512 MACs.',
  SM2: 'An SM2 key pair (China Regions only).',
  ML_DSA_44: 'A post-quantum ML-DSA signing key pair (level 44).',
  ML_DSA_65: 'A post-quantum ML-DSA signing key pair (level 65).',
  ML_DSA_87: 'A post-quantum ML-DSA signing key pair (level 87).',
};

const ENCRYPTION_ALGORITHMS: Readonly<Record<string, string>> = {
  SYMMETRIC_DEFAULT:
    'AES-256-GCM with a symmetric KMS key; the encryption context is bound to the ciphertext as additional authenticated data.',
  RSAES_OAEP_SHA_1: 'RSA OAEP with SHA-1, with an RSA KMS key.',
  RSAES_OAEP_SHA_256: 'RSA OAEP with SHA-256, with an RSA KMS key.',
  SM2PKE: 'SM2 public-key encryption (China Regions only).',
};

const SIGNING_ALGORITHMS: Readonly<Record<string, string>> = {
  RSASSA_PSS_SHA_256: 'RSA PSS signature with SHA-256.',
  RSASSA_PSS_SHA_384: 'RSA PSS signature with SHA-384.',
  RSASSA_PSS_SHA_512: 'RSA PSS signature with SHA-512.',
  RSASSA_PKCS1_V1_5_SHA_256: 'RSA PKCS #1 v1.5 signature with SHA-256.',
  RSASSA_PKCS1_V1_5_SHA_384: 'RSA PKCS #1 v1.5 signature with SHA-384.',
  RSASSA_PKCS1_V1_5_SHA_512: 'RSA PKCS #1 v1.5 signature with SHA-512.',
  ECDSA_SHA_256: 'ECDSA with SHA-256.',
  ECDSA_SHA_384: 'ECDSA with SHA-384.',
  ECDSA_SHA_512: 'ECDSA with SHA-512.',
  ED25519_SHA_512: 'Ed25519 (pure EdDSA) signature.',
  ED25519_PH_SHA_512: 'Ed25519ph (pre-hashed EdDSA) signature.',
  SM2DSA: 'SM2 signature (China Regions only).',
  ML_DSA_SHAKE_256: 'Post-quantum ML-DSA signature.',
};

const KEY_USAGES: Readonly<Record<string, string>> = {
  ENCRYPT_DECRYPT: 'The key encrypts and decrypts (and, when symmetric, makes data keys).',
  SIGN_VERIFY: 'The key signs and verifies signatures.',
  GENERATE_VERIFY_MAC: 'The key computes and checks HMACs.',
  KEY_AGREEMENT: 'The key derives shared secrets.',
};

const ORIGINS: Readonly<Record<string, string>> = {
  AWS_KMS: 'KMS generated the key material (the default).',
  EXTERNAL: 'You import the key material yourself (BYOK); the key waits in PendingImport until you do.',
  AWS_CLOUDHSM: 'The key material lives in an AWS CloudHSM cluster you own (a CloudHSM key store).',
  EXTERNAL_KEY_STORE: 'The key material lives in an external key manager outside AWS (an external key store, XKS).',
};

const KEY_STATES: Readonly<Record<string, string>> = {
  Creating: 'The key is being created.',
  Enabled: 'The key can be used.',
  Disabled: 'The key is disabled; cryptographic operations with it fail until it is enabled.',
  PendingDeletion: 'The key is scheduled for deletion and cannot be used; the deletion can still be cancelled.',
  PendingReplicaDeletion: 'A multi-Region primary key waits for its replicas to be deleted before its own waiting period starts.',
  PendingImport: 'The key has no key material yet (origin EXTERNAL); import it to use the key.',
  Unavailable: 'The key store is disconnected, so the key cannot be used right now.',
  Updating: 'The key is being updated (for example a multi-Region primary change).',
};

const DATA_KEY_SPECS: Readonly<Record<string, string>> = {
  AES_256: 'A 256-bit (32-byte) AES data key; what CloudTrail, S3 and most services request.',
  AES_128: 'A 128-bit (16-byte) AES data key.',
};

const KEY_PAIR_SPECS: Readonly<Record<string, string>> = {
  RSA_2048: 'An RSA data key pair, 2048-bit.',
  RSA_3072: 'An RSA data key pair, 3072-bit.',
  RSA_4096: 'An RSA data key pair, 4096-bit.',
  ECC_NIST_P256: 'An elliptic-curve data key pair on P-256.',
  ECC_NIST_P384: 'An elliptic-curve data key pair on P-384.',
  ECC_NIST_P521: 'An elliptic-curve data key pair on P-521.',
  ECC_SECG_P256K1: 'An elliptic-curve data key pair on secp256k1.',
  SM2: 'An SM2 data key pair (China Regions only).',
};

const MAC_ALGORITHMS: Readonly<Record<string, string>> = {
  HMAC_SHA_224: 'HMAC with SHA-224.',
  HMAC_SHA_256: 'HMAC with SHA-256.',
  HMAC_SHA_384: 'HMAC with SHA-384.',
  HMAC_SHA_512: 'HMAC with SHA-512.',
};

const GRANT_OPERATIONS_NOTE =
  'The operations the grantee may perform with the key (Decrypt, Encrypt, GenerateDataKey, CreateGrant, RetireGrant, …).';

const API = (op: string): DocRef => kmsApiDoc(op);
const GDK = API('GenerateDataKey');

function p(title: string, meaning: string, type: string, doc: DocRef, values?: Readonly<Record<string, string>>): FieldDoc {
  return values ? { title, meaning, type, doc, values } : { title, meaning, type, doc };
}

/** requestParameters of KMS events, by member name (the same name means the same thing across operations). */
export const KMS_REQUEST_PARAMS: FieldTable = {
  keyId: p(
    'The KMS key the caller named',
    'Whatever the caller sent to identify the key: a key ID, a key ARN, an alias name (alias/…) or an alias ARN. resources[].ARN shows the key ARN it resolved to. In Decrypt events KMS fills in the key ARN even when the caller did not send one.',
    'string',
    GDK,
  ),
  encryptionContext: p(
    'Encryption context',
    'Non-secret key/value pairs bound to the ciphertext as additional authenticated data: decrypting requires exactly the same pairs. It is logged in plaintext, which is what tells you which object, trail, volume or secret the key was used for.',
    'map of string to string',
    DOCS.encryptionContext,
  ),
  keySpec: p(
    'Kind of key',
    'For GenerateDataKey: the length of the data key to make (AES_256 or AES_128). For CreateKey: the kind of KMS key to create.',
    'string',
    GDK,
    { ...DATA_KEY_SPECS, ...SYMMETRIC_AND_ASYMMETRIC_SPECS },
  ),
  numberOfBytes: p(
    'Length of the data key in bytes',
    'The data key length asked for in bytes (1 to 1024), instead of keySpec; for example EBS asks for 64 bytes.',
    'number',
    GDK,
  ),
  encryptionAlgorithm: p(
    'Encryption algorithm',
    'The algorithm used to encrypt or decrypt. Decrypt events always show it, even when the caller left it out.',
    'string',
    API('Decrypt'),
    ENCRYPTION_ALGORITHMS,
  ),
  grantTokens: p(
    'Grant tokens',
    'Tokens of grants that were just created and may not have propagated yet; they let the call use the grant right away.',
    'array of strings',
    DOCS.kmsGrants,
  ),
  keyPairSpec: p(
    'Kind of data key pair',
    'The type of asymmetric data key pair to generate.',
    'string',
    API('GenerateDataKeyPair'),
    KEY_PAIR_SPECS,
  ),
  recipient: p(
    'Nitro Enclave recipient',
    'An attestation document from a Nitro Enclave: KMS encrypts the plaintext result for that enclave only.',
    'object',
    DOCS.kmsEnclaves,
  ),
  sourceEncryptionContext: p(
    'Encryption context of the ciphertext',
    'ReEncrypt: the context the ciphertext was encrypted with (needed to decrypt it).',
    'map of string to string',
    DOCS.encryptionContext,
  ),
  destinationEncryptionContext: p(
    'Encryption context for the new ciphertext',
    'ReEncrypt: the context to bind to the re-encrypted ciphertext.',
    'map of string to string',
    DOCS.encryptionContext,
  ),
  sourceEncryptionAlgorithm: p(
    'Algorithm of the ciphertext',
    'ReEncrypt: the algorithm the ciphertext was encrypted with.',
    'string',
    API('ReEncrypt'),
    ENCRYPTION_ALGORITHMS,
  ),
  destinationEncryptionAlgorithm: p(
    'Algorithm for the new ciphertext',
    'ReEncrypt: the algorithm to encrypt with under the destination key.',
    'string',
    API('ReEncrypt'),
    ENCRYPTION_ALGORITHMS,
  ),
  destinationKeyId: p('Destination KMS key', 'ReEncrypt: the key to encrypt the data under.', 'string', API('ReEncrypt')),
  sourceKeyId: p('Source KMS key', 'ReEncrypt: the key the ciphertext was encrypted under.', 'string', API('ReEncrypt')),
  description: p('Key description', 'The free-text description of the key.', 'string', API('CreateKey')),
  origin: p(
    'Where the key material comes from',
    'Who generates and holds the key material: KMS itself, you (imported), a CloudHSM cluster or an external key manager.',
    'string',
    API('CreateKey'),
    ORIGINS,
  ),
  keyUsage: p('What the key is for', 'The cryptographic operations the key may be used for.', 'string', API('CreateKey'), KEY_USAGES),
  customerMasterKeySpec: p(
    'Kind of key (old name)',
    'The older name of keySpec, kept for compatibility; same values.',
    'string',
    API('CreateKey'),
    SYMMETRIC_AND_ASYMMETRIC_SPECS,
  ),
  bypassPolicyLockoutSafetyCheck: p(
    'Skip the policy lockout check',
    'When true, KMS does not check that the new key policy still lets the caller manage the key. Risky: a wrong policy can make the key unmanageable.',
    'boolean',
    API('PutKeyPolicy'),
    { true: 'The lockout safety check was skipped.', false: 'KMS checked that the caller keeps access to the key.' },
  ),
  tags: p('Tags', 'Tags attached to the key (each a tagKey and tagValue).', 'array', API('TagResource')),
  'tags[]': p(
    'A tag',
    'One tag on the key: a name and a value, usable in policies (aws:ResourceTag) and for cost allocation.',
    'object',
    API('TagResource'),
  ),
  'tags[].tagKey': p('Tag key', 'The name of the tag (case-sensitive).', 'string', API('TagResource')),
  'tags[].tagValue': p('Tag value', 'The value of the tag (may be empty).', 'string', API('TagResource')),
  tagKeys: p('Tag keys to remove', 'The names of the tags to remove from the key.', 'array of strings', API('UntagResource')),
  multiRegion: p(
    'Multi-Region key',
    'Whether the key is a multi-Region primary key that can be replicated to other Regions.',
    'boolean',
    DOCS.kmsMultiRegion,
    { true: 'A multi-Region primary key.', false: 'A single-Region key.' },
  ),
  customKeyStoreId: p(
    'Custom key store',
    'The ID of the custom key store (cks-…) that holds or will hold the key material.',
    'string',
    DOCS.kmsCustomKeyStore,
  ),
  customKeyStoreName: p('Custom key store name', 'The friendly name of the custom key store.', 'string', DOCS.kmsCustomKeyStore),
  xksKeyId: p(
    'Key ID in the external key manager',
    'The identifier of the key in the external key manager that backs this KMS key.',
    'string',
    DOCS.kmsCustomKeyStore,
  ),
  clusterId: p('CloudHSM cluster', 'The AWS CloudHSM cluster behind the custom key store.', 'string', DOCS.kmsCustomKeyStore),
  pendingWindowInDays: p(
    'Waiting period before deletion',
    'Days (7 to 30) before KMS deletes the key; the deletion can be cancelled until then.',
    'number',
    API('ScheduleKeyDeletion'),
  ),
  aliasName: p(
    'Alias name',
    'The alias, always starting with alias/. Names under alias/aws/ belong to AWS managed keys.',
    'string',
    API('CreateAlias'),
  ),
  targetKeyId: p('Key the alias points to', 'The KMS key (ID or ARN) the alias refers to after this call.', 'string', API('CreateAlias')),
  policyName: p('Key policy name', 'The name of the key policy; it is always "default".', 'string', API('GetKeyPolicy'), {
    default: 'The one key policy every KMS key has.',
  }),
  policy: p('Key policy document', 'The key policy (a JSON document) that was set.', 'string', API('PutKeyPolicy')),
  granteePrincipal: p(
    'Who receives the grant',
    'The principal allowed to use the key through this grant (for EBS, the EC2 infrastructure principal of an instance).',
    'string',
    API('CreateGrant'),
  ),
  retiringPrincipal: p('Who may retire the grant', 'The principal allowed to retire the grant.', 'string', API('CreateGrant')),
  operations: p('Operations the grant allows', GRANT_OPERATIONS_NOTE, 'array of strings', API('CreateGrant')),
  constraints: p(
    'Grant conditions',
    'Encryption-context conditions under which the grant applies: encryptionContextSubset (these pairs must be present) or encryptionContextEquals (exactly these pairs).',
    'object',
    DOCS.kmsGrants,
  ),
  'constraints.encryptionContextSubset': p(
    'Context pairs the request must include',
    "The grant works only when the request's encryption context contains all these pairs.",
    'map of string to string',
    DOCS.kmsGrants,
  ),
  'constraints.encryptionContextEquals': p(
    'Context the request must match exactly',
    "The grant works only when the request's encryption context is exactly these pairs.",
    'map of string to string',
    DOCS.kmsGrants,
  ),
  name: p(
    'Grant name',
    'A friendly name for the grant; repeating a CreateGrant with the same name does not make a new grant.',
    'string',
    API('CreateGrant'),
  ),
  grantId: p(
    'Grant ID',
    'The identifier of the grant the call is about (returned when the grant was created).',
    'string',
    API('RevokeGrant'),
  ),
  grantToken: p('Grant token', 'The token of a grant, which identifies it before it has propagated.', 'string', API('RetireGrant')),
  limit: p('Page size', 'The maximum number of items to return.', 'number', API('ListAliases')),
  marker: p('Page marker', 'Where to continue a paginated listing.', 'string', API('ListAliases')),
  signingAlgorithm: p('Signing algorithm', 'The algorithm used to sign or verify.', 'string', API('Sign'), SIGNING_ALGORITHMS),
  messageType: p('What was signed', 'Whether the message is the raw message or already a digest.', 'string', API('Sign'), {
    RAW: 'The full message; KMS hashes it.',
    DIGEST: 'A digest the caller already computed.',
    EXTERNAL_MU: 'A precomputed ML-DSA mu value.',
  }),
  macAlgorithm: p('MAC algorithm', 'The HMAC algorithm used to compute or check the MAC.', 'string', API('GenerateMac'), MAC_ALGORITHMS),
  wrappingAlgorithm: p(
    'Wrapping algorithm for import',
    'How the key material will be wrapped (encrypted) for import.',
    'string',
    API('GetParametersForImport'),
    {
      RSAES_OAEP_SHA_1: 'RSA OAEP with SHA-1.',
      RSAES_OAEP_SHA_256: 'RSA OAEP with SHA-256.',
      RSA_AES_KEY_WRAP_SHA_1: 'RSA + AES key wrap with SHA-1.',
      RSA_AES_KEY_WRAP_SHA_256: 'RSA + AES key wrap with SHA-256.',
      SM2PKE: 'SM2 public-key encryption.',
    },
  ),
  wrappingKeySpec: p(
    'Wrapping public key type',
    'The kind of public key KMS returns for wrapping key material.',
    'string',
    API('GetParametersForImport'),
    { RSA_2048: 'RSA 2048-bit.', RSA_3072: 'RSA 3072-bit.', RSA_4096: 'RSA 4096-bit.', SM2: 'SM2.' },
  ),
  expirationModel: p(
    'Whether imported key material expires',
    'Whether the imported key material expires (at validTo) or not.',
    'string',
    API('ImportKeyMaterial'),
    {
      KEY_MATERIAL_EXPIRES: 'The key material expires at validTo; KMS then deletes it.',
      KEY_MATERIAL_DOES_NOT_EXPIRE: 'The key material does not expire.',
    },
  ),
  validTo: p('Expiry of imported key material', 'When the imported key material expires.', 'string', API('ImportKeyMaterial')),
  primaryRegion: p(
    'New primary Region',
    'The Region whose replica becomes the primary multi-Region key.',
    'string',
    API('UpdatePrimaryRegion'),
  ),
  replicaRegion: p('Region of the new replica', 'The Region to replicate the multi-Region key to.', 'string', DOCS.kmsMultiRegion),
  rotationPeriodInDays: p('Rotation period', 'Days between automatic rotations (90 to 2560).', 'number', API('EnableKeyRotation')),
  dryRun: p('Dry run', 'When true, KMS only checked permissions and did not perform the operation.', 'boolean', GDK, {
    true: 'Only a permission check; nothing was done.',
    false: 'A real operation.',
  }),
  keyAgreementAlgorithm: p('Key agreement algorithm', 'The algorithm used to derive a shared secret.', 'string', DOCS.kmsKeySpecs, {
    ECDH: 'Elliptic-curve Diffie-Hellman.',
  }),
  force: p('Force', 'Whether the caller forced the operation.', 'boolean', DOCS.kmsCustomKeyStore),
};

/** responseElements of KMS events. */
export const KMS_RESPONSE_FIELDS: FieldTable = {
  keyId: p('The key, as KMS resolved it', 'The ARN of the KMS key the operation used.', 'string', API('DisableKey')),
  keyMetadata: p('Metadata of the key', 'The properties of the created or described key.', 'object', API('DescribeKey')),
  'keyMetadata.AWSAccountId': p('Account that owns the key', 'The 12-digit account the key belongs to.', 'string', API('DescribeKey')),
  'keyMetadata.aWSAccountId': p(
    'Account that owns the key',
    'The 12-digit account the key belongs to (some events spell the name this way).',
    'string',
    API('DescribeKey'),
  ),
  'keyMetadata.keyId': p('Key ID', 'The unique ID of the key (a UUID; mrk-… for multi-Region keys).', 'string', API('DescribeKey')),
  'keyMetadata.arn': p('Key ARN', 'The ARN of the key (arn:aws:kms:<region>:<account>:key/<key id>).', 'string', API('DescribeKey')),
  'keyMetadata.creationDate': p(
    'When the key was created',
    'Creation time (logged as a locale-formatted text).',
    'string',
    API('DescribeKey'),
  ),
  'keyMetadata.enabled': p(
    'Whether the key is enabled',
    'Whether the key can be used for cryptographic operations now.',
    'boolean',
    API('DescribeKey'),
    { true: 'The key is enabled.', false: 'The key is not usable yet or disabled (see keyState).' },
  ),
  'keyMetadata.description': p('Key description', 'The free-text description of the key.', 'string', API('DescribeKey')),
  'keyMetadata.keyUsage': p(
    'What the key is for',
    'The cryptographic operations the key allows.',
    'string',
    API('DescribeKey'),
    KEY_USAGES,
  ),
  'keyMetadata.keyState': p('State of the key', 'Whether the key can be used, and if not why.', 'string', DOCS.kmsKeyState, KEY_STATES),
  'keyMetadata.origin': p(
    'Where the key material comes from',
    'Who generates and holds the key material: KMS itself, you (imported), a CloudHSM cluster or an external key manager.',
    'string',
    API('DescribeKey'),
    ORIGINS,
  ),
  'keyMetadata.keyManager': p('Who manages the key', 'Whether you manage the key or an AWS service does.', 'string', DOCS.kmsConcepts, {
    CUSTOMER: 'A customer managed key: you control its policy, rotation and deletion.',
    AWS: 'An AWS managed key (alias/aws/<service>), created and used by an AWS service for you.',
  }),
  'keyMetadata.keySpec': p(
    'Kind of key',
    'The type of the key material: symmetric, RSA, elliptic curve, HMAC…',
    'string',
    DOCS.kmsKeySpecs,
    SYMMETRIC_AND_ASYMMETRIC_SPECS,
  ),
  'keyMetadata.customerMasterKeySpec': p(
    'Kind of key (old name)',
    'The older name of keySpec; same values.',
    'string',
    DOCS.kmsKeySpecs,
    SYMMETRIC_AND_ASYMMETRIC_SPECS,
  ),
  'keyMetadata.encryptionAlgorithms': p(
    'Encryption algorithms the key supports',
    'The algorithms this key can encrypt and decrypt with.',
    'array of strings',
    API('DescribeKey'),
  ),
  'keyMetadata.signingAlgorithms': p(
    'Signing algorithms the key supports',
    'The algorithms this key can sign with.',
    'array of strings',
    API('DescribeKey'),
  ),
  'keyMetadata.multiRegion': p('Multi-Region key', 'Whether the key is a multi-Region key.', 'boolean', DOCS.kmsMultiRegion, {
    true: 'A multi-Region key.',
    false: 'A single-Region key.',
  }),
  'keyMetadata.customKeyStoreId': p(
    'Custom key store',
    'The custom key store that holds the key material.',
    'string',
    DOCS.kmsCustomKeyStore,
  ),
  'keyMetadata.cloudHsmClusterId': p(
    'CloudHSM cluster',
    'The AWS CloudHSM cluster that holds the key material.',
    'string',
    DOCS.kmsCustomKeyStore,
  ),
  'keyMetadata.xksKeyConfiguration': p(
    'External key',
    'Where the key material is in the external key manager.',
    'object',
    DOCS.kmsCustomKeyStore,
  ),
  'keyMetadata.xksKeyConfiguration.id': p(
    'External key ID',
    'The ID of the key in the external key manager.',
    'string',
    DOCS.kmsCustomKeyStore,
  ),
  'keyMetadata.deletionDate': p(
    'Deletion date',
    'When the key will be deleted (only for keys pending deletion).',
    'string',
    API('DescribeKey'),
  ),
  'keyMetadata.validTo': p('Expiry of imported key material', 'When the imported key material expires.', 'string', API('DescribeKey')),
  'keyMetadata.expirationModel': p('Whether key material expires', 'Whether imported key material expires.', 'string', API('DescribeKey')),
  keyState: p('State of the key', "The key's state after the operation.", 'string', DOCS.kmsKeyState, KEY_STATES),
  deletionDate: p(
    'When the key will be deleted',
    'The date the waiting period ends and KMS deletes the key.',
    'string',
    API('ScheduleKeyDeletion'),
  ),
  pendingWindowInDays: p('Waiting period', 'The waiting period in days before KMS deletes the key.', 'number', API('ScheduleKeyDeletion')),
  grantId: p('ID of the new grant', 'The identifier of the grant that was created.', 'string', API('CreateGrant')),
  customKeyStoreId: p('ID of the custom key store', 'The identifier (cks-…) of the custom key store.', 'string', DOCS.kmsCustomKeyStore),
  keyMaterialId: p('Key material used', 'The identifier of the key material version.', 'string', DOCS.kmsImport),
};

/** additionalEventData of KMS events. */
export const KMS_ADDITIONAL_DATA: FieldTable = {
  keyMaterialId: p(
    'Key material used',
    "Which version of the key's material performed the operation (64 hex characters); it changes when the key is rotated or new material is imported.",
    'string',
    DOCS.kmsLogging,
  ),
  sourceKeyMaterialId: p('Key material of the source key', 'ReEncrypt: the key material that decrypted.', 'string', API('ReEncrypt')),
  destinationKeyMaterialId: p(
    'Key material of the destination key',
    'ReEncrypt: the key material that encrypted.',
    'string',
    API('ReEncrypt'),
  ),
  customKeyStoreId: p('Custom key store', 'The custom key store that performed the operation.', 'string', DOCS.kmsCustomKeyStore),
  customKeyStoreName: p(
    'Custom key store name',
    'The friendly name of the custom key store that performed the operation.',
    'string',
    DOCS.kmsCustomKeyStore,
  ),
  customKeyStoreType: p('Custom key store type', 'AWS_CLOUDHSM or EXTERNAL_KEY_STORE.', 'string', DOCS.kmsCustomKeyStore, {
    AWS_CLOUDHSM: 'Backed by an AWS CloudHSM cluster.',
    EXTERNAL_KEY_STORE: 'Backed by an external key manager.',
  }),
  clusterId: p('CloudHSM cluster', 'The AWS CloudHSM cluster behind the key store.', 'string', DOCS.kmsCustomKeyStore),
  backingKey: p(
    'Backing key in CloudHSM',
    "The key in the CloudHSM cluster that holds this KMS key's material.",
    'string',
    DOCS.kmsCustomKeyStore,
  ),
  backingKeys: p(
    'Backing keys in CloudHSM',
    "The keys in the CloudHSM cluster that hold this KMS key's material.",
    'string',
    DOCS.kmsCustomKeyStore,
  ),
  backingKeyId: p('Backing key ID', 'The ID of the backing key in the key store.', 'string', DOCS.kmsCustomKeyStore),
  backingKeysDeletionStatus: p(
    'Deletion of the backing keys',
    'Whether the backing keys in the CloudHSM cluster were deleted with the KMS key.',
    'string',
    DOCS.kmsCustomKeyStore,
  ),
  xksKeyId: p('External key ID', 'The ID of the key in the external key manager that did the work.', 'string', DOCS.kmsCustomKeyStore),
  grantId: p('Grant ID', 'The grant the operation was about (for RetireGrant, the retired grant).', 'string', DOCS.kmsGrants),
  recipient: p(
    'Nitro Enclave that received the result',
    'Identifies the Nitro Enclave (from its attestation document) that the plaintext was encrypted for.',
    'object',
    DOCS.kmsEnclaves,
  ),
  'recipient.attestationDocumentModuleId': p(
    'Enclave module ID',
    "The module ID in the enclave's attestation document.",
    'string',
    DOCS.kmsEnclaves,
  ),
  'recipient.attestationDocumentEnclaveImageDigest': p(
    'Enclave image digest',
    'The hash of the enclave image (PCR0) from its attestation document.',
    'string',
    DOCS.kmsEnclaves,
  ),
  'recipient.attestationDocumentEnclavePCR1': p(
    'Enclave PCR1',
    "A measurement from the enclave's attestation document.",
    'string',
    DOCS.kmsEnclaves,
  ),
  'recipient.attestationDocumentEnclavePCR2': p(
    'Enclave PCR2',
    "A measurement from the enclave's attestation document.",
    'string',
    DOCS.kmsEnclaves,
  ),
  'recipient.attestationDocumentEnclavePCR3': p(
    'Enclave PCR3',
    "A measurement from the enclave's attestation document.",
    'string',
    DOCS.kmsEnclaves,
  ),
  'recipient.attestationDocumentEnclavePCR4': p(
    'Enclave PCR4',
    "A measurement from the enclave's attestation document.",
    'string',
    DOCS.kmsEnclaves,
  ),
  'recipient.attestationDocumentEnclavePCR8': p(
    'Enclave PCR8',
    "A measurement from the enclave's attestation document.",
    'string',
    DOCS.kmsEnclaves,
  ),
};

/** serviceEventDetails of KMS service events (DeleteKey, RotateKey…). */
export const KMS_SERVICE_EVENT_DETAILS: FieldTable = {
  keyId: p('The key the service event concerns', 'The KMS key that KMS acted on by itself.', 'string', DOCS.serviceEvents),
};

export function kmsOperationDoc(operation: string): DocRef {
  return kmsApiDoc(operation);
}
