/** The policy KMS gives a key created without one (`key-default-1`). */
export function defaultKeyPolicy(accountId: string): string {
  return JSON.stringify(
    {
      Version: '2012-10-17',
      Id: 'key-default-1',
      Statement: [
        {
          Sid: 'Enable IAM User Permissions',
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${accountId}:root` },
          Action: 'kms:*',
          Resource: '*',
        },
      ],
    },
    null,
    2,
  );
}

/** The policy the CloudTrail console creates for a trail key ("Key policy created by CloudTrail"). */
export function cloudTrailKeyPolicy(accountId: string, region: string, trailArn: string): string {
  const trailPattern = `arn:aws:cloudtrail:*:${accountId}:trail/*`;
  return JSON.stringify(
    {
      Version: '2012-10-17',
      Id: 'Key policy created by CloudTrail',
      Statement: [
        {
          Sid: 'Enable IAM User Permissions',
          Effect: 'Allow',
          Principal: { AWS: [`arn:aws:iam::${accountId}:root`] },
          Action: 'kms:*',
          Resource: '*',
        },
        {
          Sid: 'Allow CloudTrail to encrypt logs',
          Effect: 'Allow',
          Principal: { Service: 'cloudtrail.amazonaws.com' },
          Action: 'kms:GenerateDataKey*',
          Resource: '*',
          Condition: {
            StringEquals: { 'aws:SourceArn': trailArn },
            StringLike: { 'kms:EncryptionContext:aws:cloudtrail:arn': trailPattern },
          },
        },
        {
          Sid: 'Allow CloudTrail to describe key',
          Effect: 'Allow',
          Principal: { Service: 'cloudtrail.amazonaws.com' },
          Action: 'kms:DescribeKey',
          Resource: '*',
          Condition: { StringEquals: { 'aws:SourceArn': trailArn } },
        },
        {
          Sid: 'Allow principals in the account to decrypt log files',
          Effect: 'Allow',
          Principal: { AWS: '*' },
          Action: ['kms:Decrypt', 'kms:ReEncryptFrom'],
          Resource: '*',
          Condition: {
            StringEquals: { 'kms:CallerAccount': accountId },
            StringLike: { 'kms:EncryptionContext:aws:cloudtrail:arn': trailPattern },
          },
        },
        {
          Sid: 'Allow alias creation during setup',
          Effect: 'Allow',
          Principal: { AWS: '*' },
          Action: 'kms:CreateAlias',
          Resource: '*',
          Condition: {
            StringEquals: { 'kms:ViaService': `ec2.${region}.amazonaws.com`, 'kms:CallerAccount': accountId },
          },
        },
        {
          Sid: 'Enable cross account log decryption',
          Effect: 'Allow',
          Principal: { AWS: '*' },
          Action: ['kms:Decrypt', 'kms:ReEncryptFrom'],
          Resource: '*',
          Condition: {
            StringEquals: { 'kms:CallerAccount': accountId },
            StringLike: { 'kms:EncryptionContext:aws:cloudtrail:arn': trailPattern },
          },
        },
      ],
    },
    null,
    2,
  );
}
