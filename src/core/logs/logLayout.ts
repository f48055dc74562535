/**
 * The CloudTrail layout of log objects in S3 (docs/architecture.md, "Log locations"):
 * `[<prefix>/]AWSLogs/[<orgId>/]<account>/<CloudTrail|CloudTrail-Digest|CloudTrail-Insight>/<region>/<YYYY>/<MM>/<DD>/<file>`.
 */
import { isAccountId, isRegionName } from '../arn';
import { trimSlashes } from '../text';

export type LogKind = 'CloudTrail' | 'CloudTrail-Digest' | 'CloudTrail-Insight';

export const LOG_KINDS: readonly LogKind[] = ['CloudTrail', 'CloudTrail-Digest', 'CloudTrail-Insight'];

export interface ParsedLogObjectKey {
  prefix?: string;
  organizationId?: string;
  account: string;
  kind: LogKind;
  region: string;
  year: string;
  month: string;
  day: string;
  fileName: string;
  /** From the file name: `YYYYMMDDTHHmmZ` for logs, `YYYYMMDDTHHmmssZ` for digests, as ISO-8601. */
  deliveryTime?: string;
  isDigest: boolean;
}

export interface TrailLogLocation {
  keyPrefix?: string;
  account: string;
  organizationId?: string;
}

function normalizedPrefix(keyPrefix: string | undefined): string {
  const trimmed = trimSlashes(keyPrefix ?? '');
  return trimmed ? `${trimmed}/` : '';
}

/** `<prefix>/AWSLogs/[<orgId>/]<account>/` — where a trail's logs for one account start. */
export function trailLogRoot(trail: TrailLogLocation): string {
  const org = trail.organizationId ? `${trail.organizationId}/` : '';
  return `${normalizedPrefix(trail.keyPrefix)}AWSLogs/${org}${trail.account}/`;
}

/** `<prefix>/AWSLogs/` — where organization ids and accounts are listed. */
export function awsLogsRoot(keyPrefix: string | undefined): string {
  return `${normalizedPrefix(keyPrefix)}AWSLogs/`;
}

export interface DayParts {
  year: string;
  month: string;
  day: string;
}

/** Parses `YYYY-MM-DD` (a real calendar date); undefined otherwise. */
export function parseDay(text: string): DayParts | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!match) return undefined;
  const [, year, month, day] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (date.getUTCFullYear() !== Number(year) || date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day))
    return undefined;
  return { year, month, day };
}

/** `<root><kind>/<region>/YYYY/MM/DD/` for one day of a trail's files in one region. */
export function dayPrefix(root: string, kind: LogKind, region: string, day: DayParts): string {
  return `${root}${kind}/${region}/${day.year}/${day.month}/${day.day}/`;
}

const KEY_PATTERN = new RegExp(
  '^(?:(.+)/)?AWSLogs/(?:(o-[a-z0-9]{10,32})/)?(\\d{12})/(CloudTrail|CloudTrail-Digest|CloudTrail-Insight)/' +
    '([a-z]{2}(?:-[a-z]+)+-\\d+)/(\\d{4})/(\\d{2})/(\\d{2})/([^/]+)$',
);
const STAMP_PATTERN = /_(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})?Z(?:_|\.|$)/;

/** Reads a CloudTrail log, digest or Insights object key; undefined for any other key. */
export function parseLogObjectKey(key: string): ParsedLogObjectKey | undefined {
  const match = KEY_PATTERN.exec(key);
  if (!match) return undefined;
  const [, prefix, organizationId, account, kind, region, year, month, day, fileName] = match;
  const stamp = STAMP_PATTERN.exec(fileName);
  const deliveryTime = stamp ? `${stamp[1]}-${stamp[2]}-${stamp[3]}T${stamp[4]}:${stamp[5]}:${stamp[6] ?? '00'}Z` : undefined;
  return {
    ...(prefix !== undefined ? { prefix } : {}),
    ...(organizationId !== undefined ? { organizationId } : {}),
    account,
    kind: kind as LogKind,
    region,
    year,
    month,
    day,
    fileName,
    ...(deliveryTime ? { deliveryTime } : {}),
    isDigest: kind === 'CloudTrail-Digest',
  };
}

/** True when the name is an organization id folder under AWSLogs/. */
export function isOrganizationId(name: string): boolean {
  return /^o-[a-z0-9]{10,32}$/.test(name);
}

export interface DigestFileName {
  account: string;
  /** The region the digest was delivered from. */
  region: string;
  trailName: string;
  homeRegion: string;
  /** `YYYYMMDDTHHMMSSZ`. */
  stamp: string;
  backfill: boolean;
}

/**
 * Reads `<account>_CloudTrail-Digest_<region>_<trail name>_<home region>_<YYYYMMDDTHHMMSSZ>[_backfill].json.gz`. Trail
 * names may hold underscores, so the name is what lies between the known parts; read from both ends, no backtracking.
 */
export function parseDigestFileName(fileName: string): DigestFileName | undefined {
  const suffix = '.json.gz';
  if (!fileName.endsWith(suffix)) return undefined;
  let rest = fileName.slice(0, -suffix.length);
  const backfill = rest.endsWith('_backfill');
  if (backfill) rest = rest.slice(0, -'_backfill'.length);
  const stamp = rest.slice(-16);
  if (!/^\d{8}T\d{6}Z$/.test(stamp) || rest[rest.length - 17] !== '_') return undefined;
  rest = rest.slice(0, -17);
  const homeAt = rest.lastIndexOf('_');
  const homeRegion = rest.slice(homeAt + 1);
  if (homeAt < 0 || !isRegionName(homeRegion)) return undefined;
  rest = rest.slice(0, homeAt);
  const marker = '_CloudTrail-Digest_';
  const markerAt = rest.indexOf(marker);
  const account = rest.slice(0, markerAt);
  if (markerAt !== 12 || !isAccountId(account)) return undefined;
  const afterMarker = rest.slice(markerAt + marker.length);
  const regionEnd = afterMarker.indexOf('_');
  const region = afterMarker.slice(0, regionEnd);
  const trailName = afterMarker.slice(regionEnd + 1);
  if (regionEnd < 0 || !isRegionName(region) || trailName === '') return undefined;
  return { account, region, trailName, homeRegion, stamp, backfill };
}
