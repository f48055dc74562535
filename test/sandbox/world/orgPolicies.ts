/** Key and bucket policies of the organization world (management-account keys, log-archive buckets). */
import { ORG_ACCOUNTS, ORGANIZATION_ID } from '../accounts';
import { cloudTrailServiceStatements } from '../kms/policy';

const root = (account: string) => `arn:aws:iam::${account}:root`;
const cloudTrailStatements = (trailArn: string) => cloudTrailServiceStatements(ORG_ACCOUNTS.management, trailArn);

/**
 * The organization trail's key: the log-archive account may decrypt through S3 (delegated to its IAM), the workload
 * members may describe it, and nobody outside the organization may decrypt (explicit deny).
 */
export function organizationKeyPolicy(trailArn: string): string {
  return JSON.stringify(
    {
      Version: '2012-10-17',
      Id: 'organization-trail-key',
      Statement: [
        ...cloudTrailStatements(trailArn),
        {
          Sid: 'Allow the log archive account to decrypt log files through S3',
          Effect: 'Allow',
          Principal: { AWS: root(ORG_ACCOUNTS.logArchive) },
          Action: 'kms:Decrypt',
          Resource: '*',
          Condition: {
            Null: { 'kms:EncryptionContext:aws:cloudtrail:arn': 'false' },
            StringLike: { 'kms:ViaService': 's3.*.amazonaws.com' },
          },
        },
        {
          Sid: 'Allow member accounts to describe the key',
          Effect: 'Allow',
          Principal: { AWS: [root(ORG_ACCOUNTS.memberProd), root(ORG_ACCOUNTS.memberDev)] },
          Action: 'kms:DescribeKey',
          Resource: '*',
        },
        {
          Sid: 'Deny decryption outside the organization',
          Effect: 'Deny',
          Principal: { AWS: '*' },
          Action: 'kms:Decrypt',
          Resource: '*',
          Condition: { StringNotEquals: { 'aws:PrincipalOrgID': ORGANIZATION_ID } },
        },
      ],
    },
    null,
    2,
  );
}

/** The Control Tower trail's key: the log-archive reader is named (its account's IAM must allow it too). */
export function controlTowerKeyPolicy(trailArn: string, readerArn: string): string {
  return JSON.stringify(
    {
      Version: '2012-10-17',
      Id: 'control-tower-trail-key',
      Statement: [
        ...cloudTrailStatements(trailArn),
        {
          Sid: 'Allow the log reader to decrypt log files',
          Effect: 'Allow',
          Principal: { AWS: readerArn },
          Action: ['kms:Decrypt', 'kms:DescribeKey'],
          Resource: '*',
          Condition: {
            StringLike: { 'kms:EncryptionContext:aws:cloudtrail:arn': `arn:aws:cloudtrail:*:${ORG_ACCOUNTS.management}:trail/*` },
          },
        },
      ],
    },
    null,
    2,
  );
}

/** A log-archive bucket: CloudTrail writes for the organization; the management account may read (to validate). */
export function logArchiveBucketPolicy(bucket: string, prefix: string, trailArn: string): string {
  const arn = `arn:aws:s3:::${bucket}`;
  const under = prefix ? `${arn}/${prefix}` : arn;
  return JSON.stringify(
    {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'AWSCloudTrailAclCheck20150319',
          Effect: 'Allow',
          Principal: { Service: 'cloudtrail.amazonaws.com' },
          Action: 's3:GetBucketAcl',
          Resource: arn,
          Condition: { StringEquals: { 'aws:SourceArn': trailArn } },
        },
        {
          Sid: 'AWSCloudTrailWrite20150319',
          Effect: 'Allow',
          Principal: { Service: 'cloudtrail.amazonaws.com' },
          Action: 's3:PutObject',
          Resource: [`${under}/AWSLogs/${ORG_ACCOUNTS.management}/*`, `${under}/AWSLogs/${ORGANIZATION_ID}/*`],
          Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', 'aws:SourceArn': trailArn } },
        },
        {
          Sid: 'AllowManagementAccountToReadLogs',
          Effect: 'Allow',
          Principal: { AWS: root(ORG_ACCOUNTS.management) },
          Action: ['s3:GetObject', 's3:ListBucket', 's3:GetBucketLocation'],
          Resource: [arn, `${arn}/*`],
        },
      ],
    },
    null,
    2,
  );
}
