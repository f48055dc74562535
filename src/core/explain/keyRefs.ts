/**
 * Which fields of a record hold a KMS key, and the one link per key they yield. Key links come only from these
 * fields (issue 13): a request ID or event ID is a UUID like a key ID, but it is not a key.
 */
import { kmsKeyLink, type KeyDefaults, type KeyLink } from './links';
import type { Path } from './resolve';
import { obj, str, type Json } from './values';

/** Member names that hold a key (ID, ARN or alias) in request and response elements, across services. */
const KEY_MEMBERS = new Set([
  'keyId',
  'targetKeyId',
  'destinationKeyId',
  'sourceKeyId',
  'aliasName',
  'kmsKeyId',
  'KmsKeyId',
  'kMSKeyId',
  'kmsKeyArn',
  'kMSMasterKeyId',
  'KMSMasterKeyID',
  'sSEKMSKeyId',
  'SSEKMSKeyId',
  'x-amz-server-side-encryption-aws-kms-key-id',
]);

const KEY_SECTIONS = new Set(['requestParameters', 'responseElements', 'serviceEventDetails']);
const METADATA = new Set(['keyMetadata', 'replicaKeyMetadata']);

/** True when `path` (relative to the record) is a field that holds a KMS key. */
export function isKeyField(path: Path, record: Json): boolean {
  const last = path[path.length - 1];
  if (typeof last !== 'string' || path.length < 2) return false;
  if (path[0] === 'resources' && path.length === 3 && last === 'ARN' && typeof path[1] === 'number') {
    const resource = obj(Array.isArray(record.resources) ? record.resources[path[1]] : undefined);
    const type = str(resource?.type);
    return type === undefined || type === 'AWS::KMS::Key';
  }
  if (!KEY_SECTIONS.has(String(path[0]))) return false;
  if (KEY_MEMBERS.has(last)) return true;
  // keyMetadata.arn, replicaKeyMetadata.keyId, …multiRegionConfiguration.primaryKey.arn, …replicaKeys[].arn
  const inMetadata = path.some((part) => typeof part === 'string' && METADATA.has(part));
  return inMetadata && (last === 'arn' || last === 'keyId');
}

/** The KMS keys the record's resources name, as links (the ARN resolves bare IDs). */
function resourceKeys(record: Json): KeyLink[] {
  const out: KeyLink[] = [];
  if (!Array.isArray(record.resources)) return out;
  for (const resource of record.resources.slice(0, 64)) {
    const r = obj(resource);
    const arn = str(r?.ARN);
    const type = str(r?.type);
    if (!arn || (type !== undefined && type !== 'AWS::KMS::Key')) continue;
    const link = kmsKeyLink(arn);
    if (link) out.push(link);
  }
  return out;
}

function defaultsOf(record: Json): KeyDefaults {
  return { region: str(record.awsRegion), account: str(record.recipientAccountId) };
}

/** The link for a key value in a key-holding field; a bare ID takes the ARN (and Region) the resources give it. */
export function keyLink(value: string, record: Json): KeyLink | undefined {
  const link = kmsKeyLink(value, defaultsOf(record));
  if (!link || link.arn) return link;
  const same = resourceKeys(record).find((r) => (link.keyId !== undefined ? r.keyId === link.keyId : r.alias === link.alias));
  return same ?? link;
}

/** Every key the record names in a key-holding field (for the story's links). */
export function recordKeyLinks(record: Json): KeyLink[] {
  const links: KeyLink[] = [...resourceKeys(record)];
  const request = obj(record.requestParameters);
  for (const name of ['keyId', 'destinationKeyId', 'sourceKeyId', 'targetKeyId']) {
    const value = str(request?.[name]);
    const link = value ? keyLink(value, record) : undefined;
    if (link) links.push(link);
  }
  return links;
}
