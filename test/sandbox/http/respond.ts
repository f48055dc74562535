/** Writing responses: bodies (whole, truncated or trickled) and errors in each protocol's own shape. */
import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { AwsError } from '../errors';
import { s3ErrorXml } from '../s3/xml';
import { queryErrorXml } from '../sts/service';
import type { FaultKind, FaultRule } from '../types';

export type Protocol = 's3' | 'kms' | 'cloudtrail' | 'sts' | 'iam' | 'organizations';

export interface Outgoing {
  status: number;
  headers: Record<string, string>;
  body?: Buffer | Readable;
  /** A fault the operation itself asks for on its response (a KMS call S3 made internally hit a truncate/trickle rule). */
  fault?: FaultRule;
}

export function send(res: ServerResponse, out: Outgoing, fault: FaultRule | undefined): void {
  const headers: Record<string, string> = { date: new Date().toUTCString(), ...out.headers };
  const body = out.body;
  if (body instanceof Buffer && headers['content-length'] === undefined) headers['content-length'] = String(body.length);
  if (body === undefined && headers['content-length'] === undefined) headers['content-length'] = '0';
  res.writeHead(out.status, headers);
  const length = Number(headers['content-length'] ?? 0);
  if (fault?.kind === 'truncate') return truncate(res, body, length);
  if (fault?.kind === 'trickle') {
    void trickle(res, body, fault.bytesPerChunk ?? 64, fault.intervalMs ?? 250);
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

/** Promise the whole body, deliver half, then drop the connection. */
function truncate(res: ServerResponse, body: Buffer | Readable | undefined, length: number): void {
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
}

/** Headers now, then the body a few bytes at a time; stops when the client goes away. */
async function trickle(res: ServerResponse, body: Buffer | Readable | undefined, bytes: number, intervalMs: number): Promise<void> {
  res.flushHeaders();
  const source = body instanceof Readable ? body : Readable.from(body ? [body] : []);
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      for (let i = 0; i < chunk.length; i += bytes) {
        await new Promise((resolve) => setTimeout(resolve, intervalMs).unref());
        if (res.destroyed) return;
        res.write(chunk.subarray(i, i + bytes));
      }
    }
    res.end();
  } catch {
    res.destroy();
  } finally {
    source.destroy();
  }
}

export function renderError(protocol: Protocol, e: AwsError, requestId: string, isHead: boolean): Outgoing {
  if (protocol === 's3') {
    const extra = Object.entries(e.fields)
      .map(([k, v]) => `<${k}>${v.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!)}</${k}>`)
      .join('');
    const headers = { 'content-type': 'application/xml', ...e.headers, ...s3Ids(requestId) };
    return isHead ? { status: e.status, headers } : { status: e.status, headers, body: s3ErrorXml(e.code, e.message, requestId, extra) };
  }
  if (protocol === 'sts' || protocol === 'iam') {
    return {
      status: e.status,
      headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId, ...e.headers },
      body: queryErrorXml(protocol, e.code, e.message, requestId, e.status >= 500 ? 'Receiver' : 'Sender'),
    };
  }
  return jsonError(e.status, e.code, e.message, requestId, e.headers);
}

export function jsonError(
  status: number,
  code: string,
  message: string,
  requestId: string,
  headers: Record<string, string> = {},
): Outgoing {
  return {
    status,
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': requestId, 'x-amzn-errortype': code, ...headers },
    body: Buffer.from(JSON.stringify({ __type: code, message })),
  };
}

export function s3Ids(requestId: string): Record<string, string> {
  return { 'x-amz-request-id': requestId.replace(/-/g, '').slice(0, 16).toUpperCase(), 'x-amz-id-2': randomBytes(24).toString('base64') };
}

const SIGNATURE_MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

export function authError(
  protocol: Protocol,
  reason: 'missing' | 'malformed' | 'unknownKey' | 'badSignature' | 'payloadMismatch',
): AwsError {
  const query = protocol === 'sts' || protocol === 'iam';
  if (reason === 'missing') {
    if (protocol === 's3') return new AwsError(403, 'AccessDenied', 'Access Denied (the sandbox accepts only SigV4-signed requests)');
    if (query) return new AwsError(403, 'MissingAuthenticationToken', 'Request is missing Authentication Token');
    return new AwsError(400, 'MissingAuthenticationTokenException', 'Missing Authentication Token');
  }
  if (reason === 'malformed') {
    if (protocol === 's3') return new AwsError(400, 'AuthorizationHeaderMalformed', 'The authorization header is malformed.');
    return new AwsError(
      400,
      query ? 'IncompleteSignature' : 'IncompleteSignatureException',
      'Authorization header requires Credential, SignedHeaders and Signature.',
    );
  }
  if (reason === 'payloadMismatch') {
    return new AwsError(400, 'XAmzContentSHA256Mismatch', "The provided 'x-amz-content-sha256' header does not match what was computed.");
  }
  if (reason === 'unknownKey') {
    if (protocol === 's3')
      return new AwsError(403, 'InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.');
    if (query) return new AwsError(403, 'InvalidClientTokenId', 'The security token included in the request is invalid.');
    return new AwsError(400, 'UnrecognizedClientException', 'The security token included in the request is invalid.');
  }
  if (protocol === 's3' || query) return new AwsError(403, 'SignatureDoesNotMatch', SIGNATURE_MISMATCH);
  return new AwsError(400, 'InvalidSignatureException', SIGNATURE_MISMATCH);
}

/** The error response an error-kind fault stands for, in the protocol's shape. */
export function faultError(protocol: Protocol, kind: FaultKind): AwsError {
  const query = protocol === 'sts' || protocol === 'iam';
  switch (kind) {
    case 'slowDown':
    case 'throttle':
      if (protocol === 's3' || kind === 'slowDown') return new AwsError(503, 'SlowDown', 'Please reduce your request rate.');
      if (query) return new AwsError(400, 'Throttling', 'Rate exceeded');
      if (protocol === 'organizations') return new AwsError(400, 'TooManyRequestsException', 'Rate exceeded');
      return new AwsError(400, 'ThrottlingException', 'Rate exceeded');
    case 'internalError':
      if (protocol === 's3') return new AwsError(500, 'InternalError', 'We encountered an internal error. Please try again.');
      if (protocol === 'kms') return new AwsError(500, 'KMSInternalException', 'An internal error occurred.');
      if (query) return new AwsError(500, 'InternalFailure', 'An internal error occurred.');
      if (protocol === 'organizations') return new AwsError(500, 'ServiceException', 'An internal error occurred.');
      return new AwsError(500, 'InternalServerError', 'An internal error occurred.');
    case 'expiredToken':
      if (protocol === 's3') return new AwsError(400, 'ExpiredToken', 'The provided token has expired.');
      if (query) return new AwsError(403, 'ExpiredToken', 'The security token included in the request is expired');
      return new AwsError(400, 'ExpiredTokenException', 'The security token included in the request is expired');
  }
  throw new Error(`fault ${kind} is not an error response`);
}

/** Thrown from inside an operation (a KMS call S3 makes) to act on the connection: drop it, or never answer. */
export class ConnectionFault extends Error {
  constructor(readonly kind: 'reset' | 'silent') {
    super(`fault: ${kind}`);
  }
}
