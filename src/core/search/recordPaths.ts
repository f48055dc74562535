/**
 * Which record fields each query field looks at: one list for the record matcher (match.ts) and the Athena
 * translation (../athena/translate.ts), so both engines give a query the same meaning.
 * Paths are CloudTrail's JSON names (domain facts §1–§2).
 */

export type RecordPath = readonly string[];

/** `principal:` — who made the call: their ARN, the role behind a session, user names, principal id, access key. */
export const PRINCIPAL_PATHS: readonly RecordPath[] = [
  ['userIdentity', 'arn'],
  ['userIdentity', 'sessionContext', 'sessionIssuer', 'arn'],
  ['userIdentity', 'userName'],
  ['userIdentity', 'sessionContext', 'sessionIssuer', 'userName'],
  ['userIdentity', 'principalId'],
  ['userIdentity', 'accessKeyId'],
];

/** `request:` — the request id, the event id, and the id shared by the copies of one cross-account event. */
export const REQUEST_PATHS: readonly RecordPath[] = [['requestID'], ['eventID'], ['sharedEventID']];

/**
 * `key:` — the JSON fields (inside requestParameters / responseElements, which Athena keeps as JSON text) that
 * hold a KMS key: `keyId` (most KMS calls; key id, key ARN, alias name or alias ARN as the caller sent it),
 * `targetKeyId` (CreateAlias/UpdateAlias), `sourceKeyId` / `destinationKeyId` (ReEncrypt), `kmsKeyId` (services that
 * take a key, e.g. CloudTrail CreateTrail), and the key metadata KMS returns (CreateKey, ReplicateKey).
 * Plus `resources[].ARN`, matched separately (an array).
 */
export const KEY_JSON_PATHS: readonly { column: 'requestParameters' | 'responseElements'; path: RecordPath }[] = [
  { column: 'requestParameters', path: ['keyId'] },
  { column: 'requestParameters', path: ['targetKeyId'] },
  { column: 'requestParameters', path: ['sourceKeyId'] },
  { column: 'requestParameters', path: ['destinationKeyId'] },
  { column: 'requestParameters', path: ['kmsKeyId'] },
  { column: 'responseElements', path: ['keyId'] },
  { column: 'responseElements', path: ['kmsKeyId'] },
  { column: 'responseElements', path: ['keyMetadata', 'arn'] },
  { column: 'responseElements', path: ['keyMetadata', 'keyId'] },
  { column: 'responseElements', path: ['replicaKeyMetadata', 'arn'] },
  { column: 'responseElements', path: ['replicaKeyMetadata', 'keyId'] },
];

/** `ctx:` — the encryption contexts of a call: the one it used, and for ReEncrypt the source and destination ones. */
export const CONTEXT_PATHS: readonly RecordPath[] = [
  ['requestParameters', 'encryptionContext'],
  ['requestParameters', 'sourceEncryptionContext'],
  ['requestParameters', 'destinationEncryptionContext'],
];

/** The value at `path`, or undefined when a step is missing or not an object. */
export function valueAt(record: unknown, path: RecordPath): unknown {
  let current = record;
  for (const step of path) {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[step];
  }
  return current;
}

/** The string at `path`, or undefined. */
export function stringAt(record: unknown, path: RecordPath): string | undefined {
  const value = valueAt(record, path);
  return typeof value === 'string' ? value : undefined;
}
