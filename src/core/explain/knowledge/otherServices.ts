/** Members of other services whose events the analyst meets next to KMS: SNS, Cognito, CloudTrail and IAM. */
import { DOCS } from './docs';
import { field as f } from './field';
import { CREDENTIALS } from './sts';
import type { FieldTable } from './types';

const HIDDEN = 'CloudTrail hides the content (HIDDEN_DUE_TO_SECURITY_REASONS).';

export const SNS_FIELDS: FieldTable = {
  'requestParameters.topicArn': f('Topic', 'The ARN of the topic the message was published to.', 'string', DOCS.snsApi),
  'requestParameters.targetArn': f('Endpoint', 'The ARN of the endpoint the message was published to.', 'string', DOCS.snsApi),
  'requestParameters.message': f('Message', `The message body. ${HIDDEN}`, 'string', DOCS.snsApi),
  'requestParameters.subject': f('Subject', `The subject of the message. ${HIDDEN}`, 'string', DOCS.snsApi),
  'requestParameters.messageStructure': f(
    'Message structure',
    'json when the message holds a different text per protocol.',
    'string',
    DOCS.snsApi,
  ),
  'requestParameters.messageAttributes': f('Message attributes', `The attributes of the message. ${HIDDEN}`, 'string', DOCS.snsApi),
  'responseElements.messageId': f('Message ID', 'The ID SNS gave the published message.', 'string', DOCS.snsApi),
};

const IDENTITY = f('Cognito identity', 'The ID (<region>:<uuid>) of the identity in the Cognito identity pool.', 'string', DOCS.cognitoApi);

export const COGNITO_IDENTITY_FIELDS: FieldTable = {
  ...CREDENTIALS,
  'requestParameters.identityId': IDENTITY,
  'responseElements.identityId': IDENTITY,
  'requestParameters.logins': f(
    'Identity provider tokens',
    'The tokens of the identity providers the user signed in with, keyed by provider name; the tokens themselves are hidden.',
    'map of string to string',
    DOCS.cognitoApi,
    undefined,
    {
      entries: f(
        'A login',
        'The provider name (for a user pool: cognito-idp.<region>.amazonaws.com/<pool id>) and its hidden token.',
        'string',
        DOCS.cognitoApi,
      ),
    },
  ),
  'requestParameters.customRoleArn': f('Role asked for', 'The role the caller asked the identity pool for.', 'string', DOCS.cognitoApi),
};

export const CLOUDTRAIL_FIELDS: FieldTable = {
  'requestParameters.name': f('Trail', 'The name or ARN of the trail the call was about.', 'string', DOCS.cloudTrailApi),
  'requestParameters.trailName': f('Trail', 'The name or ARN of the trail the call was about.', 'string', DOCS.cloudTrailApi),
  'requestParameters.s3BucketName': f('Log bucket', 'The bucket the trail delivers its log files to.', 'string', DOCS.cloudTrailApi),
  'requestParameters.s3KeyPrefix': f(
    'Log folder prefix',
    'The prefix in the bucket under which AWSLogs/ starts.',
    'string',
    DOCS.cloudTrailApi,
  ),
  'requestParameters.kmsKeyId': f(
    'KMS key of the trail',
    'The KMS key the trail encrypts its log and digest files with (SSE-KMS).',
    'string',
    DOCS.ctWithKms,
  ),
  'requestParameters.eventDataStore': f(
    'Event data store',
    'The ARN of the CloudTrail Lake event data store.',
    'string',
    DOCS.cloudTrailApi,
  ),
  'requestParameters.isMultiRegionTrail': f('All Regions', 'Whether the trail logs every Region.', 'boolean', DOCS.cloudTrailApi),
  'requestParameters.enableLogFileValidation': f(
    'Log file integrity validation',
    'Whether the trail writes signed digest files.',
    'boolean',
    DOCS.cloudTrailApi,
  ),
};

const IAM = DOCS.iamApi;

export const IAM_FIELDS: FieldTable = {
  'requestParameters.userName': f('IAM user', 'The name of the IAM user the call was about.', 'string', IAM),
  'requestParameters.roleName': f('IAM role', 'The name of the IAM role the call was about.', 'string', IAM),
  'requestParameters.groupName': f('IAM group', 'The name of the IAM group the call was about.', 'string', IAM),
  'requestParameters.policyName': f('Inline policy name', 'The name of the inline policy the call was about.', 'string', IAM),
  'requestParameters.policyArn': f('Managed policy', 'The ARN of the managed policy the call was about.', 'string', IAM),
  'requestParameters.policyDocument': f('Policy document', 'The policy document (JSON) the call set.', 'string', IAM),
  'requestParameters.accessKeyId': f('Access key', 'The access key ID the call was about.', 'string', IAM),
};
