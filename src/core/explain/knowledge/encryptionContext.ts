/** Encryption-context keys that AWS services set when they call KMS for you (domain facts §2). */
import { DOCS } from './docs';
import type { DocRef } from './types';

export interface ContextKeyDoc {
  /** The service that sets this key. */
  service: string;
  /** What the value names. */
  meaning: string;
  doc: DocRef;
}

export const ENCRYPTION_CONTEXT_KEYS: Readonly<Record<string, ContextKeyDoc>> = {
  'aws:s3:arn': {
    service: 'Amazon S3 (SSE-KMS)',
    meaning:
      'S3 sets this when it asks KMS for a data key (on upload) or to decrypt one (on download). The value is the ARN of the object; when the bucket uses an S3 Bucket Key it is the ARN of the bucket instead, and far fewer KMS calls appear. For CloudTrail log delivery it names the log file; when a trail is created or updated it names the bucket and log folder.',
    doc: DOCS.s3SseKms,
  },
  'aws:cloudtrail:arn': {
    service: 'AWS CloudTrail',
    meaning:
      'CloudTrail sets this to the ARN of the trail whose log files are encrypted with the key. A key policy can require it (kms:EncryptionContext:aws:cloudtrail:arn) so that only your trails may use the key.',
    doc: DOCS.ctWithKms,
  },
  'aws:ebs:id': {
    service: 'Amazon EBS',
    meaning: 'EBS sets this to the ID of the volume (vol-…) whose data key this is; grants for EC2 are constrained to it.',
    doc: DOCS.ebs,
  },
  'aws:lambda:FunctionArn': {
    service: 'AWS Lambda',
    meaning: 'Lambda sets this to the ARN of the function whose environment variables (or other function data) are encrypted with the key.',
    doc: DOCS.lambdaEnv,
  },
  SecretARN: {
    service: 'AWS Secrets Manager',
    meaning: 'Secrets Manager sets this to the ARN of the secret whose value the data key protects.',
    doc: DOCS.secretsManager,
  },
  SecretVersionId: {
    service: 'AWS Secrets Manager',
    meaning:
      'Secrets Manager sets this to the version of the secret. The special value RequestToValidateKeyAccess marks a call Secrets Manager makes only to check that it may use the key.',
    doc: DOCS.secretsManager,
  },
  PARAMETER_ARN: {
    service: 'AWS Systems Manager Parameter Store',
    meaning: 'Parameter Store sets this to the ARN of the SecureString parameter the key protects.',
    doc: DOCS.ssmSecureString,
  },
  'aws:dynamodb:tableName': {
    service: 'Amazon DynamoDB',
    meaning: 'DynamoDB sets this to the name of the table whose table key is protected.',
    doc: DOCS.dynamodb,
  },
  'aws:dynamodb:subscriberId': {
    service: 'Amazon DynamoDB',
    meaning: 'DynamoDB sets this to the account ID that owns the table.',
    doc: DOCS.dynamodb,
  },
  'aws:rds:db-id': {
    service: 'Amazon RDS',
    meaning: 'RDS sets this to the resource ID of the DB instance (db-…), not its name.',
    doc: DOCS.rds,
  },
  'aws:logs:arn': {
    service: 'Amazon CloudWatch Logs',
    meaning: 'CloudWatch Logs sets this to the ARN of the log group whose data is encrypted with the key.',
    doc: DOCS.logs,
  },
  'aws:sqs:arn': {
    service: 'Amazon SQS',
    meaning: 'SQS sets this to the ARN of the queue whose messages are encrypted with the key.',
    doc: DOCS.sqs,
  },
  'aws:sns:topicArn': {
    service: 'Amazon SNS',
    meaning: 'SNS sets this to the ARN of the topic whose messages are encrypted with the key.',
    doc: DOCS.sns,
  },
};

/** A key not set by a known AWS integration: chosen by whoever called KMS. */
export const CUSTOM_CONTEXT_KEY: ContextKeyDoc = {
  service: 'the caller',
  meaning:
    'A pair chosen by whoever called KMS (not one a known AWS service sets). Like every context pair it is bound to the ciphertext: decryption must present the same pairs, and it is logged in plaintext, so it must not hold secrets.',
  doc: DOCS.encryptionContext,
};

/** Keys under the reserved aws: prefix that this table does not know. */
export const AWS_PREFIX_CONTEXT_KEY: ContextKeyDoc = {
  service: 'an AWS service',
  meaning: 'A pair under the aws: prefix, which AWS services reserve for themselves; this explorer does not know which service set it.',
  doc: DOCS.encryptionContext,
};
