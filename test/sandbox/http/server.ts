import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { Readable } from 'node:stream';
import { AwsError } from '../errors';
import { principalByAccessKey } from '../principals';
import type { RequestContext, SandboxState } from '../state';
import { handleKms } from '../kms/service';
import { handleCloudTrail } from '../cloudtrail/service';
import { handleS3, s3Operation } from '../s3/service';
import { s3ErrorXml } from '../s3/xml';
import { handleSts, stsErrorXml } from '../sts/service';
import type { FaultKind } from '../types';
import { decodeAwsChunked } from './awsChunked';
import type { Faults } from './faults';
import type { Requests } from './requests';
import { verifySigV4, type SignedRequest } from './sigv4';

type Protocol = 's3' | 'kms' | 'cloudtrail' | 'sts';

const KMS_PREFIX = 'TrentService.';
// The JS SDK v3 sends `CloudTrail_20131101.<Op>`; the service model's full prefix is accepted too.
const CLOUDTRAIL_PREFIXES = ['com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.', 'CloudTrail_20131101.'];

interface Outgoing {
  status: number;
  headers: Record<string, string>;
  body?: Buffer | Readable;
}

export interface RunningServer {
  port: number;
  close(): Promise<void>;
}

/** One loopback HTTP server that speaks S3 (REST-XML), KMS + CloudTrail (awsJson1_1) and STS (query). */
export async function startServer(state: SandboxState, faults: Faults, requests: Requests, port: number): Promise<RunningServer> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      try {
        serve(state, faults, requests, req, res, Buffer.concat(chunks));
      } catch (e) {
        res.destroy(e as Error);
      }
    });
    req.on('error', () => res.destroy());
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      }),
  };
}

function serve(state: SandboxState, faults: Faults, requests: Requests, req: IncomingMessage, res: ServerResponse, body: Buffer): void {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const rawPath = q === -1 ? url : url.slice(0, q);
  const rawQuery = q === -1 ? '' : url.slice(q + 1);
  const query = new URLSearchParams(rawQuery);
  const target = header(req, 'x-amz-target');
  const requestId = randomUUID();

  let protocol: Protocol;
  let operation: string;
  let s3Parts = { bucket: '', key: '' };
  if (target?.startsWith(KMS_PREFIX)) {
    protocol = 'kms';
    operation = target.slice(KMS_PREFIX.length);
  } else if (target && CLOUDTRAIL_PREFIXES.some((p) => target.startsWith(p))) {
    protocol = 'cloudtrail';
    operation = target.slice(target.lastIndexOf('.') + 1);
  } else if (target) {
    return send(res, jsonError(400, 'UnknownOperationException', `Unknown target ${target}`, requestId), undefined);
  } else if (
    req.method === 'POST' &&
    rawPath === '/' &&
    (header(req, 'content-type') ?? '').startsWith('application/x-www-form-urlencoded')
  ) {
    protocol = 'sts';
    operation = new URLSearchParams(body.toString('utf8')).get('Action') ?? 'Unknown';
  } else {
    protocol = 's3';
    const slash = rawPath.indexOf('/', 1);
    s3Parts = {
      bucket: decodeURIComponent(slash === -1 ? rawPath.slice(1) : rawPath.slice(1, slash)),
      key: slash === -1 ? '' : decodeURIComponent(rawPath.slice(slash + 1)),
    };
    operation = s3Operation(req.method ?? 'GET', s3Parts.bucket, s3Parts.key, query);
  }
  requests.record(operation);
  const isHead = req.method === 'HEAD';
  const fail = (e: AwsError) => send(res, renderError(protocol, e, requestId, isHead), undefined);

  const signed: SignedRequest = { method: req.method ?? 'GET', rawPath, rawQuery, headers: req.headers, body };
  const auth = verifySigV4(signed, (id) => principalByAccessKey(id)?.secretAccessKey);
  if (!auth.ok) return fail(authError(protocol, auth.reason));
  const principal = principalByAccessKey(auth.credential.accessKeyId)!;

  const fault = faults.take(operation);
  if (fault === 'reset') {
    req.socket.destroy();
    return;
  }
  if (fault && fault !== 'truncate') return fail(faultError(protocol, fault));

  const ctx: RequestContext = {
    principal,
    region: auth.credential.region,
    requestId,
    sourceIp: req.socket.remoteAddress?.replace(/^::ffff:/, '') ?? '127.0.0.1',
    userAgent: header(req, 'user-agent') ?? '',
  };
  try {
    const out = dispatch(state, protocol, operation, ctx, req, body, s3Parts, query, requestId);
    send(res, out, fault);
  } catch (e) {
    if (e instanceof AwsError) return fail(e);
    return fail(new AwsError(500, protocol === 's3' ? 'InternalError' : 'InternalFailure', `Sandbox error: ${(e as Error).message}`));
  }
}

function dispatch(
  state: SandboxState,
  protocol: Protocol,
  operation: string,
  ctx: RequestContext,
  req: IncomingMessage,
  rawBody: Buffer,
  s3Parts: { bucket: string; key: string },
  query: URLSearchParams,
  requestId: string,
): Outgoing {
  const jsonHeaders = { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': requestId };
  switch (protocol) {
    case 'kms':
    case 'cloudtrail': {
      let input: Record<string, unknown>;
      try {
        input = rawBody.length ? (JSON.parse(rawBody.toString('utf8')) as Record<string, unknown>) : {};
      } catch {
        throw new AwsError(400, 'SerializationException', 'The request body is not valid JSON');
      }
      const out = protocol === 'kms' ? handleKms(state, operation, input, ctx) : handleCloudTrail(state, operation, input, ctx);
      return { status: 200, headers: jsonHeaders, body: Buffer.from(JSON.stringify(out)) };
    }
    case 'sts':
      return {
        status: 200,
        headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
        body: handleSts(state, operation, ctx),
      };
    case 's3': {
      let body = rawBody;
      const sha = header(req, 'x-amz-content-sha256') ?? '';
      if (sha.startsWith('STREAMING-') || (header(req, 'content-encoding') ?? '').includes('aws-chunked')) {
        body = decodeAwsChunked(rawBody).data;
      }
      const out = handleS3(state, operation, { method: req.method ?? 'GET', ...s3Parts, query, headers: req.headers, body }, ctx);
      return { ...out, headers: { ...out.headers, ...s3Ids(requestId) } };
    }
  }
}

function send(res: ServerResponse, out: Outgoing, fault: FaultKind | undefined): void {
  const headers: Record<string, string> = { date: new Date().toUTCString(), ...out.headers };
  const body = out.body;
  if (body instanceof Buffer && headers['content-length'] === undefined) headers['content-length'] = String(body.length);
  if (body === undefined && headers['content-length'] === undefined) headers['content-length'] = '0';
  res.writeHead(out.status, headers);
  const length = Number(headers['content-length'] ?? 0);
  if (fault === 'truncate') {
    // Promise the whole body, deliver half, then drop the connection.
    const cut = Math.floor(length / 2);
    const source = body instanceof Readable ? body : Readable.from(body ? [body] : []);
    const drop = () => res.socket?.destroy();
    res.flushHeaders();
    let sent = 0;
    source.on('data', (chunk: Buffer) => {
      if (sent >= cut) return;
      const piece = chunk.subarray(0, cut - sent);
      sent += piece.length;
      if (sent >= cut) {
        source.destroy();
        // Drop the connection only once the half body has left, so the client sees headers and a short body.
        res.write(piece, drop);
      } else {
        res.write(piece);
      }
    });
    source.on('end', () => res.write(Buffer.alloc(0), drop));
    return;
  }
  if (body instanceof Readable) {
    body.on('error', () => res.destroy());
    body.pipe(res);
  } else if (res.req.method === 'HEAD') {
    res.end();
  } else {
    res.end(body);
  }
}

function renderError(protocol: Protocol, e: AwsError, requestId: string, isHead: boolean): Outgoing {
  if (protocol === 's3') {
    const extra = Object.entries(e.fields)
      .map(([k, v]) => `<${k}>${v.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!)}</${k}>`)
      .join('');
    const headers = { 'content-type': 'application/xml', ...e.headers, ...s3Ids(requestId) };
    return isHead ? { status: e.status, headers } : { status: e.status, headers, body: s3ErrorXml(e.code, e.message, requestId, extra) };
  }
  if (protocol === 'sts') {
    return {
      status: e.status,
      headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId, ...e.headers },
      body: stsErrorXml(e.code, e.message, requestId, e.status >= 500 ? 'Receiver' : 'Sender'),
    };
  }
  return jsonError(e.status, e.code, e.message, requestId, e.headers);
}

function jsonError(status: number, code: string, message: string, requestId: string, headers: Record<string, string> = {}): Outgoing {
  return {
    status,
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': requestId, 'x-amzn-errortype': code, ...headers },
    body: Buffer.from(JSON.stringify({ __type: code, message })),
  };
}

function s3Ids(requestId: string): Record<string, string> {
  return { 'x-amz-request-id': requestId.replace(/-/g, '').slice(0, 16).toUpperCase(), 'x-amz-id-2': randomBytes(24).toString('base64') };
}

const SIGNATURE_MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

function authError(protocol: Protocol, reason: 'missing' | 'malformed' | 'unknownKey' | 'badSignature' | 'payloadMismatch'): AwsError {
  if (reason === 'missing') {
    if (protocol === 's3') return new AwsError(403, 'AccessDenied', 'Access Denied (the sandbox accepts only SigV4-signed requests)');
    if (protocol === 'sts') return new AwsError(403, 'MissingAuthenticationToken', 'Request is missing Authentication Token');
    return new AwsError(400, 'MissingAuthenticationTokenException', 'Missing Authentication Token');
  }
  if (reason === 'malformed') {
    if (protocol === 's3') return new AwsError(400, 'AuthorizationHeaderMalformed', 'The authorization header is malformed.');
    return new AwsError(
      400,
      protocol === 'sts' ? 'IncompleteSignature' : 'IncompleteSignatureException',
      'Authorization header requires Credential, SignedHeaders and Signature.',
    );
  }
  if (reason === 'payloadMismatch') {
    return new AwsError(400, 'XAmzContentSHA256Mismatch', "The provided 'x-amz-content-sha256' header does not match what was computed.");
  }
  if (reason === 'unknownKey') {
    if (protocol === 's3')
      return new AwsError(403, 'InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.');
    if (protocol === 'sts') return new AwsError(403, 'InvalidClientTokenId', 'The security token included in the request is invalid.');
    return new AwsError(400, 'UnrecognizedClientException', 'The security token included in the request is invalid.');
  }
  if (protocol === 's3' || protocol === 'sts') return new AwsError(403, 'SignatureDoesNotMatch', SIGNATURE_MISMATCH);
  return new AwsError(400, 'InvalidSignatureException', SIGNATURE_MISMATCH);
}

function faultError(protocol: Protocol, kind: FaultKind): AwsError {
  switch (kind) {
    case 'slowDown':
    case 'throttle':
      if (protocol === 's3' || kind === 'slowDown') return new AwsError(503, 'SlowDown', 'Please reduce your request rate.');
      if (protocol === 'sts') return new AwsError(400, 'Throttling', 'Rate exceeded');
      return new AwsError(400, 'ThrottlingException', 'Rate exceeded');
    case 'internalError':
      if (protocol === 's3') return new AwsError(500, 'InternalError', 'We encountered an internal error. Please try again.');
      if (protocol === 'kms') return new AwsError(500, 'KMSInternalException', 'An internal error occurred.');
      if (protocol === 'sts') return new AwsError(500, 'InternalFailure', 'An internal error occurred.');
      return new AwsError(500, 'InternalServerError', 'An internal error occurred.');
    case 'expiredToken':
      if (protocol === 's3') return new AwsError(400, 'ExpiredToken', 'The provided token has expired.');
      if (protocol === 'sts') return new AwsError(403, 'ExpiredToken', 'The security token included in the request is expired');
      return new AwsError(400, 'ExpiredTokenException', 'The security token included in the request is expired');
  }
  throw new Error(`fault ${kind} is not an error response`);
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v.join(',') : v;
}
