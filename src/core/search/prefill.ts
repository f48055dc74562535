/**
 * The query text Find Events starts with, from where it was started: a trail, a key, a log folder (its account, region
 * and days), a log file's location (the scope a hover link's search runs in), a search link. The editor puts the text
 * in its query box for the user to finish; every piece is written with formatQuery, so it always parses.
 */
import { isOrganizationId, parseLogObjectKey } from '../logs/logLayout';
import { parseKeyRef } from './keys';
import { emptyQuery, type SearchQuery, type TimePoint } from './query';
import { formatQuery } from './queryFormat';
import { isAccountId, isRegionName } from './scope';

/** The range a search starts with when nothing says otherwise: the last hour (cheap; the user widens it). */
export const DEFAULT_FROM: TimePoint = { kind: 'ago', amount: 1, unit: 'h' };

function lastDay(year: number, month: number): string {
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

/** A trail (name or ARN) over the last hour, optionally with a key: `scope:<trail> from:-1h [key:<arn>]`. */
export function trailQuery(trail: string, keyArn?: string): SearchQuery {
  const query = emptyQuery();
  query.scope = { kind: 'trail', trail };
  query.from = DEFAULT_FROM;
  const key = keyArn ? parseKeyRef(keyArn) : undefined;
  if (key) query.keys.push(key);
  return query;
}

/**
 * A log folder in a bucket (`[prefix/]AWSLogs/[o-id/][account/[CloudTrail|CloudTrail-Digest/[region/[YYYY/[MM/[DD/]]]]]]`):
 * its location as the scope, its account and region as filters, its year, month or day as the range (else the last
 * hour). A digest folder stands for the logs of the same account and region.
 */
export function folderQuery(bucket: string, prefix: string): SearchQuery {
  const query = emptyQuery();
  const segments = prefix.split('/').filter((segment) => segment !== '');
  const root = segments.lastIndexOf('AWSLogs');
  const before = root < 0 ? segments : segments.slice(0, root);
  const rest = root < 0 ? [] : segments.slice(root + 1);
  let next = 0;
  const organizationId = rest[next] !== undefined && isOrganizationId(rest[next]) ? rest[next++] : undefined;
  query.scope = {
    kind: 'location',
    bucket,
    ...(before.length ? { keyPrefix: before.join('/') } : {}),
    ...(organizationId ? { organizationId } : {}),
  };
  if (rest[next] !== undefined && isAccountId(rest[next])) query.accounts.push(rest[next++]);
  if (rest[next] === 'CloudTrail' || rest[next] === 'CloudTrail-Digest') next++;
  if (rest[next] !== undefined && isRegionName(rest[next])) query.regions.push(rest[next++]);
  const [year, month, day] = rest.slice(next).map(Number);
  if (Number.isInteger(year) && year >= 1970 && year <= 9999) {
    const y = String(year);
    if (Number.isInteger(month) && month >= 1 && month <= 12) {
      const m = String(month).padStart(2, '0');
      if (Number.isInteger(day) && day >= 1 && day <= 31) {
        const d = `${y}-${m}-${String(day).padStart(2, '0')}`;
        query.from = { kind: 'day', day: d };
        query.to = { kind: 'day', day: d };
      } else {
        query.from = { kind: 'day', day: `${y}-${m}-01` };
        query.to = { kind: 'day', day: lastDay(year, month) };
      }
    } else {
      query.from = { kind: 'day', day: `${y}-01-01` };
      query.to = { kind: 'day', day: `${y}-12-31` };
    }
  } else {
    query.from = DEFAULT_FROM;
  }
  return query;
}

/**
 * Where a log file lives, as scope terms: its location root and its account (`scope:s3://b/p/AWSLogs/ account:A`), for
 * a search started from a record in that file. Undefined when the key is not in CloudTrail's layout.
 */
export function logFileScope(bucket: string, key: string): SearchQuery | undefined {
  const parsed = parseLogObjectKey(key);
  if (!parsed) return undefined;
  const query = emptyQuery();
  query.scope = {
    kind: 'location',
    bucket,
    ...(parsed.prefix ? { keyPrefix: parsed.prefix } : {}),
    ...(parsed.organizationId ? { organizationId: parsed.organizationId } : {}),
  };
  query.accounts.push(parsed.account);
  return query;
}

/** `query` with the scope, accounts and regions of `scope` where it names no scope itself (the query box's starting text). */
export function withScope(query: SearchQuery, scope: SearchQuery | undefined): SearchQuery {
  if (!scope || query.scope) return query;
  return {
    ...query,
    ...(scope.scope ? { scope: scope.scope } : {}),
    accounts: query.accounts.length ? query.accounts : [...scope.accounts],
    regions: query.regions.length ? query.regions : [...scope.regions],
  };
}

export function prefillText(query: SearchQuery): string {
  return formatQuery(query);
}
