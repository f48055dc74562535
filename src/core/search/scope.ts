/**
 * `scope:` — a trail (name or ARN) or a log location `s3://bucket[/prefix][/AWSLogs[/o-id][/account[/CloudTrail[/region]]]]`.
 * A location pasted deeper than `AWSLogs/[o-id/]` also names an account and a region; the parser turns those into
 * `account:` / `region:` filters, so a scope is always a location root.
 */
import { parseArn, parseS3Location } from '../arn';
import { isOrganizationId } from '../logs/logLayout';
import type { SearchScope } from './query';

export const SCOPE_FORMS = 'a trail name, a trail ARN, or a log location s3://bucket/prefix';

const TRAIL_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{2,127}$/;

export function isAccountId(text: string): boolean {
  return /^\d{12}$/.test(text);
}

/** `us-east-1`, `us-gov-west-1`, `eu-central-2`… (checked by parts: no regular expression with nested repetition). */
export function isRegionName(text: string): boolean {
  if (text.length > 32) return false;
  const parts = text.split('-');
  if (parts.length < 3 || !/^[a-z]{2}$/.test(parts[0]) || !/^\d{1,2}$/.test(parts[parts.length - 1])) return false;
  return parts.slice(1, -1).every((part) => /^[a-z]{1,16}$/.test(part));
}

export interface ParsedScope {
  scope: SearchScope;
  account?: string;
  region?: string;
}

/** Reads a `scope:` value; a string saying what is wrong when it is not a trail or a CloudTrail log location. */
export function parseScope(text: string): ParsedScope | string {
  if (text.startsWith('s3://')) return parseLocation(text);
  if (text.startsWith('arn:')) {
    const arn = parseArn(text);
    if (!arn || arn.service !== 'cloudtrail' || !arn.resource.startsWith('trail/') || !TRAIL_NAME.test(arn.resource.slice(6)))
      return 'not a trail ARN (arn:aws:cloudtrail:REGION:ACCOUNT:trail/NAME)';
    return { scope: { kind: 'trail', trail: text } };
  }
  if (!TRAIL_NAME.test(text)) return 'not a trail name (3–128 letters, digits, . _ -) nor an s3:// location';
  return { scope: { kind: 'trail', trail: text } };
}

function parseLocation(text: string): ParsedScope | string {
  const location = parseS3Location(text);
  if (!location) return 'not an S3 location s3://bucket/prefix';
  const segments = location.key.split('/').filter((segment) => segment !== '');
  const awsLogs = segments.lastIndexOf('AWSLogs');
  const prefixSegments = awsLogs < 0 ? segments : segments.slice(0, awsLogs);
  const rest = awsLogs < 0 ? [] : segments.slice(awsLogs + 1);
  const result: ParsedScope = {
    scope: { kind: 'location', bucket: location.bucket, ...(prefixSegments.length ? { keyPrefix: prefixSegments.join('/') } : {}) },
  };
  let next = 0;
  if (rest[next] !== undefined && isOrganizationId(rest[next])) {
    (result.scope as { organizationId?: string }).organizationId = rest[next++];
  }
  if (rest[next] !== undefined) {
    if (!isAccountId(rest[next])) return `"${rest[next]}" after AWSLogs/ is not an account id nor an organization id (o-…)`;
    result.account = rest[next++];
  }
  if (rest[next] !== undefined) {
    if (rest[next] !== 'CloudTrail') return `"${rest[next]}" is not the CloudTrail folder (digest and Insights folders are not searched)`;
    next++;
  }
  if (rest[next] !== undefined) {
    if (!isRegionName(rest[next])) return `"${rest[next]}" is not a region`;
    result.region = rest[next++];
  }
  if (rest[next] !== undefined) return 'a location deeper than the region folder (put days in from: and to:)';
  return result;
}

/** The text `parseScope` reads back to the same scope. Locations always end in `AWSLogs/[o-id/]`. */
export function formatScope(scope: SearchScope): string {
  if (scope.kind === 'trail') return scope.trail;
  const prefix = scope.keyPrefix ? `${scope.keyPrefix}/` : '';
  const org = scope.organizationId ? `${scope.organizationId}/` : '';
  return `s3://${scope.bucket}/${prefix}AWSLogs/${org}`;
}
