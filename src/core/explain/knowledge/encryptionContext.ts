/** Encryption-context keys that AWS services and libraries set when they call KMS (domain facts §2, the services' KMS pages). */
import { DOCS } from './docs';
import type { DocRef } from './types';

export interface ContextKeyDoc {
  /** Who sets this key. */
  service: string;
  /** What the value names. */
  meaning: string;
  doc: DocRef;
}

function k(service: string, meaning: string, doc: DocRef): ContextKeyDoc {
  return { service, meaning, doc };
}

export const ENCRYPTION_CONTEXT_KEYS: Readonly<Record<string, ContextKeyDoc>> = {
  'aws:s3:arn': k(
    'Amazon S3 (SSE-KMS)',
    'S3 sets this when it asks KMS for a data key (on upload) or to decrypt one (on download). The value is the ARN of the object; when the bucket uses an S3 Bucket Key it is the ARN of the bucket instead, and far fewer KMS calls appear. For CloudTrail log delivery it names the log file; when a trail is created or updated it names the bucket and log folder.',
    DOCS.s3SseKms,
  ),
  'aws:cloudtrail:arn': k(
    'AWS CloudTrail',
    'CloudTrail sets this to the ARN of the trail whose log files are encrypted with the key. A key policy can require it so that only your trails may use the key.',
    DOCS.ctWithKms,
  ),
  'aws:ebs:id': k(
    'Amazon EBS',
    'EBS sets this to the ID of the volume (vol-…) whose data key this is, or of the snapshot (snap-…) for snapshots copied with CopySnapshot; grants for EC2 are constrained to it. Next to aws:rds:db-id it is the storage volume of an RDS DB instance.',
    DOCS.ebs,
  ),
  'aws:rds:db-id': k('Amazon RDS', 'RDS sets this to the resource ID of the DB instance (db-…), not its name.', DOCS.rds),
  'aws:rds:dbc-id': k(
    'Amazon Aurora / RDS',
    'Aurora sets this to the resource ID of the DB cluster (cluster-…); database activity streams use it too.',
    DOCS.aurora,
  ),
  'aws:lambda:FunctionArn': k(
    'AWS Lambda',
    'Lambda sets this to the ARN of the function whose environment variables (or other function data) are encrypted with the key.',
    DOCS.lambdaEnv,
  ),
  SecretARN: k(
    'AWS Secrets Manager',
    'Secrets Manager sets this to the ARN of the secret whose value the data key protects.',
    DOCS.secretsManager,
  ),
  SecretVersionId: k(
    'AWS Secrets Manager',
    'Secrets Manager sets this to the version of the secret. The special value RequestToValidateKeyAccess marks a call Secrets Manager makes only to check that it may use the key.',
    DOCS.secretsManager,
  ),
  PARAMETER_ARN: k(
    'AWS Systems Manager Parameter Store',
    'Parameter Store sets this to the ARN of the SecureString parameter the key protects.',
    DOCS.ssmSecureString,
  ),
  'aws:dynamodb:tableName': k(
    'Amazon DynamoDB',
    'DynamoDB sets this to the name of the table whose table key is protected.',
    DOCS.dynamodb,
  ),
  'aws:dynamodb:subscriberId': k('Amazon DynamoDB', 'DynamoDB sets this to the account ID that owns the table.', DOCS.dynamodb),
  'aws:logs:arn': k(
    'Amazon CloudWatch Logs',
    'CloudWatch Logs sets this to the ARN of the log group whose data is encrypted with the key.',
    DOCS.logs,
  ),
  'aws:sqs:arn': k('Amazon SQS', 'SQS sets this to the ARN of the queue whose messages are encrypted with the key.', DOCS.sqs),
  'aws:sns:topicArn': k('Amazon SNS', 'SNS sets this to the ARN of the topic whose messages are encrypted with the key.', DOCS.sns),
  'aws:workmail:arn': k(
    'Amazon WorkMail',
    'WorkMail sets this to the ARN of the organization whose mailbox keys the KMS key protects (Encrypt when a mailbox is created, Decrypt when messages are read or written).',
    DOCS.workmail,
  ),
  'aws:acm:arn': k(
    'AWS Certificate Manager',
    'ACM sets this to the ARN of the certificate whose private key the KMS key protects.',
    DOCS.acm,
  ),
  'aws:elasticfilesystem:filesystem:id': k(
    'Amazon EFS',
    'EFS sets this to the ID of the file system (fs-…) encrypted with the key.',
    DOCS.efs,
  ),
  'aws:ses:source-account': k(
    'Amazon SES',
    'SES email receiving sets this to the account whose receipt rule stores the message.',
    DOCS.ses,
  ),
  'aws:ses:message-id': k('Amazon SES', 'SES email receiving sets this to the ID of the received message.', DOCS.ses),
  'aws:ses:rule-name': k(
    'Amazon SES',
    'SES email receiving sets this to the name of the receipt rule that encrypted the message.',
    DOCS.ses,
  ),
  'aws-crypto-public-key': k(
    'the AWS Encryption SDK',
    'The AWS Encryption SDK adds this pair when its algorithm suite signs messages: the value is the public key that verifies the signature. Seeing it means the data was encrypted client-side with the Encryption SDK.',
    DOCS.encryptionSdk,
  ),
};

/** A key not set by a known AWS integration: chosen by whoever called KMS. */
export const CUSTOM_CONTEXT_KEY: ContextKeyDoc = k(
  'the caller',
  'A pair chosen by whoever called KMS (not one a known AWS service sets). Like every context pair it is bound to the ciphertext: decryption must present the same pairs, and it is logged in plaintext, so it must not hold secrets.',
  DOCS.encryptionContext,
);

/** Keys under the reserved aws: prefix that this table does not know. */
export const AWS_PREFIX_CONTEXT_KEY: ContextKeyDoc = k(
  'an AWS service',
  'A pair under the aws: prefix, which only AWS services may set; this explorer does not know which service set this one.',
  DOCS.encryptionContext,
);
