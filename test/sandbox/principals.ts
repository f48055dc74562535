import type { PolicyStatement } from './iam/policy';
import type { Principal, PrincipalName } from './types';
import { ORG_ACCOUNTS } from './accounts';

export const ACCOUNT_ID = '111122223333';

export interface SandboxPrincipal extends Principal {
  userId: string;
  userName: string;
  /**
   * The actions its identity-based (IAM) policy allows on every resource, as IAM action patterns (`kms:Describe*`;
   * `*` = everything). Tests may change this list at run time (the sandbox reads it on every request).
   */
  allows: string[];
  /** Further identity-based statements (resource-scoped allows, explicit denies), evaluated with `allows`. */
  statements?: PolicyStatement[];
}

const user = (accountId: string, userName: string) => `arn:aws:iam::${accountId}:user/${userName}`;

/** What an auditor reads: buckets and objects, keys' metadata, trails and their events. */
const AUDIT_READ = [
  's3:ListAllMyBuckets',
  's3:ListBucket',
  's3:GetObject',
  's3:GetBucketLocation',
  'kms:Describe*',
  'kms:List*',
  'kms:Get*',
  'cloudtrail:Describe*',
  'cloudtrail:Get*',
  'cloudtrail:List*',
  'cloudtrail:LookupEvents',
  'sts:GetCallerIdentity',
  'iam:SimulatePrincipalPolicy',
];

// Fixed test credentials: meaningless outside the sandbox, stable so docs and profiles can name them.
export const PRINCIPALS: Record<PrincipalName, SandboxPrincipal> = {
  admin: {
    name: 'admin',
    accountId: ACCOUNT_ID,
    accessKeyId: 'AKIASANDBOXADMIN0001',
    secretAccessKey: 'sandbox/admin/wJalrXUtnFEMIK7MDENGbPxRfiCY',
    arn: user(ACCOUNT_ID, 'cloudtrail-admin'),
    userId: 'AIDASANDBOXADMIN0001',
    userName: 'cloudtrail-admin',
    allows: ['*'],
  },
  auditor: {
    name: 'auditor',
    accountId: ACCOUNT_ID,
    accessKeyId: 'AKIASANDBOXAUDIT0001',
    secretAccessKey: 'sandbox/auditor/h7SkTq9QxZb4WpLr2NcVy6Ud',
    arn: user(ACCOUNT_ID, 'auditor'),
    userId: 'AIDASANDBOXAUDIT0001',
    userName: 'auditor',
    allows: [...AUDIT_READ],
  },
  orgAdmin: {
    name: 'orgAdmin',
    accountId: ORG_ACCOUNTS.management,
    accessKeyId: 'AKIASANDBOXORGADMIN1',
    secretAccessKey: 'sandbox/org-admin/Qm3Vt8XcLp2RzK7WnY5aHd4J',
    arn: user(ORG_ACCOUNTS.management, 'org-admin'),
    userId: 'AIDASANDBOXORGADMIN1',
    userName: 'org-admin',
    allows: ['*'],
  },
  memberAuditor: {
    name: 'memberAuditor',
    accountId: ORG_ACCOUNTS.memberProd,
    accessKeyId: 'AKIASANDBOXMEMBER001',
    secretAccessKey: 'sandbox/member-auditor/Zr8Kp4WcNt6YbQ2LvX9mHs3D',
    arn: user(ORG_ACCOUNTS.memberProd, 'security-auditor'),
    userId: 'AIDASANDBOXMEMBER001',
    userName: 'security-auditor',
    // Its own IAM would let it read and decrypt anything: the bucket policy and the key policy are what refuse it.
    allows: [...AUDIT_READ, 'kms:Decrypt', 'organizations:Describe*', 'organizations:List*'],
  },
  logArchiveReader: {
    name: 'logArchiveReader',
    accountId: ORG_ACCOUNTS.logArchive,
    accessKeyId: 'AKIASANDBOXLOGREAD01',
    secretAccessKey: 'sandbox/log-reader/Hc5Tn2QwRk8MzV4PxL7bJy6F',
    arn: user(ORG_ACCOUNTS.logArchive, 'log-reader'),
    userId: 'AIDASANDBOXLOGREAD01',
    userName: 'log-reader',
    // Reads its own account's buckets and decrypts with the management account's trail keys; no CloudTrail at all.
    allows: ['s3:ListAllMyBuckets', 's3:ListBucket', 's3:GetObject', 's3:GetBucketLocation', 'sts:GetCallerIdentity'],
    statements: [
      {
        Sid: 'DecryptOrganizationTrailLogs',
        Effect: 'Allow',
        Action: ['kms:Decrypt', 'kms:DescribeKey'],
        Resource: `arn:aws:kms:*:${ORG_ACCOUNTS.management}:key/*`,
      },
    ],
  },
};

export function principalByAccessKey(accessKeyId: string): SandboxPrincipal | undefined {
  return Object.values(PRINCIPALS).find((p) => p.accessKeyId === accessKeyId);
}

/** The principal's identity-based policy as statements (its `allows` list first, then its own statements). */
export function identityStatements(principal: SandboxPrincipal): PolicyStatement[] {
  return [{ Sid: 'Allows', Effect: 'Allow', Action: [...principal.allows], Resource: '*' }, ...(principal.statements ?? [])];
}
