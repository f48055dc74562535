/** The operations of the AWS KMS API (API reference, 2026) as they appear in CloudTrail `eventName`. */

export interface KmsOperation {
  /** What the operation does, one clause after its name. */
  does: string;
  /** What the caller tried to do, for a failed call ("tried to <verb>"). */
  verb: string;
  /** Developer Guide page (without .html) showing its CloudTrail event, where one exists. */
  eventPage?: string;
  /** Cryptographic operations are logged readOnly: true. */
  cryptographic?: boolean;
}

function op(does: string, verb: string, eventPage?: string, cryptographic?: boolean): KmsOperation {
  return { does, verb, ...(eventPage ? { eventPage } : {}), ...(cryptographic ? { cryptographic } : {}) };
}

export const KMS_OPERATIONS: Readonly<Record<string, KmsOperation>> = {
  GenerateDataKey: op(
    'returns a new data key, both in plaintext (to encrypt data with) and encrypted under the KMS key (to store next to the data)',
    'get a data key',
    'ct-generatedatakey',
    true,
  ),
  GenerateDataKeyWithoutPlaintext: op(
    'returns a new data key encrypted under the KMS key only, to be decrypted later when it is needed',
    'get an encrypted data key',
    'ct-generatedatakeyplaintext',
    true,
  ),
  GenerateDataKeyPair: op(
    'returns a new asymmetric data key pair: the public key, and the private key in plaintext and encrypted under the KMS key',
    'get a data key pair',
    'ct-generatedatakeypair',
    true,
  ),
  GenerateDataKeyPairWithoutPlaintext: op(
    'returns a new asymmetric data key pair whose private key is only returned encrypted under the KMS key',
    'get a data key pair',
    'ct-generatedatakeypairwithoutplaintext',
    true,
  ),
  Decrypt: op('decrypts ciphertext (typically an encrypted data key) that was encrypted under a KMS key', 'decrypt', 'ct-decrypt', true),
  Encrypt: op('encrypts up to 4 KB of data directly under the KMS key', 'encrypt', 'ct-encrypt', true),
  ReEncrypt: op(
    'decrypts ciphertext and encrypts it again under another (or the same) KMS key, without exposing the plaintext',
    're-encrypt',
    'ct-reencrypt',
    true,
  ),
  GenerateRandom: op('returns random bytes from the KMS hardware security modules', 'get random bytes', 'ct-generaterandom', true),
  GenerateMac: op('computes an HMAC of a message with an HMAC KMS key', 'compute an HMAC', 'ct-generatemac', true),
  VerifyMac: op('checks an HMAC of a message with an HMAC KMS key', 'verify an HMAC', 'ct-verifymac', true),
  Sign: op('creates a digital signature with the private key of an asymmetric KMS key', 'sign', 'ct-sign', true),
  Verify: op('verifies a digital signature with an asymmetric KMS key', 'verify a signature', 'ct-verify', true),
  DeriveSharedSecret: op(
    'derives a shared secret from the private key of a key-agreement KMS key and another party’s public key',
    'derive a shared secret',
    undefined,
    true,
  ),
  GetPublicKey: op('returns the public key of an asymmetric KMS key', 'get the public key'),
  CreateKey: op('creates a KMS key', 'create a KMS key', 'ct-createkey'),
  DescribeKey: op('returns the metadata of a KMS key', 'describe the key', 'ct-describekey'),
  GetKeyLastUsage: op(
    'returns when the KMS key was last used for a cryptographic operation',
    'read when the key was last used',
    'ct-getkeylastusage',
  ),
  EnableKey: op('enables a disabled KMS key so it can be used again', 'enable the key', 'ct-enablekey'),
  DisableKey: op('disables a KMS key: cryptographic operations with it fail until it is enabled again', 'disable the key', 'ct-disablekey'),
  ScheduleKeyDeletion: op(
    'schedules the deletion of a KMS key after a waiting period (7 to 30 days); the key cannot be used meanwhile',
    'schedule the deletion of the key',
    'ct-schedule-key-deletion',
  ),
  CancelKeyDeletion: op('cancels a scheduled key deletion (the key is then disabled)', 'cancel the key deletion', 'ct-cancel-key-deletion'),
  DeleteKey: op(
    'is the deletion KMS performs itself when the waiting period of a scheduled deletion ends',
    'delete the key',
    'ct-delete-key',
  ),
  EnableKeyRotation: op('turns on automatic rotation of the key material', 'turn on key rotation', 'ct-enablekeyrotation'),
  DisableKeyRotation: op('turns off automatic rotation of the key material', 'turn off key rotation', 'ct-disable-key-rotation'),
  GetKeyRotationStatus: op(
    'tells whether automatic rotation is on, its period and the next rotation date',
    'read the rotation status',
    'ct-getkeyrotationstatus',
  ),
  RotateKey: op(
    'is KMS rotating the key material (automatic rotation, or the rotation RotateKeyOnDemand started)',
    'rotate the key',
    'ct-rotatekey',
  ),
  RotateKeyOnDemand: op('starts a rotation of the key material right away', 'rotate the key material', 'ct-rotatekeyondemand'),
  ListKeyRotations: op(
    'lists the completed rotations and the key material versions of a KMS key',
    'list the key rotations',
    'ct-listkeyrotations',
  ),
  GetKeyPolicy: op('returns the key policy of a KMS key', 'read the key policy', 'ct-getkeypolicy'),
  PutKeyPolicy: op('replaces the key policy of a KMS key', 'replace the key policy', 'ct-put-key-policy'),
  ListKeyPolicies: op('lists the names of the key policies of a KMS key (always "default")', 'list the key policies'),
  CreateAlias: op('creates an alias (a friendly name) for a KMS key', 'create an alias', 'ct-createalias'),
  UpdateAlias: op('points an alias at another KMS key', 'repoint an alias', 'ct-updatealias'),
  DeleteAlias: op('deletes an alias (the key stays)', 'delete an alias', 'ct-deletealias'),
  ListAliases: op('lists aliases', 'list the aliases', 'ct-listaliases'),
  ListKeys: op('lists the KMS keys of the account in the Region', 'list the KMS keys'),
  ListResourceTags: op('lists the tags of a KMS key', 'list the tags of the key'),
  CreateGrant: op(
    'creates a grant: a permission for a principal to use the key for given operations, often under encryption-context constraints',
    'create a grant',
    'ct-creategrant',
  ),
  ListGrants: op('lists the grants of a KMS key', 'list the grants', 'ct-listgrants'),
  ListRetirableGrants: op('lists the grants a given principal may retire', 'list retirable grants'),
  RetireGrant: op('retires a grant (usually done by the service the grant was for)', 'retire a grant', 'ct-retire-grant'),
  RevokeGrant: op('revokes a grant', 'revoke a grant', 'ct-revoke-grant'),
  TagResource: op('adds or changes tags on a KMS key', 'tag the key', 'ct-tagresource'),
  UntagResource: op('removes tags from a KMS key', 'untag the key', 'ct-untagresource'),
  UpdateKeyDescription: op('changes the description of a KMS key', 'change the key description', 'ct-update-key-description'),
  GetParametersForImport: op(
    'returns a public wrapping key and an import token for importing key material',
    'get import parameters',
    'ct-getparametersforimport',
  ),
  ImportKeyMaterial: op(
    'imports key material into a KMS key created with origin EXTERNAL (new material, or the same material again)',
    'import key material',
    'ct-importkeymaterial',
  ),
  DeleteImportedKeyMaterial: op(
    'deletes imported key material from a KMS key; the key waits in PendingImport until material is imported again',
    'delete imported key material',
    'ct-deleteimportedkeymaterial',
  ),
  DeleteExpiredKeyMaterial: op(
    'is KMS deleting imported key material when it expires',
    'delete expired key material',
    'ct-deleteexpiredkeymaterial',
  ),
  CreateCustomKeyStore: op(
    'creates a custom key store (AWS CloudHSM cluster or external key manager)',
    'create a custom key store',
    'ct-create-keystore',
  ),
  ConnectCustomKeyStore: op('connects a custom key store to its backing key manager', 'connect a custom key store', 'ct-connect-keystore'),
  DisconnectCustomKeyStore: op('disconnects a custom key store', 'disconnect a custom key store', 'ct-disconnect-keystore'),
  DeleteCustomKeyStore: op('deletes a custom key store', 'delete a custom key store', 'ct-delete-keystore'),
  DescribeCustomKeyStores: op('describes custom key stores', 'describe custom key stores', 'ct-describe-keystores'),
  UpdateCustomKeyStore: op('changes the settings of a custom key store', 'change a custom key store', 'ct-update-keystore'),
  ReplicateKey: op('creates a replica of a multi-Region key in another Region', 'replicate the key', 'ct-replicate-key'),
  UpdatePrimaryRegion: op(
    'makes another replica the primary key of a multi-Region key',
    'change the primary Region',
    'ct-update-primary-region',
  ),
  SynchronizeMultiRegionKey: op(
    'is KMS synchronizing the shared properties of a multi-Region key to its replicas',
    'synchronize a multi-Region key',
    'ct-synchronize-multi-region-key',
  ),
};
