/**
 * "What is there instead": when a listing is empty, the AWS layer walks up to the nearest folder that holds something
 * and hands its contents here; this says in words what that is (an organization's logs, other accounts, other days),
 * and which folder to list next. Front ends add their own way to get there (the CLI: --account-id, `ls s3://…`).
 */
import { isAccountId } from '../arn';
import { isOrganizationId } from './logLayout';
import { describeLogPrefix, type LogLevel } from './logLevels';
import { shownName } from './shownName';

export interface FolderContents {
  bucket: string;
  /** The folder that was listed (ends in '/', or '' for the bucket root). */
  prefix: string;
  /** Names of its sub-folders (without '/'), in S3 order. */
  folders: string[];
  objectCount: number;
  /** More entries than were listed. */
  truncated?: boolean;
}

export interface LayoutHint {
  /** One sentence: `s3://b/AWSLogs/ holds o-a1b2c3d4e5/: an organization's logs`. */
  text: string;
  /** The level of the folder that holds something. */
  level: LogLevel;
  /** `s3://bucket/prefix` worth listing next, when one stands out. */
  next?: string;
  organizationIds: string[];
  accounts: string[];
}

const SHOWN = 6;

/** `a/, b/, c/ and 4 more` (names capped and escaped); digit folders newest first. */
function nameList(names: string[], newestFirst: boolean, truncated = false): string {
  const ordered = newestFirst ? [...names].reverse() : names;
  const shown = ordered.slice(0, SHOWN).map((name) => `${shownName(name, 80)}/`);
  const more = ordered.length - shown.length;
  return `${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}${truncated ? ' (and more not listed)' : ''}`;
}

function location(bucket: string, prefix: string): string {
  return `s3://${bucket}/${prefix}`;
}

/** Says what a non-empty folder holds, by its level in the CloudTrail layout. */
export function describeContents(contents: FolderContents): LayoutHint {
  const { bucket, prefix, folders, objectCount, truncated } = contents;
  const where = shownName(location(bucket, prefix), 200);
  const level = describeLogPrefix(prefix).level;
  const organizationIds = folders.filter(isOrganizationId);
  const accounts = folders.filter(isAccountId);
  const others = folders.filter((name) => !isOrganizationId(name) && !isAccountId(name));
  const objects = objectCount > 0 ? `${objectCount}${truncated ? '+' : ''} object${objectCount === 1 ? '' : 's'}` : '';
  const base = { level, organizationIds, accounts };
  const join = (...parts: string[]): string => parts.filter(Boolean).join('; ');

  if (level === 'awsLogs' || level === 'organization') {
    const orgPart =
      organizationIds.length === 0
        ? ''
        : organizationIds.length === 1
          ? `${organizationIds[0]}/: an organization's logs`
          : `${nameList(organizationIds, false)}: the logs of ${organizationIds.length} organizations`;
    const accountPart =
      accounts.length === 0
        ? ''
        : `the logs of ${accounts.length === 1 ? 'account' : `${accounts.length} ${level === 'organization' ? 'member ' : ''}accounts`} ${nameList(accounts, false, truncated)}`;
    const otherPart = others.length > 0 ? `other folders ${nameList(others, false)}` : '';
    const next =
      organizationIds.length === 1
        ? location(bucket, `${prefix}${organizationIds[0]}/`)
        : accounts.length === 1 && organizationIds.length === 0
          ? location(bucket, `${prefix}${accounts[0]}/`)
          : undefined;
    return { ...base, text: `${where} holds ${join(orgPart, accountPart, otherPart, objects)}`, ...(next ? { next } : {}) };
  }
  if (level === 'root') {
    const hasLogs = folders.includes('AWSLogs');
    const text = hasLogs
      ? `${where} holds AWSLogs/: CloudTrail logs`
      : `${where} holds ${join(folders.length > 0 ? nameList(folders, false, truncated) : '', objects)} but no AWSLogs/ folder`;
    return { ...base, text, ...(hasLogs ? { next: location(bucket, `${prefix}AWSLogs/`) } : {}) };
  }
  const digits = level === 'region' || level === 'year' || level === 'month';
  const what =
    level === 'account'
      ? 'log kinds'
      : level === 'kind'
        ? 'regions'
        : level === 'region'
          ? 'years'
          : level === 'year'
            ? 'months'
            : level === 'month'
              ? 'days'
              : 'folders';
  const folderPart = folders.length > 0 ? `${what} ${nameList(folders, digits, truncated)}` : '';
  return { ...base, text: `${where} holds ${join(folderPart, objects)}` };
}

/** The sentence for an empty listing: what was empty, then what the nearest folder above holds. */
export function emptyListingText(bucket: string, emptyPrefix: string, nearest: FolderContents | undefined): string {
  const empty = `Nothing under ${shownName(location(bucket, emptyPrefix), 200)}.`;
  if (!nearest) return `${empty} The bucket ${shownName(bucket, 80)} holds no objects that you may list.`;
  return `${empty} ${describeContents(nearest).text}.`;
}

/** What "Add Log Location…" and `ls s3://…` found under a location (src/aws/logLocations.ts detects it). */
export interface LogLayout {
  bucket: string;
  /** The prefix given, normalized: '' or ending in '/'. */
  prefix: string;
  /** Key prefixes (each '' or ending in '/') that hold an `AWSLogs/` folder. */
  keyPrefixes: string[];
  /** Folders to browse from, each at a level of the CloudTrail layout (usually `<key prefix>AWSLogs/`). */
  logRoots: string[];
  /** Organization folders, each with its member accounts and the `AWSLogs/` folder it is in. */
  organizations: Array<{ id: string; accounts: string[]; awsLogs: string }>;
  /** Accounts whose logs sit directly under an `AWSLogs/<account>/`, with that `AWSLogs/` folder. */
  accounts: Array<{ id: string; awsLogs: string }>;
  /** Regions found under the first account's `CloudTrail/` (a sample: other accounts may log in others). */
  regions: string[];
  /** When no CloudTrail layout was found: what is there instead. */
  notFound?: string;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** A short line for a location's description: `organization o-a1b2c3d4e5 · 4 accounts · us-west-2, eu-central-1`. */
export function layoutSummary(layout: LogLayout): string {
  if (layout.notFound !== undefined) return 'no CloudTrail logs found';
  const parts: string[] = [];
  for (const organization of layout.organizations.slice(0, 2))
    parts.push(`organization ${organization.id} · ${plural(organization.accounts.length, 'account')}`);
  if (layout.organizations.length > 2) parts.push(`${layout.organizations.length - 2} more organizations`);
  if (layout.accounts.length === 1) parts.push(`account ${layout.accounts[0].id}`);
  else if (layout.accounts.length > 1) parts.push(plural(layout.accounts.length, 'account'));
  if (layout.keyPrefixes.length > 1) parts.push(plural(layout.keyPrefixes.length, 'key prefix').replace('prefixs', 'prefixes'));
  if (layout.regions.length > 0)
    parts.push(layout.regions.slice(0, 3).join(', ') + (layout.regions.length > 3 ? ` +${layout.regions.length - 3}` : ''));
  return parts.map((part) => shownName(part, 80)).join(' · ');
}
