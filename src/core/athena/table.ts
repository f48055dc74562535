/**
 * The Athena table over one CloudTrail log location, with partition projection on account, region and day:
 * what it is called, where it reads, and how each partition column is projected. Everything that goes into the DDL
 * text (DDL takes no execution parameters) is validated here, so the DDL needs no escaping at all.
 */
import { isOrganizationId, parseDay } from '../logs/logLayout';
import { trimSlashes, type LogLocation } from '../search/prune';
import { isAccountId, isRegionName } from '../search/scope';

export interface AthenaTableSpec {
  location: LogLocation;
  /** Glue database; default `default`. */
  database?: string;
  /** Table name; default derived from the location (`cloudtrail_<bucket>[_<prefix>][_<o-id>]`). */
  table?: string;
  /**
   * The accounts the table projects (`enum`): e.g. the trail's account, or the organization's member accounts.
   * None: `injected` — Athena then needs every query to name its accounts (translateToAthena does, or says so).
   */
  accounts?: readonly string[];
  /** The regions the table projects (`enum`); none: `injected`, as for accounts. */
  regions?: readonly string[];
  /** First day of the day projection, `YYYY-MM-DD` or `YYYY/MM/DD`; default 2013-11-01 (CloudTrail's first logs). */
  fromDay?: string;
}

export interface AthenaTable {
  database: string;
  table: string;
  location: LogLocation;
  /** `s3://bucket/[prefix/]AWSLogs/[o-id/]`. */
  root: string;
  accounts: readonly string[];
  regions: readonly string[];
  /** `YYYY/MM/DD`. */
  fromDay: string;
}

/** The table's problems, said to the user: which value, why, what to do. */
export class AthenaTableError extends Error {
  override readonly name = 'AthenaTableError';
}

const NAME = /^[a-z0-9_]{1,255}$/;
const BUCKET = /^[a-zA-Z0-9._-]{3,255}$/;

function checkName(text: string, what: string): string {
  const name = text.toLowerCase();
  if (!NAME.test(name))
    throw new AthenaTableError(`The Athena ${what} name "${text}" is not valid: use lower-case letters, digits and _ (at most 255).`);
  return name;
}

/** A key prefix that can stand inside a DDL string literal and a projection template as it is. */
function checkPrefix(prefix: string | undefined): string | undefined {
  const trimmed = trimSlashes(prefix ?? '');
  if (trimmed === '') return undefined;
  for (let i = 0; i < trimmed.length; i++) {
    const code = trimmed.charCodeAt(i);
    if (code < 0x20 || code === 0x7f || trimmed[i] === "'" || trimmed[i] === '\\' || (trimmed[i] === '$' && trimmed[i + 1] === '{'))
      throw new AthenaTableError(
        `The S3 key prefix "${trimmed}" holds a character Athena's table location cannot take as it is (' \\ \${ or a control character); create this table by hand.`,
      );
  }
  if (trimmed.length > 1024) throw new AthenaTableError('The S3 key prefix is longer than 1024 characters.');
  return trimmed;
}

function sanitized(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

export function defaultTableName(location: LogLocation): string {
  const parts = ['cloudtrail', sanitized(location.bucket), sanitized(location.keyPrefix ?? ''), sanitized(location.organizationId ?? '')];
  return parts
    .filter((part) => part !== '')
    .join('_')
    .slice(0, 128);
}

/** Validates and completes a table spec; throws AthenaTableError naming the bad value. */
export function athenaTable(spec: AthenaTableSpec): AthenaTable {
  const { bucket, organizationId } = spec.location;
  if (!BUCKET.test(bucket)) throw new AthenaTableError(`"${bucket}" is not an S3 bucket name.`);
  if (organizationId !== undefined && !isOrganizationId(organizationId))
    throw new AthenaTableError(`"${organizationId}" is not an organization id (o- and 10 to 32 letters or digits).`);
  const keyPrefix = checkPrefix(spec.location.keyPrefix);
  const location: LogLocation = { bucket, ...(keyPrefix ? { keyPrefix } : {}), ...(organizationId ? { organizationId } : {}) };
  for (const account of spec.accounts ?? [])
    if (!isAccountId(account)) throw new AthenaTableError(`"${account}" is not a 12-digit account id.`);
  for (const region of spec.regions ?? []) if (!isRegionName(region)) throw new AthenaTableError(`"${region}" is not a region name.`);
  const day = parseDay((spec.fromDay ?? '2013-11-01').replace(/\//g, '-'));
  if (!day) throw new AthenaTableError(`"${spec.fromDay}" is not a day (YYYY/MM/DD).`);
  return {
    database: checkName(spec.database ?? 'default', 'database'),
    table: checkName(spec.table ?? defaultTableName(location), 'table'),
    location,
    root: `s3://${bucket}/${keyPrefix ? `${keyPrefix}/` : ''}AWSLogs/${organizationId ? `${organizationId}/` : ''}`,
    accounts: [...new Set(spec.accounts ?? [])],
    regions: [...new Set(spec.regions ?? [])],
    fromDay: `${day.year}/${day.month}/${day.day}`,
  };
}

/** `enum` when the table lists the values, `injected` when every query must give them. */
export function projectionKind(values: readonly string[]): 'enum' | 'injected' {
  return values.length > 0 ? 'enum' : 'injected';
}
