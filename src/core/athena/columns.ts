/**
 * The CloudTrail table's columns as a model: AWS's documented table (Athena user guide, "Create the table for
 * CloudTrail logs in Athena using partition projection"), written with CloudTrail's JSON names. A column or struct
 * field is named by its JSON name lower-cased (that is how the JSON SerDe maps them), so the same model renders the
 * DDL, the select list, and turns a result row back into a record with CloudTrail's own names.
 */

export type HiveType =
  | { kind: 'string'; json?: boolean; boolean?: boolean }
  | { kind: 'struct'; fields: readonly HiveField[] }
  | { kind: 'array'; of: HiveType }
  | { kind: 'map' };

export interface HiveField {
  /** CloudTrail's JSON name (e.g. `sourceIPAddress`); the column name is its lower case. */
  json: string;
  type: HiveType;
}

const S: HiveType = { kind: 'string' };
/** A STRING column that holds a JSON object (the SerDe keeps nested JSON as text). */
const JSON_TEXT: HiveType = { kind: 'string', json: true };
const BOOLEAN_TEXT: HiveType = { kind: 'string', boolean: true };
const struct = (...fields: [string, HiveType][]): HiveType => ({ kind: 'struct', fields: fields.map(([json, type]) => ({ json, type })) });
const strings = (...names: string[]): HiveType => struct(...names.map((name): [string, HiveType] => [name, S]));

export const CLOUDTRAIL_COLUMNS: readonly HiveField[] = (
  [
    ['eventVersion', S],
    [
      'userIdentity',
      struct(
        ['type', S],
        ['principalId', S],
        ['arn', S],
        ['accountId', S],
        ['invokedBy', S],
        ['accessKeyId', S],
        ['userName', S],
        ['onBehalfOf', strings('userId', 'identityStoreArn')],
        [
          'sessionContext',
          struct(
            ['attributes', strings('mfaAuthenticated', 'creationDate')],
            ['sessionIssuer', strings('type', 'principalId', 'arn', 'accountId', 'userName')],
            ['ec2RoleDelivery', S],
            ['webIdFederationData', struct(['federatedProvider', S], ['attributes', { kind: 'map' }])],
          ),
        ],
      ),
    ],
    ['eventTime', S],
    ['eventSource', S],
    ['eventName', S],
    ['awsRegion', S],
    ['sourceIPAddress', S],
    ['userAgent', S],
    ['errorCode', S],
    ['errorMessage', S],
    ['requestParameters', JSON_TEXT],
    ['responseElements', JSON_TEXT],
    ['additionalEventData', JSON_TEXT],
    ['requestID', S],
    ['eventID', S],
    ['readOnly', BOOLEAN_TEXT],
    ['resources', { kind: 'array', of: strings('ARN', 'accountId', 'type') }],
    ['eventType', S],
    ['apiVersion', S],
    ['recipientAccountId', S],
    ['serviceEventDetails', JSON_TEXT],
    ['sharedEventID', S],
    ['vpcEndpointId', S],
    ['vpcEndpointAccountId', S],
    ['eventCategory', S],
    ['addendum', strings('reason', 'updatedFields', 'originalRequestID', 'originalEventID')],
    ['sessionCredentialFromConsole', S],
    ['edgeDeviceDetails', JSON_TEXT],
    ['tlsDetails', strings('tlsVersion', 'cipherSuite', 'clientProvidedHostHeader')],
  ] as [string, HiveType][]
).map(([json, type]) => ({ json, type }));

/** The partition columns our tables add (projected, never stored in the data): account, region, day. */
export const PARTITION_COLUMNS = ['account', 'region', 'timestamp'] as const;

export function columnName(field: HiveField): string {
  return field.json.toLowerCase();
}

/** `STRING`, `STRUCT<type:STRING,…>`, `ARRAY<…>`, `MAP<STRING,STRING>` as Hive DDL writes them. */
export function hiveTypeText(type: HiveType): string {
  switch (type.kind) {
    case 'string':
      return 'STRING';
    case 'map':
      return 'MAP<STRING,STRING>';
    case 'array':
      return `ARRAY<${hiveTypeText(type.of)}>`;
    case 'struct':
      return `STRUCT<${type.fields.map((field) => `${columnName(field)}:${hiveTypeText(field.type)}`).join(',')}>`;
  }
}

/** The column of a record path, e.g. `['userIdentity', 'sessionContext', 'sessionIssuer', 'arn']` → `useridentity.sessioncontext.sessionissuer.arn`. */
export function columnPath(path: readonly string[]): string {
  let fields: readonly HiveField[] | undefined = CLOUDTRAIL_COLUMNS;
  for (const step of path) {
    const field: HiveField | undefined = fields?.find((candidate) => candidate.json === step);
    if (!field) throw new Error(`The CloudTrail table has no column for ${path.join('.')}`);
    fields = field.type.kind === 'struct' ? field.type.fields : undefined;
  }
  return path.map((step) => step.toLowerCase()).join('.');
}
