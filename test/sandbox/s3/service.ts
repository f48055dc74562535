import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import { AwsError } from '../errors';
import { s3Decision } from '../iam/decisions';
import type { RequestContext, SandboxState } from '../state';
import { Bucket, type S3Object } from './store';
import { openObject, s3CallerOf, sealObject } from './sse';
import { el, S3_NS, xmlDoc } from './xml';
import { listObjects } from './list';
import type { FaultRule } from '../types';

export interface S3Request {
  method: string;
  bucket: string;
  key: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface ServiceResponse {
  status: number;
  headers: Record<string, string>;
  body?: Buffer | Readable;
  /** Set when a KMS call S3 made for this request hit a truncate/trickle fault rule. */
  fault?: FaultRule;
}

/** Which S3 operation a path-style request is (used for routing, counting and fault rules). */
export function s3Operation(method: string, bucket: string, key: string, signedQuery: URLSearchParams): string {
  // Presigned-URL auth parameters (X-Amz-*) say nothing about the operation.
  const query = new URLSearchParams([...signedQuery].filter(([k]) => !/^x-amz-/i.test(k)));
  if (!bucket) return method === 'GET' ? 'ListBuckets' : 'Unsupported';
  if (!key) {
    if (method === 'GET' && query.has('location')) return 'GetBucketLocation';
    if (method === 'GET' && query.has('encryption')) return 'GetBucketEncryption';
    if (method === 'GET' && query.get('list-type') === '2') return 'ListObjectsV2';
    if (method === 'GET' && [...query.keys()].every((k) => LIST_V1_PARAMS.has(k))) return 'ListObjects';
    if (method === 'HEAD') return 'HeadBucket';
    if (method === 'PUT' && [...query.keys()].length === 0) return 'CreateBucket';
    return 'Unsupported';
  }
  if (method === 'GET' && [...query.keys()].every((k) => GET_OBJECT_PARAMS.has(k))) return 'GetObject';
  if (method === 'HEAD') return 'HeadObject';
  if (method === 'PUT' && [...query.keys()].every((k) => k.startsWith('x-id'))) return 'PutObject';
  if (method === 'DELETE' && [...query.keys()].every((k) => k.startsWith('x-id'))) return 'DeleteObject';
  return 'Unsupported';
}

const LIST_V1_PARAMS = new Set(['prefix', 'delimiter', 'marker', 'max-keys', 'encoding-type']);
const GET_OBJECT_PARAMS = new Set(['x-id', 'partNumber', 'response-content-type']);

const ACTIONS: Record<string, string> = {
  ListBuckets: 's3:ListAllMyBuckets',
  GetBucketLocation: 's3:GetBucketLocation',
  GetBucketEncryption: 's3:GetEncryptionConfiguration',
  ListObjectsV2: 's3:ListBucket',
  ListObjects: 's3:ListBucket',
  HeadBucket: 's3:ListBucket',
  CreateBucket: 's3:CreateBucket',
  GetObject: 's3:GetObject',
  HeadObject: 's3:GetObject',
  PutObject: 's3:PutObject',
  DeleteObject: 's3:DeleteObject',
};

export function handleS3(state: SandboxState, operation: string, req: S3Request, ctx: RequestContext): ServiceResponse {
  if (operation === 'Unsupported') {
    throw new AwsError(501, 'NotImplemented', 'A header or query you provided implies functionality that the sandbox does not implement.');
  }
  const resource = req.bucket ? `arn:aws:s3:::${req.bucket}${req.key ? `/${req.key}` : ''}` : '*';
  const action = ACTIONS[operation];
  const extra: Record<string, string[]> = operation.startsWith('ListObjects') ? { 's3:prefix': [req.query.get('prefix') ?? ''] } : {};
  const bucket = req.bucket ? state.buckets.get(req.bucket) : undefined;
  // Account-level calls and calls on a bucket that does not exist: the caller's IAM policy decides.
  const decision = s3Decision(ctx.principal, action, resource, bucket, extra);
  if (!decision.allowed) throw new AwsError(403, 'AccessDenied', decision.message);
  if (operation === 'ListBuckets') return listBuckets(state, ctx.principal.accountId);
  if (operation === 'CreateBucket') return createBucket(state, req, ctx);
  if (!bucket) {
    throw new AwsError(404, 'NoSuchBucket', 'The specified bucket does not exist', {}, { BucketName: req.bucket });
  }
  switch (operation) {
    case 'GetBucketLocation':
      return xml(200, `<LocationConstraint xmlns="${S3_NS}">${bucket.region === 'us-east-1' ? '' : bucket.region}</LocationConstraint>`);
    case 'GetBucketEncryption':
      return getBucketEncryption(bucket);
    case 'HeadBucket':
      return { status: 200, headers: { 'x-amz-bucket-region': bucket.region } };
    case 'ListObjectsV2':
    case 'ListObjects':
      return xml(200, listObjects(bucket, req.query, operation === 'ListObjectsV2'));
    case 'PutObject':
      return putObject(state, bucket, req, ctx);
    case 'DeleteObject':
      bucket.delete(req.key);
      return { status: 204, headers: {} };
    case 'GetObject':
    case 'HeadObject':
      return getObject(state, bucket, req, ctx, operation === 'HeadObject');
  }
  throw new AwsError(501, 'NotImplemented', `${operation} is not implemented by the sandbox`);
}

function xml(status: number, body: string): ServiceResponse {
  return { status, headers: { 'content-type': 'application/xml' }, body: xmlDoc(body) };
}

function listBuckets(state: SandboxState, accountId: string): ServiceResponse {
  const buckets = [...state.buckets.buckets.values()]
    .filter((b) => b.accountId === accountId)
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .map((b) => `<Bucket>${el('Name', b.name)}${el('CreationDate', b.creationDate.toISOString())}${el('BucketRegion', b.region)}</Bucket>`)
    .join('');
  return xml(
    200,
    `<ListAllMyBucketsResult xmlns="${S3_NS}"><Owner>${el('ID', 'sandbox-owner-canonical-id')}${el('DisplayName', 'sandbox')}</Owner><Buckets>${buckets}</Buckets></ListAllMyBucketsResult>`,
  );
}

function createBucket(state: SandboxState, req: S3Request, ctx: RequestContext): ServiceResponse {
  if (state.buckets.get(req.bucket)) {
    throw new AwsError(
      409,
      'BucketAlreadyOwnedByYou',
      'Your previous request to create the named bucket succeeded and you already own it.',
    );
  }
  const constraint = /<LocationConstraint>([^<]+)<\/LocationConstraint>/.exec(req.body.toString())?.[1];
  state.buckets.add(new Bucket(req.bucket, constraint ?? ctx.region, state.clock.now(), undefined, ctx.principal.accountId));
  return { status: 200, headers: { location: `/${req.bucket}` } };
}

function getBucketEncryption(bucket: Bucket): ServiceResponse {
  const d = bucket.defaultEncryption ?? { kind: 'AES256' as const };
  const rule = `<Rule><ApplyServerSideEncryptionByDefault>${el('SSEAlgorithm', d.kind)}${el('KMSMasterKeyID', d.keyArn)}</ApplyServerSideEncryptionByDefault>${el('BucketKeyEnabled', Boolean(d.bucketKey))}</Rule>`;
  return xml(200, `<ServerSideEncryptionConfiguration xmlns="${S3_NS}">${rule}</ServerSideEncryptionConfiguration>`);
}

function putObject(state: SandboxState, bucket: Bucket, req: S3Request, ctx: RequestContext): ServiceResponse {
  const h = (name: string) => headerValue(req.headers, name);
  const metadata: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (name.startsWith('x-amz-meta-') && value !== undefined) metadata[name.slice('x-amz-meta-'.length)] = String(value);
  }
  const requested = h('x-amz-server-side-encryption') ?? bucket.defaultEncryption?.kind ?? 'AES256';
  let sse: Parameters<typeof sealObject>[1]['sse'];
  if (requested === 'aws:kms') {
    const keyRef = h('x-amz-server-side-encryption-aws-kms-key-id') ?? bucket.defaultEncryption?.keyArn ?? 'alias/aws/s3';
    let key;
    try {
      key = state.keys.resolve(bucket.region, keyRef, ctx.principal.accountId);
    } catch (e) {
      if (e instanceof AwsError) throw new AwsError(400, 'KMS.NotFoundException', e.message);
      throw e;
    }
    const bucketKeyHeader = h('x-amz-server-side-encryption-bucket-key-enabled');
    const bucketKey = bucketKeyHeader !== undefined ? bucketKeyHeader === 'true' : Boolean(bucket.defaultEncryption?.bucketKey);
    const contextHeader = h('x-amz-server-side-encryption-context');
    const extraContext = contextHeader
      ? (JSON.parse(Buffer.from(contextHeader, 'base64').toString('utf8')) as Record<string, string>)
      : undefined;
    sse = { kind: 'aws:kms', key, bucketKey, extraContext };
  } else if (requested === 'AES256') {
    sse = { kind: 'AES256' };
  } else {
    throw new AwsError(400, 'InvalidArgument', `The encryption method specified (${requested}) is not supported by the sandbox`);
  }
  const caller = s3CallerOf(ctx.principal);
  const object = sealObject(state, {
    bucket: bucket.name,
    key: req.key,
    plaintext: req.body,
    contentType: h('content-type') ?? 'binary/octet-stream',
    metadata,
    lastModified: state.clock.now(),
    sse,
    caller,
  });
  bucket.put(object);
  const headers: Record<string, string> = { etag: `"${object.etag}"`, ...sseHeaders(object) };
  for (const [name, value] of Object.entries(req.headers)) {
    if (name.startsWith('x-amz-checksum-') && name !== 'x-amz-checksum-algorithm' && typeof value === 'string') headers[name] = value;
  }
  return { status: 200, headers, fault: caller.responseFault };
}

function getObject(state: SandboxState, bucket: Bucket, req: S3Request, ctx: RequestContext, head: boolean): ServiceResponse {
  const object = bucket.objects.get(req.key);
  if (!object) {
    // The key exists in the message only for GET (HEAD errors have no body).
    throw new AwsError(404, 'NoSuchKey', 'The specified key does not exist.', {}, { Key: req.key });
  }
  const headers: Record<string, string> = {
    'last-modified': object.lastModified.toUTCString(),
    etag: `"${object.etag}"`,
    'content-type': req.query.get('response-content-type') ?? object.contentType,
    'accept-ranges': 'bytes',
    ...sseHeaders(object),
  };
  for (const [name, value] of Object.entries(object.metadata)) headers[`x-amz-meta-${name}`] = value;
  const range = parseRange(headerValue(req.headers, 'range'), object.size);
  if (head) {
    headers['content-length'] = String(object.size);
    return { status: 200, headers };
  }
  const [start, end] = range ?? [0, object.size - 1];
  const caller = s3CallerOf(ctx.principal);
  const body = object.size === 0 ? undefined : openObject(state, object, start, end, caller);
  headers['content-length'] = String(object.size === 0 ? 0 : end - start + 1);
  if (range) headers['content-range'] = `bytes ${start}-${end}/${object.size}`;
  return { status: range ? 206 : 200, headers, body, fault: caller.responseFault };
}

function sseHeaders(object: S3Object): Record<string, string> {
  const enc = object.encryption;
  if (enc.kind === 'none') return {};
  if (enc.kind === 'AES256') return { 'x-amz-server-side-encryption': 'AES256' };
  return {
    'x-amz-server-side-encryption': 'aws:kms',
    'x-amz-server-side-encryption-aws-kms-key-id': enc.keyArn,
    ...(enc.bucketKey ? { 'x-amz-server-side-encryption-bucket-key-enabled': 'true' } : {}),
  };
}

function parseRange(header: string | undefined, size: number): [number, number] | undefined {
  if (!header) return undefined;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return undefined;
  let start: number;
  let end: number;
  if (m[1] === '') {
    start = Math.max(0, size - Number(m[2]));
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start >= size || start > end) {
    throw new AwsError(416, 'InvalidRange', 'The requested range is not satisfiable', { 'content-range': `bytes */${size}` });
  }
  return [start, end];
}

function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v.join(',') : v;
}
