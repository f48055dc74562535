/** Enumerated values of KMS request and response members (the API reference), in this project's words. */

type Values = Readonly<Record<string, string>>;

export const SYMMETRIC_AND_ASYMMETRIC_SPECS: Values = {
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

export const ENCRYPTION_ALGORITHMS: Values = {
  SYMMETRIC_DEFAULT:
    'AES-256-GCM with a symmetric KMS key; the encryption context is bound to the ciphertext as additional authenticated data.',
  RSAES_OAEP_SHA_1: 'RSA OAEP with SHA-1, with an RSA KMS key.',
  RSAES_OAEP_SHA_256: 'RSA OAEP with SHA-256, with an RSA KMS key.',
  SM2PKE: 'SM2 public-key encryption (China Regions only).',
};

export const SIGNING_ALGORITHMS: Values = {
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

export const KEY_USAGES: Values = {
  ENCRYPT_DECRYPT: 'The key encrypts and decrypts (and, when symmetric, makes data keys).',
  SIGN_VERIFY: 'The key signs and verifies signatures.',
  GENERATE_VERIFY_MAC: 'The key computes and checks HMACs.',
  KEY_AGREEMENT: 'The key derives shared secrets.',
};

export const ORIGINS: Values = {
  AWS_KMS: 'KMS generated the key material (the default).',
  EXTERNAL: 'You import the key material yourself (BYOK); the key waits in PendingImport until you do.',
  AWS_CLOUDHSM: 'The key material lives in an AWS CloudHSM cluster you own (a CloudHSM key store).',
  EXTERNAL_KEY_STORE: 'The key material lives in an external key manager outside AWS (an external key store, XKS).',
};

export const KEY_STATES: Values = {
  Creating: 'The key is being created.',
  Enabled: 'The key can be used.',
  Disabled: 'The key is disabled; cryptographic operations with it fail until it is enabled.',
  PendingDeletion: 'The key is scheduled for deletion and cannot be used; the deletion can still be cancelled.',
  PendingReplicaDeletion: 'A multi-Region primary key waits for its replicas to be deleted before its own waiting period starts.',
  PendingImport: 'The key has no key material yet (origin EXTERNAL); import it to use the key.',
  Unavailable: 'The key store is disconnected, so the key cannot be used right now.',
  Updating: 'The key is being updated (for example a multi-Region primary change).',
};

export const DATA_KEY_SPECS: Values = {
  AES_256: 'A 256-bit (32-byte) AES data key; what CloudTrail, S3 and most services request.',
  AES_128: 'A 128-bit (16-byte) AES data key.',
};

export const KEY_PAIR_SPECS: Values = {
  RSA_2048: 'An RSA data key pair, 2048-bit.',
  RSA_3072: 'An RSA data key pair, 3072-bit.',
  RSA_4096: 'An RSA data key pair, 4096-bit.',
  ECC_NIST_P256: 'An elliptic-curve data key pair on P-256.',
  ECC_NIST_P384: 'An elliptic-curve data key pair on P-384.',
  ECC_NIST_P521: 'An elliptic-curve data key pair on P-521.',
  ECC_SECG_P256K1: 'An elliptic-curve data key pair on secp256k1.',
  SM2: 'An SM2 data key pair (China Regions only).',
};

export const MAC_ALGORITHMS: Values = {
  HMAC_SHA_224: 'HMAC with SHA-224.',
  HMAC_SHA_256: 'HMAC with SHA-256.',
  HMAC_SHA_384: 'HMAC with SHA-384.',
  HMAC_SHA_512: 'HMAC with SHA-512.',
};

export const CUSTOM_KEY_STORE_TYPES: Values = {
  AWS_CLOUDHSM: 'Backed by an AWS CloudHSM cluster you own.',
  EXTERNAL_KEY_STORE: 'Backed by an external key manager outside AWS (XKS).',
};

export const IMPORT_TYPES: Values = {
  NEW_KEY_MATERIAL: 'New key material (a rotation of imported material, or the first import).',
  EXISTING_KEY_MATERIAL: 'Key material the key had before (re-imported, for example after it expired or was deleted).',
};

export const INCLUDE_KEY_MATERIAL: Values = {
  ALL_KEY_MATERIAL: 'List every key material version, including imported material that is not the current one.',
  ROTATIONS_ONLY: 'List only completed rotations.',
};

export const KEY_MATERIAL_STATES: Values = {
  CURRENT: 'The key material KMS uses to encrypt now.',
  NON_CURRENT: 'Older key material, still used to decrypt what it encrypted.',
  PENDING_ROTATION: 'Imported material waiting to become current at the next on-demand rotation.',
};

export const ROTATION_TYPES: Values = {
  AUTOMATIC: 'A scheduled rotation (automatic rotation is on).',
  ON_DEMAND: 'A rotation started with RotateKeyOnDemand.',
};

export const MULTI_REGION_KEY_TYPES: Values = {
  PRIMARY: 'The primary key of a multi-Region key: its shared properties are copied to the replicas.',
  REPLICA: 'A replica of a multi-Region primary key in another Region (same key ID and key material).',
};

export const EXPIRATION_MODELS: Values = {
  KEY_MATERIAL_EXPIRES: 'The key material expires at validTo; KMS then deletes it.',
  KEY_MATERIAL_DOES_NOT_EXPIRE: 'The key material does not expire.',
};

export const KEY_MANAGERS: Values = {
  CUSTOMER: 'A customer managed key: you control its policy, rotation and deletion.',
  AWS: 'An AWS managed key (alias/aws/<service>), created and used by an AWS service for you.',
};

export const XKS_CONNECTIVITY: Values = {
  PUBLIC_ENDPOINT: 'KMS reaches the external key store proxy over the internet.',
  VPC_ENDPOINT_SERVICE: 'KMS reaches the external key store proxy through a VPC endpoint service.',
};

export const WRAPPING_ALGORITHMS: Values = {
  RSAES_OAEP_SHA_1: 'RSA OAEP with SHA-1.',
  RSAES_OAEP_SHA_256: 'RSA OAEP with SHA-256.',
  RSA_AES_KEY_WRAP_SHA_1: 'RSA + AES key wrap with SHA-1.',
  RSA_AES_KEY_WRAP_SHA_256: 'RSA + AES key wrap with SHA-256.',
  SM2PKE: 'SM2 public-key encryption.',
};

export const MESSAGE_TYPES: Values = {
  RAW: 'The full message; KMS hashes it.',
  DIGEST: 'A digest the caller already computed.',
  EXTERNAL_MU: 'A precomputed ML-DSA mu value.',
};

export const KEY_AGREEMENT_ALGORITHMS: Values = { ECDH: 'Elliptic-curve Diffie-Hellman.' };

export const GRANT_OPERATIONS: Values = {
  Decrypt: 'Decrypt with the key.',
  Encrypt: 'Encrypt with the key.',
  GenerateDataKey: 'Get data keys.',
  GenerateDataKeyWithoutPlaintext: 'Get encrypted data keys.',
  GenerateDataKeyPair: 'Get data key pairs.',
  GenerateDataKeyPairWithoutPlaintext: 'Get data key pairs without the plaintext private key.',
  ReEncryptFrom: 'Re-encrypt ciphertext that this key encrypted.',
  ReEncryptTo: 'Re-encrypt ciphertext under this key.',
  CreateGrant: 'Create further grants (delegation).',
  RetireGrant: 'Retire grants.',
  DescribeKey: 'Read the key metadata.',
  GetPublicKey: 'Read the public key.',
  Sign: 'Sign with the key.',
  Verify: 'Verify signatures.',
  GenerateMac: 'Compute HMACs.',
  VerifyMac: 'Verify HMACs.',
  DeriveSharedSecret: 'Derive shared secrets.',
};

export const BOOLEAN_DRY_RUN: Values = { true: 'Only a permission check; nothing was done.', false: 'A real operation.' };
