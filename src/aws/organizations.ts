/**
 * Account names for organization trees: AWS Organizations ListAccounts, which only the management account (or a
 * delegated administrator) may call. Anyone else gets the ids with the reason the names are missing, never an error.
 */
import { ListAccountsCommand } from '@aws-sdk/client-organizations';
import { explainAwsError, isCancelled } from '../core/errors';
import type { AwsClients } from './clients';

export interface AccountNames {
  /** Account id → name, as Organizations knows it. */
  names: Map<string, string>;
  /** Why there are no names (or not all of them), in one sentence; undefined when every page was read. */
  unavailable?: string;
}

/** ListAccounts returns at most 20 accounts a page: 100 pages are 2,000 accounts. */
const MAX_PAGES = 100;
const DENIED = new Set(['AccessDeniedException', 'AccessDenied', 'AWSOrganizationsNotInUseException']);

function codeOf(error: unknown): string {
  const e = error as { name?: string; code?: string };
  return (e.code || e.name || '').replace(/^.*#/, '');
}

/** Why names are missing, for the tooltip of an organization node. */
function reason(error: unknown, profile: string): string {
  const code = codeOf(error);
  if (code === 'AWSOrganizationsNotInUseException')
    return 'Account names come from AWS Organizations, and your account is not a member of an organization: the accounts are shown by id.';
  if (DENIED.has(code))
    return 'Account names come from AWS Organizations ListAccounts, which only the management account or a delegated administrator may call (organizations:ListAccounts): the accounts are shown by id.';
  const explained = explainAwsError(error as Error, { operation: 'ListAccounts', region: 'us-east-1', profile });
  return `Account names could not be read from AWS Organizations: ${explained.what} The accounts are shown by id.`;
}

/** The names of the organization's accounts, or the reason there are none. Never throws but for a cancellation. */
export async function organizationAccountNames(clients: AwsClients, signal?: AbortSignal): Promise<AccountNames> {
  const names = new Map<string, string>();
  let token: string | undefined;
  try {
    for (let page = 0; page < MAX_PAGES; page++) {
      const answer = await clients.organizations().send(new ListAccountsCommand({ ...(token ? { NextToken: token } : {}) }), {
        abortSignal: signal,
      });
      for (const account of answer.Accounts ?? []) if (account.Id && account.Name) names.set(account.Id, account.Name);
      token = answer.NextToken;
      if (!token) return { names };
    }
    return { names, unavailable: `Only the first ${names.size} account names were read.` };
  } catch (error) {
    if (signal?.aborted || isCancelled(error)) throw error;
    return { names, unavailable: reason(error, clients.profileName()) };
  }
}
