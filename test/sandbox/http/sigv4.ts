import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export interface SignedRequest {
  method: string;
  /** Path exactly as received (still URI-encoded). */
  rawPath: string;
  /** Query string exactly as received, without `?`. */
  rawQuery: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface Credential {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
}

export type SigV4Result =
  | { ok: true; credential: Credential }
  | { ok: false; reason: 'missing' | 'malformed' | 'unknownKey' | 'badSignature' | 'payloadMismatch'; credential?: Credential };

const ALGORITHM = 'AWS4-HMAC-SHA256';

/** Parses the credential scope without checking the signature (to route and to pick the region). */
export function readCredential(req: SignedRequest): Credential | undefined {
  const auth = header(req.headers, 'authorization');
  const query = new URLSearchParams(req.rawQuery);
  const scope = auth ? /Credential=([^,\s]+)/.exec(auth)?.[1] : (query.get('X-Amz-Credential') ?? undefined);
  if (!scope) return undefined;
  const [accessKeyId, date, region, service, terminator] = scope.split('/');
  if (!accessKeyId || !date || !region || !service || terminator !== 'aws4_request') return undefined;
  return { accessKeyId, date, region, service };
}

/**
 * Verifies AWS Signature Version 4 (header or presigned query form) against the caller's secret.
 * The canonical request is rebuilt from exactly the headers the client says it signed, so botocore and the
 * JS SDK v3 (which sign different header sets) both verify.
 */
export function verifySigV4(req: SignedRequest, secretFor: (accessKeyId: string) => string | undefined): SigV4Result {
  const auth = header(req.headers, 'authorization');
  const query = parseQuery(req.rawQuery);
  const presigned = !auth && query.some(([k]) => k === 'X-Amz-Signature');
  if (!auth && !presigned) return { ok: false, reason: 'missing' };

  let signedHeaders: string[];
  let signature: string;
  let amzDate: string;
  if (auth) {
    const m = /^AWS4-HMAC-SHA256\s+Credential=[^,]+,\s*SignedHeaders=([^,]+),\s*Signature=([0-9a-f]+)\s*$/.exec(auth);
    if (!m) return { ok: false, reason: 'malformed' };
    signedHeaders = m[1].split(';');
    signature = m[2];
    amzDate = header(req.headers, 'x-amz-date') ?? '';
    if (!amzDate) {
      const date = header(req.headers, 'date');
      amzDate = date ? toAmzDate(new Date(date)) : '';
    }
  } else {
    const get = (k: string) => query.find(([name]) => name === k)?.[1] ?? '';
    if (get('X-Amz-Algorithm') !== ALGORITHM) return { ok: false, reason: 'malformed' };
    signedHeaders = get('X-Amz-SignedHeaders').split(';');
    signature = get('X-Amz-Signature');
    amzDate = get('X-Amz-Date');
  }
  const credential = readCredential(req);
  if (!credential || !amzDate) return { ok: false, reason: 'malformed' };
  const secret = secretFor(credential.accessKeyId);
  if (secret === undefined) return { ok: false, reason: 'unknownKey', credential };

  const declaredHash = header(req.headers, 'x-amz-content-sha256');
  const bodyHash = createHash('sha256').update(req.body).digest('hex');
  if (declaredHash && /^[0-9a-f]{64}$/.test(declaredHash) && declaredHash !== bodyHash) {
    return { ok: false, reason: 'payloadMismatch', credential };
  }
  // Presigned S3 URLs sign UNSIGNED-PAYLOAD (the JS presigner also hoists it into X-Amz-Content-Sha256).
  const payloadHash = presigned
    ? (query.find(([k]) => k === 'X-Amz-Content-Sha256')?.[1] ?? 'UNSIGNED-PAYLOAD')
    : (declaredHash ?? bodyHash);

  const canonicalQuery = query
    .filter(([k]) => !(presigned && k === 'X-Amz-Signature'))
    .map(([k, v]) => [rfc3986(k), rfc3986(v)] as const)
    .sort(([ak, av], [bk, bv]) => (ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const canonicalHeaders = signedHeaders
    .map((name) => `${name}:${(header(req.headers, name) ?? '').trim().replace(/\s+/g, ' ')}\n`)
    .join('');
  const canonicalPath = credential.service === 's3' ? req.rawPath || '/' : doubleEncodedPath(req.rawPath);
  const canonicalRequest = [req.method, canonicalPath, canonicalQuery, canonicalHeaders, signedHeaders.join(';'), payloadHash].join('\n');
  const scope = `${credential.date}/${credential.region}/${credential.service}/aws4_request`;
  const stringToSign = [ALGORITHM, amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
  let key = hmac(`AWS4${secret}`, credential.date);
  key = hmac(key, credential.region);
  key = hmac(key, credential.service);
  key = hmac(key, 'aws4_request');
  const expected = createHmac('sha256', key).update(stringToSign).digest();
  const given = Buffer.from(signature, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: 'badSignature', credential };
  }
  return { ok: true, credential };
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name.toLowerCase()];
  return Array.isArray(v) ? v.join(',') : v;
}

function parseQuery(raw: string): Array<[string, string]> {
  if (!raw) return [];
  return raw
    .split('&')
    .filter((part) => part.length > 0)
    .map((part) => {
      const i = part.indexOf('=');
      const k = i === -1 ? part : part.slice(0, i);
      const v = i === -1 ? '' : part.slice(i + 1);
      return [safeDecode(k), safeDecode(v)];
    });
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function rfc3986(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Non-S3 services sign the path normalized and encoded twice. */
function doubleEncodedPath(rawPath: string): string {
  const segments = (rawPath || '/').split('/').map((s) => rfc3986(safeDecode(s)));
  return segments.map((s) => rfc3986(s)).join('/') || '/';
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data).digest();
}

function sha256Hex(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

function toAmzDate(d: Date): string {
  return d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}
