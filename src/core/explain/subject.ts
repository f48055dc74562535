/**
 * What an encryption context says the key protected: the object, trail, volume, table, secret… When several
 * services' pairs appear together, the owner is the subject (RDS names its DB instance next to the EBS volume).
 */
import { parseArn, parseS3Location } from '../arn';
import { str, type Json } from './values';

export interface Subject {
  text: string;
  /** The trail is being set up (context names a bucket/prefix, not an object). */
  trailSetup?: { trail: string; folder: string };
  logFile?: boolean;
  /** Where the subject is, told in its own sentence. */
  where?: string;
  /** The context names nothing known: `text` is "the encryption context k=v, …". */
  pairsOnly?: boolean;
}

const LOG_FILE = /(^|\/)AWSLogs\/(o-[a-z0-9]+\/)?(\d{12})\/CloudTrail\/([a-z0-9-]+)\/\d{4}\/\d{2}\/\d{2}\/[^/]+\.json\.gz$/;
const DIGEST_FILE = /(^|\/)AWSLogs\/(o-[a-z0-9]+\/)?\d{12}\/CloudTrail-Digest\//;
/** Pairs shown when the context names nothing this explorer knows. */
const MAX_PAIRS = 6;
const MAX_VALUE = 120;

/** A context value as text: strings as they are, anything else as its JSON (never "[object Object]"), shortened. */
export function contextValueText(value: unknown): string {
  let text: string;
  if (typeof value === 'string') text = value;
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = '(unprintable)';
    }
  }
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE)}…` : text;
}

function lastPart(key: string): string {
  const slash = key.lastIndexOf('/');
  return slash === -1 ? key : key.slice(slash + 1);
}

function trailName(arn: string): string {
  const parsed = parseArn(arn);
  return parsed ? parsed.resource.replace(/^trail\//, '') : arn;
}

/** The name part of an ARN resource (`secret:name-abc`, `organization/m-…`, `log-group:x`). */
function arnName(value: string): string {
  const parsed = parseArn(value);
  if (!parsed) return value;
  const resource = parsed.resource;
  for (let i = 0; i < resource.length; i++) if (resource[i] === '/' || resource[i] === ':') return resource.slice(i + 1);
  return resource;
}

function s3Subject(s3: string, trail: string | undefined): Subject | undefined {
  const location = parseS3Location(s3);
  if (!location) return undefined;
  const where = `s3://${location.bucket}/${location.key}`;
  if (trail) {
    const name = trailName(trail);
    if (LOG_FILE.test(location.key)) return { text: `log file ${lastPart(location.key)} of trail ${name}`, logFile: true, where };
    if (DIGEST_FILE.test(location.key)) return { text: `digest file ${lastPart(location.key)} of trail ${name}`, logFile: true, where };
    if (location.key === '' || location.key.endsWith('/')) {
      return { text: `trail ${name}, whose log files go to ${where}`, trailSetup: { trail: name, folder: where } };
    }
    return { text: `${where} of trail ${name}` };
  }
  if (location.key === '') return { text: `objects in bucket ${location.bucket} (the context names the bucket: S3 Bucket Key)` };
  return { text: `S3 object ${where}` };
}

function ebsSubject(id: string): string {
  if (id.startsWith('snap-')) return `EBS snapshot ${id} (copied with CopySnapshot)`;
  return `EBS volume ${id}`;
}

export function describeContext(context: Json | undefined): Subject | undefined {
  if (!context) return undefined;
  const get = (key: string): string | undefined => (Object.prototype.hasOwnProperty.call(context, key) ? str(context[key]) : undefined);
  const s3 = get('aws:s3:arn');
  const trail = get('aws:cloudtrail:arn');
  if (s3) {
    const subject = s3Subject(s3, trail);
    if (subject) return subject;
  }
  if (trail) return { text: `the log files of trail ${trailName(trail)}` };
  const ebs = get('aws:ebs:id');
  const db = get('aws:rds:db-id');
  const cluster = get('aws:rds:dbc-id');
  if (db) return { text: `RDS DB instance ${db}${ebs ? ` (its storage volume ${ebs})` : ''}` };
  if (cluster) return { text: `Aurora/RDS DB cluster ${cluster}${ebs ? ` (its storage volume ${ebs})` : ''}` };
  const secret = get('SecretARN');
  if (secret) {
    const version = get('SecretVersionId');
    if (version === 'RequestToValidateKeyAccess')
      return { text: `secret ${arnName(secret)} (Secrets Manager only checking that it may use the key)` };
    return { text: `secret ${arnName(secret)}${version ? ` (version ${version})` : ''}` };
  }
  const table = get('aws:dynamodb:tableName');
  if (table) return { text: `DynamoDB table ${table}` };
  const named: [string, string, boolean][] = [
    ['aws:ebs:id', '', false],
    ['aws:workmail:arn', 'WorkMail organization', true],
    ['aws:lambda:FunctionArn', 'Lambda function', true],
    ['PARAMETER_ARN', 'Parameter Store parameter', true],
    ['aws:logs:arn', 'CloudWatch Logs', true],
    ['aws:sqs:arn', 'SQS queue', true],
    ['aws:sns:topicArn', 'SNS topic', true],
    ['aws:acm:arn', 'ACM certificate', true],
    ['aws:elasticfilesystem:filesystem:id', 'EFS file system', false],
    ['aws:ses:message-id', 'SES received message', false],
  ];
  for (const [key, label, isArn] of named) {
    const value = get(key);
    if (!value) continue;
    if (key === 'aws:ebs:id') return { text: ebsSubject(value) };
    return { text: `${label} ${isArn ? arnName(value) : value}` };
  }
  if (get('aws-crypto-public-key')) return { text: 'a message encrypted client-side with the AWS Encryption SDK (signed algorithm suite)' };
  const keys = Object.keys(context);
  if (keys.length === 0) return undefined;
  const pairs = keys.slice(0, MAX_PAIRS).map((k) => `${contextValueText(k)}=${contextValueText(context[k])}`);
  const more = keys.length > MAX_PAIRS ? ` and ${keys.length - MAX_PAIRS} more pairs` : '';
  return { text: `the encryption context ${pairs.join(', ')}${more}`, pairsOnly: true };
}
