/**
 * "What happened", in plain words, derived from a KMS event: who asked, which operation, for what
 * (read from the encryption context), and through which service. Built from the event, not a fixed list.
 */
import { parseArn, parseS3Location } from '../arn';
import { KMS_OPERATIONS } from './knowledge/kms';
import { kmsKeyLink, s3Link, trailLink, type KeyDefaults } from './links';
import type { ExplainLink } from './types';

type Json = Record<string, unknown>;

function obj(value: unknown): Json | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
}
function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

const SERVICE_NAMES: Record<string, string> = {
  'cloudtrail.amazonaws.com': 'CloudTrail',
  's3.amazonaws.com': 'S3',
  'ec2.amazonaws.com': 'EC2',
  'ebs.amazonaws.com': 'EBS',
  'secretsmanager.amazonaws.com': 'Secrets Manager',
  'lambda.amazonaws.com': 'Lambda',
  'ssm.amazonaws.com': 'Systems Manager',
  'dynamodb.amazonaws.com': 'DynamoDB',
  'rds.amazonaws.com': 'RDS',
  'logs.amazonaws.com': 'CloudWatch Logs',
  'sqs.amazonaws.com': 'SQS',
  'sns.amazonaws.com': 'SNS',
  'kms.amazonaws.com': 'KMS',
  'signin.amazonaws.com': 'the console sign-in service',
};

export function serviceName(principal: string): string {
  return SERVICE_NAMES[principal] ?? principal;
}

/** A short, readable name of who made the request. */
export function principalLabel(userIdentity: unknown): string | undefined {
  const identity = obj(userIdentity);
  if (!identity) return undefined;
  const type = str(identity.type);
  const arn = str(identity.arn);
  const userName = str(identity.userName);
  const issuer = obj(obj(identity.sessionContext)?.sessionIssuer);
  const invokedBy = str(identity.invokedBy);
  switch (type) {
    case 'IAMUser':
      return userName ? `IAM user ${userName}` : (arn ?? 'an IAM user');
    case 'AssumedRole': {
      const role = str(issuer?.userName) ?? (arn ? arn.split('/')[1] : undefined);
      const session = arn ? arn.split('/').slice(2).join('/') : undefined;
      if (role) return session ? `role ${role} (session ${session})` : `role ${role}`;
      return arn ?? 'an assumed role';
    }
    case 'Root':
      return `the root user of account ${str(identity.accountId) ?? '(unknown)'}`;
    case 'AWSService':
      return invokedBy ? serviceName(invokedBy) : 'an AWS service';
    case 'AWSAccount':
      return `account ${str(identity.accountId) ?? '(unknown)'}`;
    case 'FederatedUser':
      return arn ?? 'a federated user';
    case 'IdentityCenterUser':
      return `IAM Identity Center user ${str(obj(identity.onBehalfOf)?.userId) ?? ''}`.trim();
    default:
      if (!type && invokedBy) return invokedBy === 'AWS Internal' ? 'AWS itself' : serviceName(invokedBy);
      return arn ?? userName ?? (type ? `a ${type} principal` : undefined);
  }
}

const LOG_FILE = /(^|\/)AWSLogs\/(o-[a-z0-9]+\/)?(\d{12})\/CloudTrail\/([a-z0-9-]+)\/\d{4}\/\d{2}\/\d{2}\/[^/]+\.json\.gz$/;
const DIGEST_FILE = /(^|\/)AWSLogs\/(o-[a-z0-9]+\/)?\d{12}\/CloudTrail-Digest\//;

function trailName(arn: string): string {
  const parsed = parseArn(arn);
  return parsed ? parsed.resource.replace(/^trail\//, '') : arn;
}

function lastPart(key: string): string {
  const slash = key.lastIndexOf('/');
  return slash === -1 ? key : key.slice(slash + 1);
}

/** What the encryption context says the key protected. */
interface Subject {
  text: string;
  /** The trail is being set up (context names a bucket/prefix, not an object). */
  trailSetup?: { trail: string; folder: string };
  logFile?: boolean;
  /** Where the subject is, told in its own sentence. */
  where?: string;
}

function describeContext(context: Json | undefined): Subject | undefined {
  if (!context) return undefined;
  const s3 = str(context['aws:s3:arn']);
  const trail = str(context['aws:cloudtrail:arn']);
  const location = s3 ? parseS3Location(s3) : undefined;
  if (trail) {
    const name = trailName(trail);
    if (location && LOG_FILE.test(location.key)) {
      return {
        text: `log file ${lastPart(location.key)} of trail ${name}`,
        logFile: true,
        where: `s3://${location.bucket}/${location.key}`,
      };
    }
    if (location && DIGEST_FILE.test(location.key)) {
      return {
        text: `digest file ${lastPart(location.key)} of trail ${name}`,
        logFile: true,
        where: `s3://${location.bucket}/${location.key}`,
      };
    }
    if (location && (location.key === '' || location.key.endsWith('/'))) {
      const folder = `s3://${location.bucket}/${location.key}`;
      return { text: `trail ${name}, whose log files go to ${folder}`, trailSetup: { trail: name, folder } };
    }
    if (location) return { text: `s3://${location.bucket}/${location.key} of trail ${name}` };
    return { text: `the log files of trail ${name}` };
  }
  if (location) {
    if (location.key === '') return { text: `objects in bucket ${location.bucket} (the context names the bucket: S3 Bucket Key)` };
    return { text: `S3 object s3://${location.bucket}/${location.key}` };
  }
  const named = (key: string, label: string, pick: (v: string) => string = (v) => v): Subject | undefined => {
    const value = str(context[key]);
    return value ? { text: `${label} ${pick(value)}` } : undefined;
  };
  const arnName = (v: string): string => {
    const parsed = parseArn(v);
    return parsed ? parsed.resource.replace(/^[a-z-]+[:/]/, '') : v;
  };
  const secret = str(context.SecretARN);
  if (secret) {
    const version = str(context.SecretVersionId);
    if (version === 'RequestToValidateKeyAccess')
      return { text: `secret ${arnName(secret)} (Secrets Manager only checking that it may use the key)` };
    return { text: `secret ${arnName(secret)}${version ? ` (version ${version})` : ''}` };
  }
  const table = str(context['aws:dynamodb:tableName']);
  if (table) return { text: `DynamoDB table ${table}` };
  return (
    named('aws:ebs:id', 'EBS volume') ??
    named('aws:lambda:FunctionArn', 'Lambda function', arnName) ??
    named('PARAMETER_ARN', 'Parameter Store parameter', arnName) ??
    named('aws:rds:db-id', 'RDS DB instance') ??
    named('aws:logs:arn', 'CloudWatch Logs', arnName) ??
    named('aws:sqs:arn', 'SQS queue', arnName) ??
    named('aws:sns:topicArn', 'SNS topic', arnName) ??
    (Object.keys(context).length > 0
      ? {
          text: `data with the encryption context ${Object.entries(context)
            .map(([k, v]) => `${k}=${String(v)}`)
            .join(', ')}`,
        }
      : undefined)
  );
}

function keyLabel(requestParameters: Json | undefined, resources: unknown): string | undefined {
  const first = Array.isArray(resources) ? obj(resources[0]) : undefined;
  return str(first?.ARN) ?? str(requestParameters?.keyId);
}

export interface Story {
  text: string;
  links: ExplainLink[];
}

/** Plain-words account of a KMS event; undefined for other events. */
export function kmsStory(record: Json): Story | undefined {
  if (record.eventSource !== 'kms.amazonaws.com') return undefined;
  const op = str(record.eventName);
  if (!op) return undefined;
  const identity = obj(record.userIdentity);
  const request = obj(record.requestParameters);
  const context = obj(request?.encryptionContext) ?? obj(request?.sourceEncryptionContext);
  const subject = describeContext(context);
  const invokedBy = str(identity?.invokedBy);
  const actor = principalLabel(identity) ?? 'An unknown principal';
  const key = keyLabel(request, record.resources);
  const error = str(record.errorCode);
  const sentences: string[] = [];

  const isDataKey = op.startsWith('GenerateDataKey');
  const fromCloudTrail = context !== undefined && str(context['aws:cloudtrail:arn']) !== undefined;
  const actorIsService = identity?.type === 'AWSService' || (!identity?.type && invokedBy !== undefined);

  if (isDataKey && subject?.trailSetup) {
    const { trail, folder } = subject.trailSetup;
    sentences.push(
      `CloudTrail checked that it may use this key when trail ${trail} was configured: it asked KMS for a data key bound to the trail and to its log folder ${folder} (${actor}${invokedBy ? `, invokedBy ${invokedBy}` : ''}). No log file is encrypted by this call; the data key is discarded.`,
    );
  } else if (isDataKey && subject?.logFile && fromCloudTrail) {
    sentences.push(`CloudTrail (${invokedBy ? `invokedBy ${invokedBy}` : actor}) asked KMS for a data key to encrypt ${subject.text}.`);
    sentences.push(
      `S3 stores the encrypted data key with the file (${subject.where}) and asks KMS to decrypt it whenever someone reads the file.`,
    );
  } else if (op === 'Decrypt' && subject?.logFile) {
    const via =
      invokedBy && !actorIsService ? ` (S3 asked KMS on their behalf; invokedBy ${invokedBy})` : ' (S3 asked KMS on their behalf)';
    sentences.push(
      `${capitalize(actor)} decrypted ${subject.text}${via}: reading ${subject.where ?? 'the file'} made S3 ask KMS to decrypt the file's data key.`,
    );
  } else if (isDataKey) {
    const via = invokedBy && !actorIsService ? ` through ${serviceName(invokedBy)}` : '';
    sentences.push(`${capitalize(actor)}${via} asked KMS for a data key${subject ? ` to encrypt ${subject.text}` : ''}.`);
  } else if (op === 'Decrypt') {
    const via = invokedBy && !actorIsService ? ` (${serviceName(invokedBy)} asked KMS on their behalf)` : '';
    sentences.push(`${capitalize(actor)} decrypted ${subject ? `the data key of ${subject.text}` : 'ciphertext'}${via}.`);
  } else if (op === 'Encrypt') {
    sentences.push(`${capitalize(actor)} encrypted data${subject ? ` for ${subject.text}` : ''} directly under the KMS key.`);
  } else if (op === 'ReEncrypt') {
    const destination = str(request?.destinationKeyId);
    sentences.push(
      `${capitalize(actor)} re-encrypted ${subject ? subject.text : 'ciphertext'}${destination ? ` under key ${destination}` : ''} without seeing the plaintext.`,
    );
  } else {
    const info = KMS_OPERATIONS[op];
    sentences.push(`${capitalize(actor)} called ${op}${key ? ` on ${key}` : ''}.${info ? ` ${op} ${info.does}.` : ''}`);
  }
  if (error) sentences.push(`It failed: KMS answered ${error}${str(record.errorMessage) ? ` (${str(record.errorMessage)})` : ''}.`);
  if (key && (isDataKey || ['Decrypt', 'Encrypt', 'ReEncrypt'].includes(op))) sentences.push(`Key: ${key}.`);

  return { text: sentences.join(' '), links: eventLinks(record) };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Links an event offers as a whole: its trail, S3 object or prefix, and KMS key(s). */
export function eventLinks(record: Json): ExplainLink[] {
  const links: ExplainLink[] = [];
  const request = obj(record.requestParameters);
  const defaults: KeyDefaults = { region: str(record.awsRegion), account: str(record.recipientAccountId) };
  for (const name of ['encryptionContext', 'sourceEncryptionContext', 'destinationEncryptionContext']) {
    const context = obj(request?.[name]);
    if (!context) continue;
    const trail = str(context['aws:cloudtrail:arn']);
    const s3 = str(context['aws:s3:arn']);
    const t = trail ? trailLink(trail) : undefined;
    const s = s3 ? s3Link(s3) : undefined;
    if (t) links.push(t);
    if (s) links.push(s);
  }
  if (Array.isArray(record.resources)) {
    for (const resource of record.resources) {
      const arn = str(obj(resource)?.ARN);
      const link = arn ? kmsKeyLink(arn, defaults) : undefined;
      if (link) links.push(link);
    }
  }
  for (const name of ['keyId', 'destinationKeyId', 'sourceKeyId', 'targetKeyId']) {
    const value = str(request?.[name]);
    const link = value ? kmsKeyLink(value, defaults) : undefined;
    if (link) links.push(link);
  }
  return links;
}
