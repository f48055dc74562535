/** additionalEventData and serviceEventDetails of KMS events: key material, custom key stores, attestation. */
import { DOCS, kmsApiDoc as api } from './docs';
import { field as f } from './field';
import type { FieldDoc, FieldTable } from './types';
import { CUSTOM_KEY_STORE_TYPES, ROTATION_TYPES } from './kmsValues';

const STORE = DOCS.kmsCustomKeyStore;
const ENCLAVE = DOCS.kmsEnclaves;

export const KMS_ADDITIONAL_DATA: FieldTable = {
  keyMaterialId: f(
    'Key material used',
    "Which version of the key's material performed the operation (64 hex characters); it changes when the key is rotated or new material is imported.",
    'string',
    DOCS.kmsLogging,
  ),
  sourceKeyMaterialId: f('Key material of the source key', 'ReEncrypt: the key material that decrypted.', 'string', api('ReEncrypt')),
  destinationKeyMaterialId: f(
    'Key material of the destination key',
    'ReEncrypt: the key material that encrypted.',
    'string',
    api('ReEncrypt'),
  ),
  customKeyStoreId: f('Custom key store', 'The custom key store that performed the operation.', 'string', STORE),
  customKeyStoreName: f(
    'Custom key store name',
    'The friendly name of the custom key store that performed the operation.',
    'string',
    STORE,
  ),
  customKeyStoreType: f('Custom key store type', 'What backs the custom key store.', 'string', STORE, CUSTOM_KEY_STORE_TYPES),
  clusterId: f('CloudHSM cluster', 'The AWS CloudHSM cluster behind the key store.', 'string', STORE),
  backingKey: f('Backing key in CloudHSM', "The key in the CloudHSM cluster that holds this KMS key's material.", 'string', STORE),
  backingKeys: f('Backing keys in CloudHSM', "The keys in the CloudHSM cluster that hold this KMS key's material.", 'string', STORE),
  backingKeyId: f('Backing key ID', 'The ID of the backing key in the key store.', 'string', STORE),
  backingKeysDeletionStatus: f(
    'Deletion of the backing keys',
    'Whether the backing keys in the CloudHSM cluster were deleted with the KMS key.',
    'string',
    STORE,
  ),
  xksKeyId: f('External key ID', 'The ID of the key in the external key manager that did the work.', 'string', STORE),
  grantId: f('Grant ID', 'The grant the operation was about (for RetireGrant, the retired grant).', 'string', DOCS.kmsGrants),
  recipient: f(
    'Attested recipient of the result',
    'Identifies the Nitro Enclave or NitroTPM instance (from its attestation document) that the plaintext was encrypted for.',
    'object',
    ENCLAVE,
  ),
  'recipient.attestationDocumentModuleId': f(
    'Module ID of the recipient',
    'The enclave ID (i-…-enc…) or the NitroTPM module ID (i-…-tpm…) from the attestation document.',
    'string',
    ENCLAVE,
  ),
  'recipient.attestationDocumentEnclaveImageDigest': f(
    'Enclave image digest',
    'The SHA-384 hash of the enclave image (PCR0) from its attestation document; usable in kms:RecipientAttestation conditions.',
    'string',
    ENCLAVE,
  ),
  rotationType: f('Kind of rotation', 'Whether the rotation was automatic or on demand.', 'string', DOCS.kmsLogging, ROTATION_TYPES),
};

/** `attestationDocumentEnclavePCR<n>` / `attestationDocumentNitroTPMPCR<n>`: one platform configuration register. */
export function attestationPcr(name: string): FieldDoc | undefined {
  for (const [prefix, what] of [
    ['attestationDocumentEnclavePCR', 'the Nitro Enclave'],
    ['attestationDocumentNitroTPMPCR', 'the NitroTPM'],
  ] as const) {
    if (!name.startsWith(prefix)) continue;
    const n = name.slice(prefix.length);
    if (n.length === 0 || n.length > 2 || [...n].some((c) => c < '0' || c > '9')) return undefined;
    return f(
      `Platform configuration register ${n}`,
      `Measurement PCR${n} of ${what} from its attestation document; key policies can require it (kms:RecipientAttestation:PCR${n}).`,
      'string',
      ENCLAVE,
    );
  }
  return undefined;
}

/** serviceEventDetails of KMS service events (DeleteKey, RotateKey, DeleteExpiredKeyMaterial…). */
export const KMS_SERVICE_EVENT_DETAILS: FieldTable = {
  keyId: f('The key the service event concerns', 'The KMS key that KMS acted on by itself.', 'string', DOCS.serviceEvents),
  keyMaterialId: f('Key material', 'The key material version the service event concerns.', 'string', DOCS.kmsLogging),
  rotationType: f('Kind of rotation', 'Whether the rotation was automatic or on demand.', 'string', DOCS.kmsLogging, ROTATION_TYPES),
};
