/** Links to the AWS documentation pages the explanations are based on. */
import type { DocRef } from './types';

const CT = 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide';
const KMS_GUIDE = 'https://docs.aws.amazon.com/kms/latest/developerguide';

export const DOCS = {
  recordContents: { url: `${CT}/cloudtrail-event-reference-record-contents.html`, title: 'CloudTrail record contents' },
  userIdentity: { url: `${CT}/cloudtrail-event-reference-user-identity.html`, title: 'CloudTrail userIdentity element' },
  insights: { url: `${CT}/cloudtrail-insights-fields-trails.html`, title: 'CloudTrail Insights event record fields' },
  signIn: { url: `${CT}/cloudtrail-event-reference-aws-console-sign-in-events.html`, title: 'AWS console sign-in events' },
  serviceEvents: { url: `${CT}/non-api-aws-service-events.html`, title: 'AWS service events' },
  logFileExamples: { url: `${CT}/cloudtrail-log-file-examples.html`, title: 'CloudTrail log file examples' },
  ctWithKms: {
    url: `${CT}/encrypting-cloudtrail-log-files-with-aws-kms.html`,
    title: 'Encrypting CloudTrail log files with AWS KMS keys (SSE-KMS)',
  },
  ctKmsWorks: { url: `${CT}/how-kms-works-with-cloudtrail.html`, title: 'How AWS CloudTrail uses AWS KMS' },
  lookupEvents: {
    url: 'https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_LookupEvents.html',
    title: 'CloudTrail LookupEvents API',
  },
  lookupEvent: {
    url: 'https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_Event.html',
    title: 'CloudTrail Event (LookupEvents result)',
  },
  encryptionContext: { url: `${KMS_GUIDE}/encrypt_context.html`, title: 'AWS KMS encryption context' },
  kmsLogging: { url: `${KMS_GUIDE}/logging-using-cloudtrail.html`, title: 'Logging AWS KMS API calls with CloudTrail' },
  kmsKeySpecs: { url: `${KMS_GUIDE}/symm-asymm-choose-key-spec.html`, title: 'AWS KMS key specs' },
  kmsKeyState: { url: `${KMS_GUIDE}/key-state.html`, title: 'AWS KMS key states' },
  kmsConcepts: { url: `${KMS_GUIDE}/concepts.html`, title: 'AWS KMS concepts' },
  kmsGrants: { url: `${KMS_GUIDE}/grants.html`, title: 'Grants in AWS KMS' },
  kmsCustomKeyStore: { url: `${KMS_GUIDE}/key-store-overview.html`, title: 'AWS KMS custom key stores' },
  kmsImport: { url: `${KMS_GUIDE}/importing-keys.html`, title: 'Importing key material into AWS KMS keys' },
  kmsMultiRegion: { url: `${KMS_GUIDE}/multi-region-keys-overview.html`, title: 'Multi-Region keys in AWS KMS' },
  kmsEnclaves: { url: `${KMS_GUIDE}/services-nitro-enclaves.html`, title: 'How AWS Nitro Enclaves uses AWS KMS' },
  s3SseKms: {
    url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html',
    title: 'Amazon S3 server-side encryption with AWS KMS keys (SSE-KMS)',
  },
  s3BucketKey: { url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-key.html', title: 'Amazon S3 Bucket Keys' },
  ebs: { url: 'https://docs.aws.amazon.com/ebs/latest/userguide/how-ebs-encryption-works.html', title: 'How Amazon EBS encryption works' },
  secretsManager: {
    url: 'https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html',
    title: 'Secret encryption and decryption in AWS Secrets Manager',
  },
  lambdaEnv: {
    url: 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars-encryption.html',
    title: 'Securing Lambda environment variables',
  },
  ssmSecureString: {
    url: 'https://docs.aws.amazon.com/systems-manager/latest/userguide/secure-string-parameter-kms-encryption.html',
    title: 'How Parameter Store uses AWS KMS',
  },
  dynamodb: { url: `${KMS_GUIDE}/services-dynamodb.html`, title: 'How Amazon DynamoDB uses AWS KMS' },
  rds: {
    url: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.Keys.html',
    title: 'Amazon RDS: AWS KMS key management',
  },
  logs: {
    url: 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html',
    title: 'Encrypt log data in CloudWatch Logs using AWS KMS',
  },
  sqs: {
    url: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-key-management.html',
    title: 'Amazon SQS key management',
  },
  sns: { url: 'https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html', title: 'Amazon SNS key management' },
} as const satisfies Record<string, DocRef>;

/** The KMS API reference page of an operation (request and response members). */
export function kmsApiDoc(operation: string): DocRef {
  return { url: `https://docs.aws.amazon.com/kms/latest/APIReference/API_${operation}.html`, title: `AWS KMS ${operation} API reference` };
}

/** The KMS Developer Guide page that shows this operation's CloudTrail event. */
export function kmsEventDoc(page: string, operation: string): DocRef {
  return { url: `${KMS_GUIDE}/${page}.html`, title: `${operation} in CloudTrail (AWS KMS Developer Guide)` };
}
