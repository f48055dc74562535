/**
 * What a command link or a document link may point at, and the checks its arguments pass before use.
 * Command links in hovers carry JSON arguments that a crafted document could imitate, so every handler
 * re-validates: an ARN must parse, a bucket must be a bucket name, a key must be a plain string.
 */
import { isAccountId, isRegionName, parseArn, parseS3Location } from '../arn';
import { parseKeyRef } from '../search/keys';
import { trimEndChars } from '../text';
import { linkForValue } from './links';
import type { ExplainLink, FindEventsField, FindEventsLink } from './types';

export type LinkTarget =
  | { kind: 'trail'; arn: string }
  | { kind: 'kmsKey'; arn?: string; keyId?: string; alias?: string; region?: string; account?: string }
  | { kind: 's3Object'; bucket: string; key: string; region?: string }
  | { kind: 's3Prefix'; bucket: string; prefix: string };

export class BadLinkError extends Error {
  override readonly name = 'BadLinkError';
}

const BUCKET = /^[a-zA-Z0-9._-]{3,255}$/;
const KEY_ID = /^(mrk-[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;
const ALIAS = /^alias\/[a-zA-Z0-9/_-]{1,250}$/;
const MAX_KEY = 1024;

function record(arg: unknown, what: string): Record<string, unknown> {
  if (!arg || typeof arg !== 'object' || Array.isArray(arg)) throw new BadLinkError(`The link to ${what} has no arguments.`);
  return arg as Record<string, unknown>;
}

function optional(value: unknown, valid: RegExp | ((text: string) => boolean), name: string): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string' || !(typeof valid === 'function' ? valid(value) : valid.test(value)))
    throw new BadLinkError(`The link's ${name} is not valid: ${JSON.stringify(value)?.slice(0, 80)}.`);
  return value;
}

export function trailTarget(arg: unknown): { kind: 'trail'; arn: string } {
  const { arn } = record(arg, 'a trail');
  const parsed = typeof arn === 'string' ? parseArn(arn) : undefined;
  if (
    !parsed ||
    parsed.service !== 'cloudtrail' ||
    !parsed.resource.startsWith('trail/') ||
    !isRegionName(parsed.region) ||
    !isAccountId(parsed.account)
  ) {
    throw new BadLinkError(`Not a trail ARN: ${JSON.stringify(arn)?.slice(0, 120)}.`);
  }
  return { kind: 'trail', arn: (arn as string).trim() };
}

export function kmsKeyTarget(arg: unknown): Extract<LinkTarget, { kind: 'kmsKey' }> {
  const value = record(arg, 'a KMS key');
  let arn: string | undefined;
  let keyId = optional(value.keyId, KEY_ID, 'key id');
  let alias = optional(value.alias, ALIAS, 'alias');
  let region = optional(value.region, isRegionName, 'region');
  let account = optional(value.account, isAccountId, 'account');
  if (value.arn !== undefined) {
    const parsed = typeof value.arn === 'string' ? parseArn(value.arn) : undefined;
    if (!parsed || parsed.service !== 'kms' || !isRegionName(parsed.region) || !isAccountId(parsed.account)) {
      throw new BadLinkError(`Not a KMS key ARN: ${JSON.stringify(value.arn)?.slice(0, 120)}.`);
    }
    if (parsed.resource.startsWith('key/') && KEY_ID.test(parsed.resource.slice(4))) keyId = parsed.resource.slice(4);
    else if (ALIAS.test(parsed.resource)) alias = parsed.resource;
    else throw new BadLinkError(`Not a KMS key or alias ARN: ${JSON.stringify(value.arn).slice(0, 120)}.`);
    arn = (value.arn as string).trim();
    region = parsed.region;
    account = parsed.account;
  }
  if (!keyId && !alias) throw new BadLinkError('The link to a KMS key names neither a key id nor an alias.');
  return {
    kind: 'kmsKey',
    ...(arn ? { arn } : {}),
    ...(keyId ? { keyId } : {}),
    ...(alias ? { alias } : {}),
    ...(region ? { region } : {}),
    ...(account ? { account } : {}),
  };
}

function bucketOf(value: unknown): string {
  if (typeof value !== 'string' || !BUCKET.test(value))
    throw new BadLinkError(`Not an S3 bucket name: ${JSON.stringify(value)?.slice(0, 80)}.`);
  return value;
}

function keyOf(value: unknown, name: string, allowEmpty: boolean): string {
  if (typeof value !== 'string' || value.length > MAX_KEY || (!allowEmpty && value === '')) {
    throw new BadLinkError(`The link's ${name} is not a valid S3 key.`);
  }
  return value;
}

export function s3ObjectTarget(arg: unknown): Extract<LinkTarget, { kind: 's3Object' }> {
  const value = record(arg, 'an S3 object');
  const region = optional(value.region, isRegionName, 'region');
  return { kind: 's3Object', bucket: bucketOf(value.bucket), key: keyOf(value.key, 'key', false), ...(region ? { region } : {}) };
}

export function s3PrefixTarget(arg: unknown): Extract<LinkTarget, { kind: 's3Prefix' }> {
  const value = record(arg, 'an S3 folder');
  return { kind: 's3Prefix', bucket: bucketOf(value.bucket), prefix: keyOf(value.prefix ?? '', 'prefix', true) };
}

/**
 * The one check of a link's argument, by its `kind`: what a document link's command (and every hover command, through
 * the validator of its kind) accepts. Throws BadLinkError for anything else.
 */
export function checkedTarget(arg: unknown): LinkTarget {
  const kind = (arg as { kind?: unknown } | undefined)?.kind;
  switch (kind) {
    case 'trail':
      return trailTarget(arg);
    case 'kmsKey':
      return kmsKeyTarget(arg);
    case 's3Object':
      return s3ObjectTarget(arg);
    case 's3Prefix':
      return s3PrefixTarget(arg);
    default:
      throw new BadLinkError('This link names nothing the CloudTrail view can show.');
  }
}

/**
 * The target a link hands to its command, checked as the click handler will check it again; undefined for a link the
 * handler would refuse (such a link is not shown at all) and for documentation links.
 */
export function followableTarget(link: ExplainLink | LinkTarget): LinkTarget | undefined {
  if (link.kind === 'doc' || link.kind === 'findEvents') return undefined;
  try {
    return checkedTarget(link);
  } catch {
    return undefined;
  }
}

/** A log object and one record in it (a search result opened at its record). */
/** An eventID as CloudTrail writes them (a UUID; letters, digits and dashes), the only form a link may name. */
const EVENT_ID = /^[A-Za-z0-9-]{1,128}$/;

/**
 * A record of a log file: by its index in `Records` (the files engine), or by its eventID (an Athena row, whose index
 * Athena does not say).
 */
export function s3RecordTarget(
  arg: unknown,
): Extract<LinkTarget, { kind: 's3Object' }> &
  ({ recordIndex: number; eventID?: undefined } | { recordIndex?: undefined; eventID: string }) {
  const object = s3ObjectTarget(arg);
  const { recordIndex, eventID } = record(arg, 'a record of a log file');
  if (recordIndex === undefined && typeof eventID === 'string' && EVENT_ID.test(eventID)) return { ...object, eventID };
  if (typeof recordIndex !== 'number' || !Number.isInteger(recordIndex) || recordIndex < 0 || recordIndex > 10_000_000)
    throw new BadLinkError(`The link's record index is not valid: ${JSON.stringify(recordIndex)?.slice(0, 40)}.`);
  return { ...object, recordIndex };
}

const FIND_FIELDS: readonly FindEventsField[] = ['key', 'principal', 'accessKey', 'request'];
const ACCESS_KEY = /^(?:AKIA|ASIA)[A-Z0-9]{12,124}$/;
const REQUEST_ID = /^[A-Za-z0-9._:/+=-]{4,128}$/;
const EVENT_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z$/;

/** Whether a value can be searched for as `field` (the same rule makes the link and checks its click). */
export function findEventsValueValid(field: FindEventsField, value: string): boolean {
  switch (field) {
    case 'key':
      return parseKeyRef(value) !== undefined; // the query's own rule for key:
    case 'principal': {
      const arn = value.length <= 2048 ? parseArn(value) : undefined;
      return !!arn && (arn.service === 'iam' || arn.service === 'sts') && isAccountId(arn.account) && arn.resource.length > 0;
    }
    case 'accessKey':
      return ACCESS_KEY.test(value);
    case 'request':
      return REQUEST_ID.test(value);
  }
}

/** The arguments of a "Find events with this …" link, checked: a field we offer, a value of its form, an eventTime. */
export function findEventsTarget(arg: unknown): FindEventsLink {
  const value = record(arg, 'a search');
  const field = value.field as FindEventsField;
  if (typeof field !== 'string' || !FIND_FIELDS.includes(field)) throw new BadLinkError('The search link names no field it can search.');
  if (typeof value.value !== 'string' || !findEventsValueValid(field, value.value))
    throw new BadLinkError(`The search link's ${field} is not valid: ${JSON.stringify(value.value)?.slice(0, 80)}.`);
  if (typeof value.eventTime !== 'string' || !EVENT_TIME.test(value.eventTime) || Number.isNaN(Date.parse(value.eventTime)))
    throw new BadLinkError(`The search link's time is not valid: ${JSON.stringify(value.eventTime)?.slice(0, 40)}.`);
  return { kind: 'findEvents', field, value: value.value, eventTime: value.eventTime };
}

/** Whether a link's click handler accepts it (a command link: its target's check; a search link: findEventsTarget). */
export function isFollowable(link: ExplainLink): boolean {
  if (link.kind === 'doc') return false;
  if (link.kind !== 'findEvents') return followableTarget(link) !== undefined;
  try {
    findEventsTarget(link);
    return true;
  } catch {
    return false;
  }
}

/** A target from text the user pasted or a document holds: an ARN or `s3://` URI. */
export function targetFromText(text: string): LinkTarget | undefined {
  const trimmed = text.trim();
  if (trimmed.startsWith('s3://')) {
    const location = parseS3Location(trimmed);
    if (!location) return undefined;
    if (location.key === '' || location.key.endsWith('/')) return { kind: 's3Prefix', bucket: location.bucket, prefix: location.key };
    return { kind: 's3Object', bucket: location.bucket, key: location.key };
  }
  const link = linkForValue(trimmed);
  if (!link || link.kind === 'doc' || link.kind === 'findEvents') return undefined;
  if (link.kind === 'kmsKey' && !link.arn) return undefined; // a bare key id in text says too little
  return link;
}

export interface FoundLink {
  start: number;
  end: number;
  target: LinkTarget;
}

const CANDIDATE = /arn:aws[a-z-]*:(?:cloudtrail|kms|s3):[^\s"'\\<>`]*|s3:\/\/[^\s"'\\<>`]+/g;

/** Punctuation that ends a sentence around a pasted ARN rather than belonging to it. */
const TRAILING_PUNCTUATION = '.,;)]}';

/**
 * ARNs and `s3://` URIs in a document that can be followed (document links), at most `max` of them, each one that the
 * click handler accepts. Linear: trailing punctuation is trimmed by a loop (the pattern `/[.,;)\]}]+$/` was quadratic on
 * a long run of dots inside an ARN).
 */
export function findLinkTargets(text: string, max = 2000): FoundLink[] {
  const out: FoundLink[] = [];
  CANDIDATE.lastIndex = 0;
  for (let match = CANDIDATE.exec(text); match && out.length < max; match = CANDIDATE.exec(text)) {
    const raw = trimEndChars(match[0], TRAILING_PUNCTUATION);
    const found = targetFromText(raw);
    const target = found && followableTarget(found);
    if (target) out.push({ start: match.index, end: match.index + raw.length, target });
  }
  return out;
}
