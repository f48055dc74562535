/**
 * Typed links from log values. A link is made only when the value parses (an ARN, a key ID, an alias) with the
 * same rules the click handler re-checks (src/core/linkTargets.ts), so no link is shown that would be refused;
 * log text is never pasted into a URL or a command.
 */
import { parseArn, parseS3Location } from '../arn';
import { findEventsQueryText } from '../search/linkQuery';
import type { ExplainLink } from './types';

const KEY_ID = /^(mrk-[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;
const ALIAS_NAME = /^alias\/[a-zA-Z0-9/_-]{1,250}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const ACCOUNT = /^\d{12}$/;

/** Defaults for key references that carry no Region or account (a bare key ID or alias name). */
export interface KeyDefaults {
  region?: string;
  account?: string;
}

export type KeyLink = Extract<ExplainLink, { kind: 'kmsKey' }>;

export function trailLink(value: string): ExplainLink | undefined {
  const arn = parseArn(value);
  if (!arn || arn.service !== 'cloudtrail' || !arn.resource.startsWith('trail/')) return undefined;
  return { kind: 'trail', arn: value.trim() };
}

export function s3Link(value: string): ExplainLink | undefined {
  const location = parseS3Location(value);
  if (!location || !value.trim().startsWith('arn:')) return undefined;
  if (location.key === '' || location.key.endsWith('/')) return { kind: 's3Prefix', bucket: location.bucket, prefix: location.key };
  return { kind: 's3Object', bucket: location.bucket, key: location.key };
}

function valid(pattern: RegExp, value: string | undefined): string | undefined {
  return value !== undefined && pattern.test(value) ? value : undefined;
}

/** A key link from a key ID, key ARN, alias name or alias ARN; undefined unless the click handler would accept it. */
export function kmsKeyLink(value: string, defaults: KeyDefaults = {}): KeyLink | undefined {
  const text = value.trim();
  const arn = parseArn(text);
  if (arn) {
    if (arn.service !== 'kms' || !REGION.test(arn.region) || !ACCOUNT.test(arn.account)) return undefined;
    const where = { region: arn.region, account: arn.account };
    if (arn.resource.startsWith('key/') && KEY_ID.test(arn.resource.slice(4)))
      return { kind: 'kmsKey', arn: text, keyId: arn.resource.slice(4), ...where };
    if (ALIAS_NAME.test(arn.resource)) return { kind: 'kmsKey', arn: text, alias: arn.resource, ...where };
    return undefined;
  }
  const region = valid(REGION, defaults.region);
  const account = valid(ACCOUNT, defaults.account);
  const where = { ...(region ? { region } : {}), ...(account ? { account } : {}) };
  if (KEY_ID.test(text)) return { kind: 'kmsKey', keyId: text, ...where };
  if (ALIAS_NAME.test(text)) return { kind: 'kmsKey', alias: text, ...where };
  return undefined;
}

/** Trail, S3 and key ARNs a document value can stand for (document links, pasted text); bare IDs only as key ARNs. */
export function linkForValue(value: string, defaults: KeyDefaults = {}): ExplainLink | undefined {
  return trailLink(value) ?? s3Link(value) ?? kmsKeyLink(value, defaults);
}

/** A stable text for a link (CLI output, de-duplication). */
export function linkTarget(link: ExplainLink): string {
  switch (link.kind) {
    case 'trail':
      return link.arn;
    case 's3Object':
      return `s3://${link.bucket}/${link.key}`;
    case 's3Prefix':
      return `s3://${link.bucket}/${link.prefix}`;
    case 'kmsKey':
      return link.arn ?? [link.region, link.account, link.keyId ?? link.alias].filter(Boolean).join(':');
    case 'doc':
      return link.url;
    case 'findEvents':
      return findEventsQueryText(link);
  }
}

/** What a link points at: one key is one target, whether it came as an ARN or a bare ID. */
function identity(link: ExplainLink): string {
  return link.kind === 'kmsKey' ? `kmsKey ${link.keyId ?? link.alias}` : `${link.kind} ${linkTarget(link)}`;
}

/** One link per target; for keys the one that carries an ARN wins, in the place of the first. */
export function dedupeLinks(links: ExplainLink[]): ExplainLink[] {
  const at = new Map<string, number>();
  const out: ExplainLink[] = [];
  for (const link of links) {
    const id = identity(link);
    const seen = at.get(id);
    if (seen === undefined) {
      at.set(id, out.length);
      out.push(link);
    } else if (link.kind === 'kmsKey' && link.arn && !(out[seen] as KeyLink).arn) out[seen] = link;
  }
  return out;
}
