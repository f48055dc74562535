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

/** The console policy's first statements: the account's IAM delegation, and CloudTrail may encrypt and describe. */
export function cloudTrailServiceStatements(accountId: string, trailArn: string): Array<Record<string, unknown>> {
  return [
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
        StringLike: { 'kms:EncryptionContext:aws:cloudtrail:arn': `arn:aws:cloudtrail:*:${accountId}:trail/*` },
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
  ];
}

/** The policy the CloudTrail console creates for a trail key ("Key policy created by CloudTrail"). */
export function cloudTrailKeyPolicy(accountId: string, region: string, trailArn: string): string {
  const trailPattern = `arn:aws:cloudtrail:*:${accountId}:trail/*`;
  return JSON.stringify(
    {
      Version: '2012-10-17',
      Id: 'Key policy created by CloudTrail',
      Statement: [
        ...cloudTrailServiceStatements(accountId, trailArn),
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

/**
 * The healthy trail key's policy (default world): the statements of the console's CloudTrail key policy, except that
 * reading logs is granted to the CloudTrail administrator by name and to the rest of the account through IAM
 * (principal = the account root, the documented "Enable log file decryption" form). So the admin may decrypt by the
 * key policy alone, and the auditor, whose IAM policy has no kms:Decrypt, may not — and both facts are in the policy.
 */
export function trailKeyPolicy(accountId: string, region: string, trailArn: string, administratorArn: string): string {
  const console = JSON.parse(cloudTrailKeyPolicy(accountId, region, trailArn)) as { Statement: Array<Record<string, unknown>> };
  const bySid = (sid: string) => console.Statement.find((s) => s.Sid === sid)!;
  const trailPattern = `arn:aws:cloudtrail:*:${accountId}:trail/*`;
  return JSON.stringify(
    {
      Version: '2012-10-17',
      Id: 'Key policy created by CloudTrail',
      Statement: [
        bySid('Enable IAM User Permissions'),
        bySid('Allow CloudTrail to encrypt logs'),
        bySid('Allow CloudTrail to describe key'),
        {
          Sid: 'Allow the CloudTrail administrator to decrypt log files',
          Effect: 'Allow',
          Principal: { AWS: administratorArn },
          Action: ['kms:Decrypt', 'kms:ReEncryptFrom'],
          Resource: '*',
          Condition: { Null: { 'kms:EncryptionContext:aws:cloudtrail:arn': 'false' } },
        },
        {
          Sid: 'Allow principals in the account to decrypt log files',
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${accountId}:root` },
          Action: ['kms:Decrypt', 'kms:ReEncryptFrom'],
          Resource: '*',
          Condition: {
            StringEquals: { 'kms:CallerAccount': accountId },
            StringLike: { 'kms:EncryptionContext:aws:cloudtrail:arn': trailPattern },
          },
        },
        bySid('Allow alias creation during setup'),
      ],
    },
    null,
    2,
  );
}

/** The policy AWS gives an AWS managed key (`alias/aws/<service>`): use only through that service, metadata for the account. */
export function awsManagedKeyPolicy(accountId: string, region: string, service: string): string {
  const via = service === 'ebs' ? 'ec2' : service;
  const label = service === 'ebs' ? 'EBS' : service === 'lambda' ? 'Lambda' : 'Secrets Manager';
  return JSON.stringify(
    {
      Version: '2012-10-17',
      Id: `auto-${service}-2`,
      Statement: [
        {
          Sid: `Allow access through ${label} for all principals in the account that are authorized to use ${label}`,
          Effect: 'Allow',
          Principal: { AWS: '*' },
          Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:CreateGrant', 'kms:DescribeKey'],
          Resource: '*',
          Condition: { StringEquals: { 'kms:CallerAccount': accountId, 'kms:ViaService': `${via}.${region}.amazonaws.com` } },
        },
        {
          Sid: 'Allow direct access to key metadata to the account',
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${accountId}:root` },
          Action: ['kms:Describe*', 'kms:Get*', 'kms:List*', 'kms:RevokeGrant'],
          Resource: '*',
        },
      ],
    },
    null,
    2,
  );
}
