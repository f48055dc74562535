/**
 * Which log folders and files a search over `[from, to)` must read (domain facts §3):
 * `[<prefix>/]AWSLogs/[<o-id>/]<account>/CloudTrail/<region>/<YYYY>/<MM>/<DD>/<account>_CloudTrail_<region>_<YYYYMMDDTHHmmZ>_<x>.json.gz`.
 * The date folders and the file name's time are the DELIVERY time (UTC, minute precision, cut not rounded); a file
 * holds records of any earlier time. So a file named T can hold an event of the range only when
 *   T >= from - early   (its events happened before it was delivered: none can be at or after `from` if T is well
 *                        before it; `early` covers the minute the name cuts off and clock differences), and
 *   T <  to + late      (events reach a file within ~5–15 minutes, so a file delivered long after `to` holds later
 *                        events only; `late` is how late an event may be and still be found).
 * Defaults: early 5 minutes, late 60 minutes — four times CloudTrail's usual 15-minute worst case. Events delivered
 * later than that (records with `addendum.reason` DELIVERY_DELAY, service outages) are missed unless the caller widens
 * `lateMinutes` (the engine should offer it as a setting and say which margin a search used).
 */
import { dayPrefix, parseLogObjectKey, type DayParts } from '../logs/logLayout';
import { trimSlashes } from '../text';
import type { SearchQuery } from './query';
import type { TimeRange } from './timeRange';

export interface PruneMargins {
  /** How long before `from` a file may have been delivered and still hold an event of the range. */
  earlyMinutes: number;
  /** How long after `to` a file may be delivered and still hold an event of the range. */
  lateMinutes: number;
}

export const DEFAULT_PRUNE_MARGINS: PruneMargins = { earlyMinutes: 5, lateMinutes: 60 };

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Where CloudTrail writes: a bucket, the trail's S3 key prefix, and the organization id of an organization trail. */
export interface LogLocation {
  bucket: string;
  keyPrefix?: string;
  organizationId?: string;
}

/** The prefix without leading or trailing slashes (a loop, not a regular expression: prefixes come from users). */
export { trimSlashes };

/** What to list and read for one search. */
export interface FolderPlan {
  location: LogLocation;
  /** The accounts to read; empty: every account folder under `accountsRoot` (the engine lists them). */
  accounts: string[];
  /** The regions to read; empty: every region folder under `<account>/CloudTrail/` (the engine lists them). */
  regions: string[];
  /** `<prefix>/AWSLogs/[<o-id>/]`: where account folders are listed. */
  accountsRoot: string;
  /** The day folders that can hold a file delivered within `delivery`, oldest first. */
  days: DayParts[];
  /** `[fromMs, toMs)` of file delivery times (from file names) that can hold events of the range. */
  delivery: TimeRange;
}

function dayParts(ms: number): DayParts {
  const iso = new Date(ms).toISOString();
  return { year: iso.slice(0, 4), month: iso.slice(5, 7), day: iso.slice(8, 10) };
}

/** The delivery-time window of files that can hold events of `range`. */
export function deliveryWindow(range: TimeRange, margins: PruneMargins = DEFAULT_PRUNE_MARGINS): TimeRange {
  return { fromMs: range.fromMs - margins.earlyMinutes * MINUTE, toMs: range.toMs + margins.lateMinutes * MINUTE };
}

/** The UTC days from the window's first to its last instant. */
export function daysOf(window: TimeRange): DayParts[] {
  const days: DayParts[] = [];
  for (let day = Math.floor(window.fromMs / DAY) * DAY; day < window.toMs; day += DAY) days.push(dayParts(day));
  return days;
}

export function planFolders(
  location: LogLocation,
  query: Pick<SearchQuery, 'accounts' | 'regions'>,
  range: TimeRange,
  margins: PruneMargins = DEFAULT_PRUNE_MARGINS,
): FolderPlan {
  const delivery = deliveryWindow(range, margins);
  const org = location.organizationId ? `${location.organizationId}/` : '';
  const prefix = trimSlashes(location.keyPrefix ?? '');
  return {
    location: {
      bucket: location.bucket,
      ...(prefix ? { keyPrefix: prefix } : {}),
      ...(location.organizationId ? { organizationId: location.organizationId } : {}),
    },
    accounts: [...query.accounts],
    regions: [...query.regions],
    accountsRoot: `${prefix ? `${prefix}/` : ''}AWSLogs/${org}`,
    days: daysOf(delivery),
    delivery,
  };
}

/** `<prefix>/AWSLogs/[<o-id>/]<account>/CloudTrail/`: where one account's region folders are listed. */
export function regionsRoot(plan: FolderPlan, account: string): string {
  return `${plan.accountsRoot}${account}/CloudTrail/`;
}

/** The day folders to list for one account and region, oldest first. */
export function dayFolderPrefixes(plan: FolderPlan, account: string, region: string): string[] {
  return plan.days.map((day) => dayPrefix(`${plan.accountsRoot}${account}/`, 'CloudTrail', region, day));
}

/** Every day folder when the plan names its accounts and regions (otherwise the engine lists them first). */
export function allDayFolderPrefixes(plan: FolderPlan): string[] {
  return plan.accounts.flatMap((account) => plan.regions.flatMap((region) => dayFolderPrefixes(plan, account, region)));
}

export type LogKeyVerdict = 'read' | 'notLog' | 'otherAccount' | 'otherRegion' | 'outsideRange';

/**
 * Whether a listed object is a log file of the plan that can hold events of the range, by its key alone.
 * A log file whose name carries no time (not CloudTrail's naming) is read: it cannot be ruled out.
 */
export function judgeLogKey(plan: FolderPlan, key: string): LogKeyVerdict {
  const parsed = parseLogObjectKey(key);
  if (!parsed || parsed.kind !== 'CloudTrail' || !/\.json(\.gz)?$/.test(parsed.fileName)) return 'notLog';
  if (plan.accounts.length && !plan.accounts.includes(parsed.account)) return 'otherAccount';
  if (plan.regions.length && !plan.regions.includes(parsed.region)) return 'otherRegion';
  const delivered = parsed.deliveryTime === undefined ? undefined : Date.parse(parsed.deliveryTime);
  if (delivered === undefined || Number.isNaN(delivered)) return 'read';
  return delivered >= plan.delivery.fromMs && delivered < plan.delivery.toMs ? 'read' : 'outsideRange';
}
