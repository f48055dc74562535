/** Members of requestParameters / responseElements / additionalEventData / serviceEventDetails known per eventSource. */
import { CLOUDTRAIL_FIELDS, COGNITO_IDENTITY_FIELDS, IAM_FIELDS, SNS_FIELDS } from './otherServices';
import { S3_FIELDS } from './s3';
import { SIGN_IN_FIELDS } from './signIn';
import { STS_FIELDS } from './sts';
import type { FieldTable } from './types';

export const SERVICE_FIELDS: Readonly<Record<string, FieldTable>> = {
  'sts.amazonaws.com': STS_FIELDS,
  's3.amazonaws.com': S3_FIELDS,
  'sns.amazonaws.com': SNS_FIELDS,
  'cognito-identity.amazonaws.com': COGNITO_IDENTITY_FIELDS,
  'cloudtrail.amazonaws.com': CLOUDTRAIL_FIELDS,
  'iam.amazonaws.com': IAM_FIELDS,
  'signin.amazonaws.com': SIGN_IN_FIELDS,
};
