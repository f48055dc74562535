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
  aurora: {
    url: 'https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Overview.Encryption.Keys.html',
    title: 'Amazon Aurora: AWS KMS key management',
  },
  workmail: { url: `${KMS_GUIDE}/service-integration.html`, title: 'AWS services integrated with AWS KMS' },
  acm: { url: `${KMS_GUIDE}/service-integration.html`, title: 'AWS services integrated with AWS KMS' },
  efs: { url: `${KMS_GUIDE}/service-integration.html`, title: 'AWS services integrated with AWS KMS' },
  encryptionSdk: {
    url: 'https://docs.aws.amazon.com/encryption-sdk/latest/developer-guide/concepts.html',
    title: 'AWS Encryption SDK concepts (encryption context)',
  },
  ses: { url: `${KMS_GUIDE}/service-integration.html`, title: 'AWS services integrated with AWS KMS' },
  kmsConditions: { url: `${KMS_GUIDE}/conditions-kms.html`, title: 'AWS KMS condition keys' },
  sts: {
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/cloudtrail-integration.html',
    title: 'Logging IAM and AWS STS calls with CloudTrail',
  },
  stsApi: { url: 'https://docs.aws.amazon.com/STS/latest/APIReference/welcome.html', title: 'AWS STS API reference' },
  sessionTags: { url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html', title: 'Passing session tags in AWS STS' },
  sourceIdentity: {
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_control-access_monitor.html',
    title: 'Monitor and control actions taken with assumed roles (source identity)',
  },
  identityCenterSignIn: {
    url: 'https://docs.aws.amazon.com/singlesignon/latest/userguide/understanding-sign-in-events.html',
    title: 'Understanding IAM Identity Center sign-in events',
  },
  networkEvents: { url: `${CT}/logging-network-events-with-cloudtrail.html`, title: 'Logging network activity events' },
  vpceEndpointPolicy: {
    url: 'https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html',
    title: 'Control access to VPC endpoints using endpoint policies',
  },
  s3CloudTrail: {
    url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/cloudtrail-logging-s3-info.html',
    title: 'Amazon S3 information in CloudTrail',
  },
  s3Api: { url: 'https://docs.aws.amazon.com/AmazonS3/latest/API/Welcome.html', title: 'Amazon S3 API reference' },
  snsApi: { url: 'https://docs.aws.amazon.com/sns/latest/api/API_Publish.html', title: 'Amazon SNS Publish API reference' },
  cognitoApi: {
    url: 'https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_GetCredentialsForIdentity.html',
    title: 'Amazon Cognito GetCredentialsForIdentity API reference',
  },
  cloudTrailApi: {
    url: 'https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/Welcome.html',
    title: 'AWS CloudTrail API reference',
  },
  iamApi: { url: 'https://docs.aws.amazon.com/IAM/latest/APIReference/welcome.html', title: 'IAM API reference' },
  errors: { url: 'https://docs.aws.amazon.com/kms/latest/APIReference/CommonErrors.html', title: 'AWS KMS common errors' },
} as const satisfies Record<string, DocRef>;

/** The KMS API reference page of an operation (request and response members). */
export function kmsApiDoc(operation: string): DocRef {
  return { url: `https://docs.aws.amazon.com/kms/latest/APIReference/API_${operation}.html`, title: `AWS KMS ${operation} API reference` };
}

/** The KMS Developer Guide page that shows this operation's CloudTrail event. */
export function kmsEventDoc(page: string, operation: string): DocRef {
  return { url: `${KMS_GUIDE}/${page}.html`, title: `${operation} in CloudTrail (AWS KMS Developer Guide)` };
}
