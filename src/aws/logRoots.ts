/**
 * Which folder holds one account's logs, for a trail or a log location (organization layouts included), and what to
 * say when a listing comes back empty. Shared by `ls`, `validate` and the editor.
 */
import { ExplainedError } from '../core/errors';
import { describeContents, emptyListingText, type LayoutHint, type LogLayout } from '../core/logs/layoutHints';
import { awsLogsRoot, trailLogRoot } from '../core/logs/logLayout';
import { describeLogPrefix } from '../core/logs/logLevels';
import { shownName } from '../core/logs/shownName';
import type { AwsClients } from './clients';
import { detectLogLayout } from './logLocations';
import { listWholeFolder, nearestContents, organizationOfAccount } from './logObjects';
import { isAccountId } from '../core/arn';

export interface AccountRoot {
  /** `[prefix/]AWSLogs/[<o-id>/]<account>/`. */
  root: string;
  account: string;
  organizationId?: string;
  /** The key prefix before AWSLogs/ (no trailing slash), for digest chains. */
  keyPrefix?: string;
}

function accountsIn(layout: LogLayout): string[] {
  return [...layout.accounts.map((account) => account.id), ...layout.organizations.flatMap((organization) => organization.accounts)];
}

function listed(accounts: string[]): string {
  const shown = accounts.slice(0, 20).join(', ');
  return accounts.length > 20 ? `${shown} and ${accounts.length - 20} more` : shown;
}

/**
 * The folder of `account`'s logs under a log location (the only account when none is given). Throws AccountNeeded
 * (naming the accounts there) when several accounts' logs are there and none was chosen, NoSuchAccount when the
 * account has none, NoLogLayout when the location holds no CloudTrail logs.
 */
export async function accountRootAt(
  clients: AwsClients,
  location: { bucket: string; prefix: string; region?: string },
  account?: string,
  signal?: AbortSignal,
): Promise<AccountRoot & { layout: LogLayout }> {
  const layout = await detectLogLayout(clients, location, signal);
  const where = `s3://${location.bucket}/${layout.prefix}`;
  if (layout.notFound !== undefined)
    throw new ExplainedError(
      'NoLogLayout',
      `No CloudTrail logs under ${shownName(where, 200)}.`,
      layout.notFound,
      'Give the bucket and prefix the trail writes to (its S3 key prefix), e.g. s3://bucket/prefix.',
    );
  const accounts = accountsIn(layout);
  const chosen = account ?? (accounts.length === 1 ? accounts[0] : undefined);
  if (!chosen)
    throw new ExplainedError(
      'AccountNeeded',
      `${shownName(where, 200)} holds the logs of ${accounts.length} accounts: choose one.`,
      `The accounts there: ${listed(accounts)}.`,
      'Give --account-id with the account whose logs you want.',
    );
  const organization = layout.organizations.find((o) => o.accounts.includes(chosen));
  const direct = layout.accounts.find((a) => a.id === chosen);
  const awsLogs = organization?.awsLogs ?? direct?.awsLogs;
  if (awsLogs !== undefined) {
    const keyPrefix = describeLogPrefix(awsLogs).keyPrefix || undefined;
    const organizationId = organization?.id;
    return {
      root: trailLogRoot({ keyPrefix, account: chosen, organizationId }),
      account: chosen,
      ...(organizationId ? { organizationId } : {}),
      ...(keyPrefix ? { keyPrefix } : {}),
      layout,
    };
  }
  throw new ExplainedError(
    'NoSuchAccount',
    `No logs of account ${shownName(chosen, 40)} under ${shownName(where, 200)}.`,
    accounts.length > 0 ? `The accounts there: ${listed(accounts)}.` : 'No account folders are there.',
    'Give one of those accounts with --account-id.',
  );
}

export interface EmptyListing {
  /** `Nothing under s3://…. s3://…/AWSLogs/ holds o-a1b2c3d4e5/: an organization's logs.` */
  text: string;
  hint?: LayoutHint;
}

/** What to say when `s3://bucket/prefix` lists nothing: what the nearest folder above holds. */
export async function explainEmptyListing(
  clients: AwsClients,
  where: { bucket: string; prefix: string; region?: string },
  signal?: AbortSignal,
): Promise<EmptyListing> {
  const nearest = await nearestContents(clients, where, { signal });
  return { text: emptyListingText(where.bucket, where.prefix, nearest), ...(nearest ? { hint: describeContents(nearest) } : {}) };
}

/** The organization folder of an organization trail's logs (`[prefix/]AWSLogs/<o-id>/`), for listing its accounts. */
export function organizationRoot(keyPrefix: string | undefined, organizationId: string): string {
  return `${awsLogsRoot(keyPrefix)}${organizationId}/`;
}

/** The member accounts an organization trail wrote logs for (the folders under its organization folder). */
export async function organizationAccounts(
  clients: AwsClients,
  trail: { bucket: string; keyPrefix?: string; account: string; isOrganizationTrail: boolean; homeRegion?: string },
  signal?: AbortSignal,
): Promise<{ organizationId?: string; root?: string; accounts: string[] }> {
  const organizationId = await organizationOfAccount(clients, trail, trail.account, signal);
  if (!organizationId) return { accounts: [] };
  const root = organizationRoot(trail.keyPrefix, organizationId);
  const page = await listWholeFolder(clients, { bucket: trail.bucket, prefix: root, region: trail.homeRegion }, { signal, maxPages: 10 });
  return { organizationId, root, accounts: page.folders.map((folder) => folder.name).filter(isAccountId) };
}

/** `The accounts under s3://b/AWSLogs/o-…/: 1, 2, 3.` for "give --account-id" answers ('' when none were found). */
export function accountsSentence(bucket: string, found: { root?: string; accounts: string[] }): string {
  return found.root && found.accounts.length > 0 ? `The accounts under s3://${bucket}/${found.root}: ${listed(found.accounts)}.` : '';
}
