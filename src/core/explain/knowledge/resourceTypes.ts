/** resources[].type values (`AWS::<Service>::<Type>`), the common ones by name and any other by its parts. */
import { own } from './types';

export const RESOURCE_TYPES: Readonly<Record<string, string>> = {
  'AWS::KMS::Key': 'A KMS key.',
  'AWS::IAM::Role': 'An IAM role.',
  'AWS::IAM::User': 'An IAM user.',
  'AWS::IAM::Group': 'An IAM group.',
  'AWS::IAM::Policy': 'A managed IAM policy.',
  'AWS::IAM::SAMLProvider': 'A SAML identity provider registered in IAM (the one a SAML federation trusted).',
  'AWS::IAM::OIDCProvider': 'An OpenID Connect identity provider registered in IAM.',
  'AWS::IAM::InstanceProfile': 'An EC2 instance profile (how an instance gets its role).',
  'AWS::IAM::AccessKey': 'An IAM access key.',
  'AWS::S3::Object': 'An S3 object.',
  'AWS::S3::Bucket': 'An S3 bucket.',
  'AWS::S3::AccessPoint': 'An S3 access point.',
  'AWS::CloudTrail::Trail': 'A CloudTrail trail.',
  'AWS::CloudTrail::Channel': 'A CloudTrail channel (for example a service-linked channel through which a service delivers events).',
  'AWS::CloudTrail::EventDataStore': 'A CloudTrail Lake event data store.',
  'AWS::DynamoDB::Table': 'A DynamoDB table.',
  'AWS::Lambda::Function': 'A Lambda function.',
  'AWS::SecretsManager::Secret': 'A Secrets Manager secret.',
  'AWS::SNS::Topic': 'An SNS topic.',
  'AWS::SQS::Queue': 'An SQS queue.',
  'AWS::EC2::Instance': 'An EC2 instance.',
  'AWS::EC2::Volume': 'An EBS volume.',
  'AWS::EC2::Snapshot': 'An EBS snapshot.',
  'AWS::EC2::SecurityGroup': 'A VPC security group.',
  'AWS::EC2::VPC': 'A VPC.',
  'AWS::EC2::VPCEndpoint': 'A VPC endpoint.',
  'AWS::RDS::DBInstance': 'An RDS DB instance.',
  'AWS::RDS::DBCluster': 'An Aurora or RDS DB cluster.',
  'AWS::RDS::DBSnapshot': 'An RDS DB snapshot.',
  'AWS::Logs::LogGroup': 'A CloudWatch Logs log group.',
  'AWS::SSM::Parameter': 'A Systems Manager parameter.',
  'AWS::Cognito::IdentityPool': 'An Amazon Cognito identity pool (it hands out AWS credentials to app users).',
  'AWS::Cognito::UserPool': 'An Amazon Cognito user pool.',
  'AWS::CertificateManager::Certificate': 'An ACM certificate.',
  'AWS::EFS::FileSystem': 'An EFS file system.',
  'AWS::ECR::Repository': 'An ECR repository.',
  'AWS::STS::AssumedRole': 'An assumed-role session.',
};

const MAX = 200;

/** What a resources[].type value names; `AWS::Example::Thing` unknown to the table reads "a Thing resource of the Example service". */
export function describeResourceType(value: string): string | undefined {
  const known = own(RESOURCE_TYPES, value);
  if (known) return known;
  if (value.length > MAX) return undefined;
  const parts = value.split('::');
  if (parts.length !== 3 || parts[0] !== 'AWS' || parts[1] === '' || parts[2] === '') return undefined;
  return `A ${parts[2]} resource of the ${parts[1]} service (a type this explorer has no note on).`;
}
