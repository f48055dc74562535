/**
 * The `cloudtrail-log` URI of a decrypted log document, as plain components (the editor layer builds the Uri).
 *
 *   cloudtrail-log:/<bucket>/<key without .gz>?region=<r>&profile=<p>
 *
 * The path reads like the S3 location and ends in `.json`, so VS Code picks the JSON language. Keys that do not
 * end in `.json.gz` (digests end in `.json.gz` too; anything else is unusual) carry the exact key in `key=` and
 * get `.json` appended to the path, so every key round-trips exactly, whatever characters it holds.
 */

export const LOG_SCHEME = 'cloudtrail-log';

export interface LogLocation {
  bucket: string;
  key: string;
  region?: string;
  profile?: string;
}

export interface LogUriParts {
  scheme: string;
  path: string;
  query: string;
}

const BUCKET = /^[a-zA-Z0-9._-]{1,255}$/;

function encodeParam(value: string): string {
  return encodeURIComponent(value);
}

export function toLogUriParts(location: LogLocation): LogUriParts {
  if (!BUCKET.test(location.bucket)) throw new Error(`Not an S3 bucket name: ${JSON.stringify(location.bucket)}`);
  if (location.key === '') throw new Error('An S3 object key is needed to open a log file');
  const standard = location.key.endsWith('.json.gz');
  const path = `/${location.bucket}/${standard ? location.key.slice(0, -'.gz'.length) : `${location.key}.json`}`;
  const params: string[] = [];
  if (location.region) params.push(`region=${encodeParam(location.region)}`);
  if (location.profile) params.push(`profile=${encodeParam(location.profile)}`);
  if (!standard) params.push(`key=${encodeParam(location.key)}`);
  return { scheme: LOG_SCHEME, path, query: params.join('&') };
}

function parseQuery(query: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const pair of query.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const name = eq < 0 ? pair : pair.slice(0, eq);
    const raw = eq < 0 ? '' : pair.slice(eq + 1);
    let value: string;
    try {
      value = decodeURIComponent(raw);
    } catch {
      throw new Error(`Malformed ${name}= in ${LOG_SCHEME} URI`);
    }
    out.set(name, value);
  }
  return out;
}

/** The S3 location a `cloudtrail-log` URI stands for; throws a readable error for anything else. */
export function fromLogUriParts(parts: LogUriParts): LogLocation {
  if (parts.scheme !== LOG_SCHEME) throw new Error(`Not a ${LOG_SCHEME} URI (scheme ${parts.scheme})`);
  const path = parts.path.startsWith('/') ? parts.path.slice(1) : parts.path;
  const slash = path.indexOf('/');
  if (slash <= 0) throw new Error(`A ${LOG_SCHEME} URI needs /<bucket>/<key>, got ${JSON.stringify(parts.path)}`);
  const bucket = path.slice(0, slash);
  if (!BUCKET.test(bucket)) throw new Error(`Not an S3 bucket name: ${JSON.stringify(bucket)}`);
  const query = parseQuery(parts.query);
  const rest = path.slice(slash + 1);
  let key = query.get('key');
  if (key === undefined) {
    if (!rest.endsWith('.json')) throw new Error(`A ${LOG_SCHEME} URI path ends in .json, got ${JSON.stringify(parts.path)}`);
    key = `${rest}.gz`;
  } else if (`${key}.json` !== rest) {
    throw new Error(`The key= of this ${LOG_SCHEME} URI does not match its path`);
  }
  const region = query.get('region') || undefined;
  const profile = query.get('profile') || undefined;
  return { bucket, key, ...(region ? { region } : {}), ...(profile ? { profile } : {}) };
}

/** The file name shown in the editor tab: the last path segment. */
export function logDisplayName(location: LogLocation): string {
  const parts = toLogUriParts(location).path.split('/');
  return parts[parts.length - 1] || location.key;
}
