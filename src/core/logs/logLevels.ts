/**
 * Where a folder sits in the CloudTrail layout (docs/architecture.md, "Log locations"):
 * `[<prefix>/]AWSLogs/[<o-id>/]<account>/<kind>/<region>/<YYYY>/<MM>/<DD>/`. The tree, `ls` and the empty-listing
 * hints read a prefix with `describeLogPrefix` instead of guessing from folder names. Segment by segment, no regular
 * expression over the whole prefix (a prefix comes from a bucket listing: attacker-controlled).
 */
import { isAccountId, isRegionName } from '../arn';
import { isOrganizationId, LOG_KINDS, type LogKind } from './logLayout';

/** The level of a folder: what its children are. */
export type LogLevel =
  | 'root' // above AWSLogs/ (a bucket root or a key prefix)
  | 'awsLogs' // <prefix>/AWSLogs/: organizations and accounts
  | 'organization' // AWSLogs/<o-id>/: member accounts
  | 'account' // …/<account>/: CloudTrail, CloudTrail-Digest, CloudTrail-Insight
  | 'kind' // …/CloudTrail/: regions
  | 'region' // …/<region>/: years
  | 'year' // …/<YYYY>/: months
  | 'month' // …/<MM>/: days
  | 'day' // …/<DD>/: the files
  | 'other'; // inside AWSLogs/ but not in the layout

export interface LogPrefixParts {
  level: LogLevel;
  /** The key prefix before `AWSLogs/`, without a trailing slash ('' when none). */
  keyPrefix: string;
  organizationId?: string;
  account?: string;
  kind?: LogKind;
  region?: string;
  year?: string;
  month?: string;
  day?: string;
}

const AWS_LOGS = 'AWSLogs';

function allDigits(text: string, length: number): boolean {
  if (text.length !== length) return false;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) < 48 || text.charCodeAt(i) > 57) return false;
  return true;
}

function inRange(text: string, low: number, high: number): boolean {
  const value = Number(text);
  return value >= low && value <= high;
}

/**
 * Reads a folder prefix (with or without its trailing '/'): the level and the parts found. The last `AWSLogs`
 * segment starts the layout (as in parseLogObjectKey); a prefix without one is at the 'root' level.
 */
export function describeLogPrefix(prefix: string): LogPrefixParts {
  const segments = prefix.split('/');
  if (segments[segments.length - 1] === '') segments.pop();
  const at = segments.lastIndexOf(AWS_LOGS);
  if (at === -1) return { level: 'root', keyPrefix: segments.join('/') };
  const parts: LogPrefixParts = { level: 'awsLogs', keyPrefix: segments.slice(0, at).join('/') };
  const rest = segments.slice(at + 1);
  let i = 0;
  const other = (): LogPrefixParts => ({ ...parts, level: 'other' });
  if (i < rest.length && isOrganizationId(rest[i])) {
    parts.organizationId = rest[i++];
    parts.level = 'organization';
  }
  if (i === rest.length) return parts;
  if (!isAccountId(rest[i])) return other();
  parts.account = rest[i++];
  parts.level = 'account';
  if (i === rest.length) return parts;
  if (!(LOG_KINDS as readonly string[]).includes(rest[i])) return other();
  parts.kind = rest[i++] as LogKind;
  parts.level = 'kind';
  if (i === rest.length) return parts;
  if (!isRegionName(rest[i])) return other();
  parts.region = rest[i++];
  parts.level = 'region';
  if (i === rest.length) return parts;
  if (!allDigits(rest[i], 4)) return other();
  parts.year = rest[i++];
  parts.level = 'year';
  if (i === rest.length) return parts;
  if (!allDigits(rest[i], 2) || !inRange(rest[i], 1, 12)) return other();
  parts.month = rest[i++];
  parts.level = 'month';
  if (i === rest.length) return parts;
  if (!allDigits(rest[i], 2) || !inRange(rest[i], 1, 31)) return other();
  parts.day = rest[i++];
  parts.level = 'day';
  return i === rest.length ? parts : other();
}

/** What the children of a folder at this level are, in words ("member accounts", "regions"). */
export function childrenWord(level: LogLevel): string {
  switch (level) {
    case 'root':
      return 'folders';
    case 'awsLogs':
      return 'organizations and accounts';
    case 'organization':
      return 'member accounts';
    case 'account':
      return 'log kinds';
    case 'kind':
      return 'regions';
    case 'region':
      return 'years';
    case 'year':
      return 'months';
    case 'month':
      return 'days';
    case 'day':
      return 'files';
    case 'other':
      return 'folders';
  }
}

/** `YYYY-MM-DD` of a day folder, else undefined. */
export function dayOf(parts: LogPrefixParts): string | undefined {
  return parts.year && parts.month && parts.day ? `${parts.year}-${parts.month}-${parts.day}` : undefined;
}
