/**
 * The accounts of the sandbox. `111122223333` is the standalone account of the default world; the organization
 * (management, log archive, two workload members) lives in accounts of its own, so what the default account sees
 * (buckets, trails, keys, events) does not change.
 */

export const ORGANIZATION_ID = 'o-a1b2c3d4e5';

export const ORG_ACCOUNTS = {
  management: '210987654321',
  logArchive: '321098765432',
  memberProd: '432109876543',
  memberDev: '543210987654',
} as const;

export interface AccountInfo {
  id: string;
  name: string;
  email: string;
  /** Organization the account belongs to, if any. */
  organizationId?: string;
  joined: Date;
}

export const ACCOUNTS: AccountInfo[] = [
  { id: '111122223333', name: 'Standalone', email: 'aws+standalone@example.com', joined: new Date('2026-01-05T10:00:00Z') },
  {
    id: ORG_ACCOUNTS.management,
    name: 'Management',
    email: 'aws+management@example.com',
    organizationId: ORGANIZATION_ID,
    joined: new Date('2025-02-01T09:00:00Z'),
  },
  {
    id: ORG_ACCOUNTS.logArchive,
    name: 'Log Archive',
    email: 'aws+log-archive@example.com',
    organizationId: ORGANIZATION_ID,
    joined: new Date('2025-02-01T09:20:00Z'),
  },
  {
    id: ORG_ACCOUNTS.memberProd,
    name: 'Workloads Prod',
    email: 'aws+workloads-prod@example.com',
    organizationId: ORGANIZATION_ID,
    joined: new Date('2025-03-10T14:00:00Z'),
  },
  {
    id: ORG_ACCOUNTS.memberDev,
    name: 'Workloads Dev',
    email: 'aws+workloads-dev@example.com',
    organizationId: ORGANIZATION_ID,
    joined: new Date('2025-03-10T14:05:00Z'),
  },
];

export function accountInfo(id: string): AccountInfo | undefined {
  return ACCOUNTS.find((a) => a.id === id);
}

export function organizationOf(accountId: string): string | undefined {
  return accountInfo(accountId)?.organizationId;
}
