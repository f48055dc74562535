/** AWS Management Console addresses for what the tree shows (opened with env.openExternal). */
import { parseArn } from './arn';

function consoleHost(region: string): string {
  return `https://${region}.console.aws.amazon.com`;
}

export function trailConsoleUrl(trailArn: string): string | undefined {
  const arn = parseArn(trailArn);
  if (!arn || arn.service !== 'cloudtrail' || !arn.resource.startsWith('trail/')) return undefined;
  return `${consoleHost(arn.region)}/cloudtrailv2/home?region=${encodeURIComponent(arn.region)}#/trails/${encodeURIComponent(trailArn)}`;
}

export function keyConsoleUrl(keyArn: string): string | undefined {
  const arn = parseArn(keyArn);
  if (!arn || arn.service !== 'kms' || !arn.resource.startsWith('key/')) return undefined;
  const id = arn.resource.slice('key/'.length);
  return `${consoleHost(arn.region)}/kms/home?region=${encodeURIComponent(arn.region)}#/kms/keys/${encodeURIComponent(id)}`;
}

/** An object page, or a folder listing when `key` is empty or ends in '/'. */
export function s3ConsoleUrl(bucket: string, key: string, region?: string): string {
  const regionPart = region ? `region=${encodeURIComponent(region)}&` : '';
  if (key === '' || key.endsWith('/')) {
    return `https://s3.console.aws.amazon.com/s3/buckets/${encodeURIComponent(bucket)}?${regionPart}prefix=${encodeURIComponent(key)}&showversions=false`;
  }
  return `https://s3.console.aws.amazon.com/s3/object/${encodeURIComponent(bucket)}?${regionPart}prefix=${encodeURIComponent(key)}`;
}
