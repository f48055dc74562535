/**
 * Service principals as they appear in invokedBy, sourceIPAddress, granteePrincipal…: `<service>.amazonaws.com`,
 * or regional `<service>.<region>.amazonaws.com` (logs, workmail, grants to dynamodb…). Parsed by splitting, never by regex.
 */
import { own } from './types';

const NAMES: Readonly<Record<string, string>> = {
  cloudtrail: 'CloudTrail',
  s3: 'Amazon S3',
  ec2: 'Amazon EC2',
  ebs: 'Amazon EBS',
  secretsmanager: 'Secrets Manager',
  lambda: 'Lambda',
  ssm: 'Systems Manager',
  dynamodb: 'DynamoDB',
  rds: 'Amazon RDS',
  logs: 'CloudWatch Logs',
  sqs: 'Amazon SQS',
  sns: 'Amazon SNS',
  kms: 'AWS KMS',
  signin: 'the console sign-in service',
  workmail: 'Amazon WorkMail',
  acm: 'AWS Certificate Manager',
  elasticfilesystem: 'Amazon EFS',
  backup: 'AWS Backup',
  glue: 'AWS Glue',
  kinesis: 'Kinesis',
  firehose: 'Data Firehose',
  redshift: 'Amazon Redshift',
  ses: 'Amazon SES',
  sts: 'AWS STS',
  iam: 'IAM',
  cloudformation: 'CloudFormation',
  autoscaling: 'EC2 Auto Scaling',
  codedeploy: 'CodeDeploy',
  config: 'AWS Config',
  organizations: 'AWS Organizations',
  sso: 'IAM Identity Center',
  'cognito-identity': 'Amazon Cognito',
  'cognito-idp': 'Amazon Cognito user pools',
  monitoring: 'CloudWatch',
  events: 'EventBridge',
  states: 'Step Functions',
  athena: 'Athena',
  elasticmapreduce: 'Amazon EMR',
  es: 'OpenSearch Service',
  ecr: 'Amazon ECR',
  ecs: 'Amazon ECS',
  eks: 'Amazon EKS',
};

export interface ServicePrincipal {
  /** The service id (`logs`, `dynamodb`…). */
  id: string;
  /** The Region part of a regional principal. */
  region?: string;
  /** A readable name ("CloudWatch Logs"). */
  name: string;
}

const SUFFIX = '.amazonaws.com';
const MAX = 128;

/** `logs.us-east-1.amazonaws.com` → { id: 'logs', region: 'us-east-1', name: 'CloudWatch Logs' }; undefined for anything else. */
export function parseServicePrincipal(principal: string): ServicePrincipal | undefined {
  if (principal.length > MAX || !principal.endsWith(SUFFIX)) return undefined;
  const parts = principal.slice(0, -SUFFIX.length).split('.');
  if (parts.length === 0 || parts.length > 2 || parts.some((p) => p === '' || !isLabel(p))) return undefined;
  const [id, region] = parts;
  return { id, ...(region ? { region } : {}), name: own(NAMES, id) ?? `the AWS service ${id}` };
}

function isLabel(text: string): boolean {
  for (const c of text) if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c === '-')) return false;
  return true;
}

/** A readable name of who made a request on someone's behalf; the value itself when it is not a service principal. */
export function serviceName(principal: string): string {
  if (principal === 'AWS Internal') return 'AWS itself';
  return parseServicePrincipal(principal)?.name ?? principal;
}

/** The value `kms:ViaService` takes for requests this service makes for a principal in `region`. */
export function viaService(principal: string, region: string | undefined): string | undefined {
  const parsed = parseServicePrincipal(principal);
  if (!parsed || parsed.id === 'internal') return undefined;
  const r = parsed.region ?? region;
  if (!r || !isLabel(r)) return undefined;
  return `${parsed.id}.${r}.amazonaws.com`;
}
