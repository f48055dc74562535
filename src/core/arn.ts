/** ARNs, S3 locations and AWS names (regions, accounts, trails). Pure: used by the AWS layer, the CLI, hovers and command links. */

export interface Arn {
  partition: string;
  service: string;
  region: string;
  account: string;
  /** Everything after the fifth colon, e.g. `trail/management` or `key/1234…`. */
  resource: string;
}

/** Parses `arn:partition:service:region:account:resource`; undefined when the text is not an ARN. */
export function parseArn(text: string): Arn | undefined {
  const trimmed = text.trim();
  const match = /^arn:(aws[a-zA-Z-]*):([a-z0-9-]+):([a-z0-9-]*):(\d{12}|aws|)?:(.+)$/.exec(trimmed);
  if (!match) return undefined;
  const [, partition, service, region, account, resource] = match;
  return { partition, service, region, account: account ?? '', resource };
}

export interface S3Location {
  bucket: string;
  /** Object key or prefix; empty for the bucket itself. */
  key: string;
}

const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$|^[a-zA-Z0-9._-]{3,255}$/;

/**
 * Parses an S3 location as users paste it: `s3://bucket/key`, `arn:aws:s3:::bucket/key`,
 * or the console's `https://s3.console…/object/bucket?prefix=key` is not supported (no guessing).
 * Returns undefined for anything else.
 */
export function parseS3Location(text: string): S3Location | undefined {
  const trimmed = text.trim();
  let rest: string | undefined;
  if (trimmed.startsWith('s3://')) rest = trimmed.slice('s3://'.length);
  else {
    const arn = parseArn(trimmed);
    if (arn && arn.service === 's3' && arn.region === '' && arn.account === '') rest = arn.resource;
  }
  if (rest === undefined) return undefined;
  const slash = rest.indexOf('/');
  const bucket = slash === -1 ? rest : rest.slice(0, slash);
  const key = slash === -1 ? '' : rest.slice(slash + 1);
  if (!BUCKET_NAME.test(bucket)) return undefined;
  return { bucket, key };
}

export function s3Uri(location: S3Location): string {
  return `s3://${location.bucket}/${location.key}`;
}

export function s3Arn(location: S3Location, partition = 'aws'): string {
  return location.key ? `arn:${partition}:s3:::${location.bucket}/${location.key}` : `arn:${partition}:s3:::${location.bucket}`;
}

/** A region name such as `us-west-2` or `us-gov-west-1`. */
export function isRegionName(text: string): boolean {
  return /^[a-z]{2}(-[a-z]+)+-\d+$/.test(text);
}

/** A 12-digit AWS account id. */
export function isAccountId(text: string): boolean {
  return /^\d{12}$/.test(text);
}

/** `arn:<partition>:cloudtrail:<region>:<account>:trail/<name>`, the name as CloudTrail allows it (letters, digits, `._-`). */
export function isTrailArn(text: string): boolean {
  const arn = parseArn(text);
  return (
    !!arn &&
    arn.service === 'cloudtrail' &&
    isRegionName(arn.region) &&
    isAccountId(arn.account) &&
    /^trail\/[A-Za-z0-9._-]{1,128}$/.test(arn.resource) &&
    text === text.trim()
  );
}
