/** requestParameters of KMS cryptographic operations, by member name (the same name means the same thing across operations). */
import { DOCS, kmsApiDoc as api } from './docs';
import { field as f } from './field';
import type { FieldTable } from './types';
import {
  BOOLEAN_DRY_RUN,
  DATA_KEY_SPECS,
  ENCRYPTION_ALGORITHMS,
  KEY_AGREEMENT_ALGORITHMS,
  KEY_PAIR_SPECS,
  MAC_ALGORITHMS,
  MESSAGE_TYPES,
  SIGNING_ALGORITHMS,
  SYMMETRIC_AND_ASYMMETRIC_SPECS,
} from './kmsValues';

const MAP = 'map of string to string';

export const KMS_CRYPTO_REQUEST: FieldTable = {
  keyId: f(
    'The KMS key the caller named',
    'Whatever the caller sent to identify the key: a key ID, a key ARN, an alias name (alias/…) or an alias ARN. resources[].ARN shows the key ARN it resolved to. In Decrypt events KMS fills in the key ARN even when the caller did not send one.',
    'string',
    api('GenerateDataKey'),
  ),
  encryptionContext: f(
    'Encryption context',
    'Non-secret key/value pairs bound to the ciphertext as additional authenticated data: decrypting requires exactly the same pairs. It is logged in plaintext, which is what tells you which object, trail, volume or secret the key was used for.',
    MAP,
    DOCS.encryptionContext,
  ),
  keySpec: f(
    'Kind of key',
    'For GenerateDataKey: the length of the data key to make (AES_256 or AES_128). For CreateKey: the kind of KMS key to create.',
    'string',
    api('GenerateDataKey'),
    { ...DATA_KEY_SPECS, ...SYMMETRIC_AND_ASYMMETRIC_SPECS },
  ),
  numberOfBytes: f(
    'Length in bytes',
    'For data keys: the length asked for in bytes (1 to 1024) instead of keySpec (EBS asks for 64). For GenerateRandom: how many random bytes.',
    'number',
    api('GenerateDataKey'),
  ),
  encryptionAlgorithm: f(
    'Encryption algorithm',
    'The algorithm used to encrypt or decrypt. Decrypt events always show it, even when the caller left it out.',
    'string',
    api('Decrypt'),
    ENCRYPTION_ALGORITHMS,
  ),
  grantTokens: f(
    'Grant tokens',
    'Tokens of grants that were just created and may not have propagated yet; they let the call use the grant right away.',
    'array of strings',
    DOCS.kmsGrants,
  ),
  keyPairSpec: f(
    'Kind of data key pair',
    'The type of asymmetric data key pair to generate.',
    'string',
    api('GenerateDataKeyPair'),
    KEY_PAIR_SPECS,
  ),
  recipient: f(
    'Attested recipient',
    'An attestation document of a Nitro Enclave or NitroTPM instance: KMS encrypts the plaintext result for that recipient only.',
    'object',
    DOCS.kmsEnclaves,
  ),
  'recipient.attestationDocument': f(
    'Attestation document',
    'The signed attestation document of the recipient (not logged in full).',
    'string',
    DOCS.kmsEnclaves,
  ),
  'recipient.keyEncryptionAlgorithm': f(
    'How the result is encrypted for the recipient',
    'The algorithm KMS uses to encrypt the result with the public key from the attestation document.',
    'string',
    DOCS.kmsEnclaves,
    { RSAES_OAEP_SHA_256: 'RSA OAEP with SHA-256.' },
  ),
  sourceEncryptionContext: f(
    'Encryption context of the ciphertext',
    'ReEncrypt: the context the ciphertext was encrypted with (needed to decrypt it).',
    MAP,
    DOCS.encryptionContext,
  ),
  destinationEncryptionContext: f(
    'Encryption context for the new ciphertext',
    'ReEncrypt: the context to bind to the re-encrypted ciphertext.',
    MAP,
    DOCS.encryptionContext,
  ),
  sourceEncryptionAlgorithm: f(
    'Algorithm of the ciphertext',
    'ReEncrypt: the algorithm the ciphertext was encrypted with.',
    'string',
    api('ReEncrypt'),
    ENCRYPTION_ALGORITHMS,
  ),
  destinationEncryptionAlgorithm: f(
    'Algorithm for the new ciphertext',
    'ReEncrypt: the algorithm to encrypt with under the destination key.',
    'string',
    api('ReEncrypt'),
    ENCRYPTION_ALGORITHMS,
  ),
  destinationKeyId: f('Destination KMS key', 'ReEncrypt: the key to encrypt the data under.', 'string', api('ReEncrypt')),
  sourceKeyId: f('Source KMS key', 'ReEncrypt: the key the ciphertext was encrypted under.', 'string', api('ReEncrypt')),
  signingAlgorithm: f('Signing algorithm', 'The algorithm used to sign or verify.', 'string', api('Sign'), SIGNING_ALGORITHMS),
  messageType: f('What was signed', 'Whether the message is the raw message or already a digest.', 'string', api('Sign'), MESSAGE_TYPES),
  macAlgorithm: f('MAC algorithm', 'The HMAC algorithm used to compute or check the MAC.', 'string', api('GenerateMac'), MAC_ALGORITHMS),
  keyAgreementAlgorithm: f(
    'Key agreement algorithm',
    'The algorithm used to derive a shared secret.',
    'string',
    api('DeriveSharedSecret'),
    KEY_AGREEMENT_ALGORITHMS,
  ),
  publicKey: f(
    "The other party's public key",
    'DeriveSharedSecret: the public key the shared secret is derived with (the private key stays in KMS).',
    'string',
    api('DeriveSharedSecret'),
  ),
  dryRun: f(
    'Dry run',
    'When true, KMS only checked permissions and did not perform the operation.',
    'boolean',
    api('GenerateDataKey'),
    BOOLEAN_DRY_RUN,
  ),
  limit: f('Page size', 'The maximum number of items to return.', 'number', api('ListKeys')),
  marker: f('Page marker', 'Where to continue a paginated listing.', 'string', api('ListKeys')),
};
