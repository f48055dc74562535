/** AWS KMS in CloudTrail (domain facts §2): the operations and the members of their events, gathered from the topical tables. */
import { KMS_CRYPTO_REQUEST } from './kmsRequest';
import { KMS_MANAGEMENT_REQUEST } from './kmsKeyManagement';
import type { FieldTable } from './types';

export { KMS_OPERATIONS, type KmsOperation } from './kmsOperations';
export { KMS_RESPONSE_FIELDS, KEY_METADATA } from './kmsResponse';
export { KMS_ADDITIONAL_DATA, KMS_SERVICE_EVENT_DETAILS, attestationPcr } from './kmsAdditional';

/** requestParameters of KMS events, by member name (the same name means the same thing across operations). */
export const KMS_REQUEST_PARAMS: FieldTable = { ...KMS_MANAGEMENT_REQUEST, ...KMS_CRYPTO_REQUEST };
