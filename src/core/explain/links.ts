/**
 * Typed links from values. A link is made only when the value parses (an ARN, a key ID, an alias);
 * log text is never pasted into a URL or a command.
 */
import { parseArn, parseS3Location } from '../arn';
import type { ExplainLink } from './types';

const KEY_ID = /^(mrk-[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;
const ALIAS_NAME = /^alias\/[a-zA-Z0-9/_-]{1,250}$/;

/** Defaults for key references that carry no Region or account (a bare key ID or alias name). */
export interface KeyDefaults {
  region?: string;
  account?: string;
}

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

export function kmsKeyLink(value: string, defaults: KeyDefaults = {}): ExplainLink | undefined {
  const text = value.trim();
  const arn = parseArn(text);
  if (arn) {
    if (arn.service !== 'kms') return undefined;
    const region = arn.region || undefined;
    const account = arn.account || undefined;
    if (arn.resource.startsWith('key/')) {
      const keyId = arn.resource.slice('key/'.length);
      return { kind: 'kmsKey', arn: text, keyId, region, account };
    }
    if (arn.resource.startsWith('alias/')) return { kind: 'kmsKey', arn: text, alias: arn.resource, region, account };
    return undefined;
  }
  if (KEY_ID.test(text)) return { kind: 'kmsKey', keyId: text, region: defaults.region, account: defaults.account };
  if (ALIAS_NAME.test(text)) return { kind: 'kmsKey', alias: text, region: defaults.region, account: defaults.account };
  return undefined;
}

/** Any typed link a string value can stand for. */
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
  }
}

export function dedupeLinks(links: ExplainLink[]): ExplainLink[] {
  const seen = new Set<string>();
  const out: ExplainLink[] = [];
  for (const link of links) {
    const id = `${link.kind} ${linkTarget(link)}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(link);
  }
  return out;
}
