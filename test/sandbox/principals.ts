import type { Principal, PrincipalName } from './types';

export const ACCOUNT_ID = '111122223333';

export interface SandboxPrincipal extends Principal {
  userId: string;
  userName: string;
  /** IAM-style action patterns (`kms:Describe*`); `*` = everything. */
  allows: string[];
}

// Fixed test credentials: meaningless outside the sandbox, stable so docs and profiles can name them.
export const PRINCIPALS: Record<PrincipalName, SandboxPrincipal> = {
  admin: {
    name: 'admin',
    accessKeyId: 'AKIASANDBOXADMIN0001',
    secretAccessKey: 'sandbox/admin/wJalrXUtnFEMIK7MDENGbPxRfiCY',
    arn: `arn:aws:iam::${ACCOUNT_ID}:user/cloudtrail-admin`,
    userId: 'AIDASANDBOXADMIN0001',
    userName: 'cloudtrail-admin',
    allows: ['*'],
  },
  auditor: {
    name: 'auditor',
    accessKeyId: 'AKIASANDBOXAUDIT0001',
    secretAccessKey: 'sandbox/auditor/h7SkTq9QxZb4WpLr2NcVy6Ud',
    arn: `arn:aws:iam::${ACCOUNT_ID}:user/auditor`,
    userId: 'AIDASANDBOXAUDIT0001',
    userName: 'auditor',
    allows: [
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
    ],
  },
};

export function principalByAccessKey(accessKeyId: string): SandboxPrincipal | undefined {
  return Object.values(PRINCIPALS).find((p) => p.accessKeyId === accessKeyId);
}

export function isAllowed(principal: SandboxPrincipal, action: string): boolean {
  return principal.allows.some((pattern) =>
    pattern === '*' ? true : pattern.endsWith('*') ? action.startsWith(pattern.slice(0, -1)) : pattern === action,
  );
}

/** The IAM wording AWS uses when no identity-based policy grants an action. */
export function notAuthorizedMessage(principal: SandboxPrincipal, action: string, resource: string): string {
  return `User: ${principal.arn} is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`;
}
