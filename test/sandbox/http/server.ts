import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { AwsError } from '../errors';
import { principalByAccessKey } from '../principals';
import type { RequestContext, SandboxState } from '../state';
import { handleKms } from '../kms/service';
import { handleCloudTrail } from '../cloudtrail/service';
import { handleIam } from '../iam/service';
import { handleOrganizations } from '../organizations/service';
import { handleS3, s3Operation } from '../s3/service';
import { handleSts } from '../sts/service';
import { decodeAwsChunked } from './awsChunked';
import { CONTROL_PREFIX, handleControl } from './control';
import type { Faults } from './faults';
import type { Requests } from './requests';
import { authError, ConnectionFault, faultError, jsonError, renderError, s3Ids, send, type Outgoing, type Protocol } from './respond';
import { readCredential, verifySigV4, type SignedRequest } from './sigv4';

const KMS_PREFIX = 'TrentService.';
const ORGANIZATIONS_PREFIX = 'AWSOrganizationsV20161128.';
// The JS SDK v3 sends `CloudTrail_20131101.<Op>`; the service model's full prefix is accepted too.
const CLOUDTRAIL_PREFIXES = ['com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.', 'CloudTrail_20131101.'];

export interface RunningServer {
  port: number;
  close(): Promise<void>;
}

/** One loopback HTTP server that speaks S3 (REST-XML), KMS + CloudTrail + Organizations (awsJson1_1) and STS + IAM (query). */
export async function startServer(
  state: SandboxState,
  faults: Faults,
  requests: Requests,
  port: number,
  controlToken: string,
): Promise<RunningServer> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      try {
        const control = `${CONTROL_PREFIX}${controlToken}/`;
        if ((req.url ?? '').startsWith(control)) {
          const url = new URL(req.url!, 'http://127.0.0.1');
          const answer = handleControl(
            faults,
            requests,
            req.method ?? 'GET',
            url.pathname.slice(control.length),
            url.searchParams,
            Buffer.concat(chunks),
            state,
          );
          res.writeHead(answer.status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(answer.body));
          return;
        }
        const incoming = route(req, Buffer.concat(chunks));
        requests.record(incoming.operation);
        // A paused endpoint accepts and reads the request, then holds it without an answer until resume().
        const run = () => {
          if (res.destroyed || req.socket.destroyed) return;
          try {
            serve(state, faults, incoming, req, res);
          } catch (e) {
            res.destroy(e as Error);
          }
        };
        const runOrHold = () => {
          if (!faults.holdIfPaused(incoming.operation, run)) run();
        };
        if (faults.latencyMs > 0) setTimeout(runOrHold, faults.latencyMs);
        else runOrHold();
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
        faults.dropHeld();
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      }),
  };
}

interface Incoming {
  protocol: Protocol;
  operation: string;
  signed: SignedRequest;
  query: URLSearchParams;
  s3Parts: { bucket: string; key: string };
  requestId: string;
}

/** Which service and operation a request is for (before authentication: counting, pausing and faults key on it). */
function route(req: IncomingMessage, body: Buffer): Incoming {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const rawPath = q === -1 ? url : url.slice(0, q);
  const rawQuery = q === -1 ? '' : url.slice(q + 1);
  const query = new URLSearchParams(rawQuery);
  const target = header(req, 'x-amz-target');
  const signed: SignedRequest = { method: req.method ?? 'GET', rawPath, rawQuery, headers: req.headers, body };
  const base = { signed, query, s3Parts: { bucket: '', key: '' }, requestId: randomUUID() };
  if (target?.startsWith(KMS_PREFIX)) return { ...base, protocol: 'kms', operation: target.slice(KMS_PREFIX.length) };
  if (target?.startsWith(ORGANIZATIONS_PREFIX)) {
    return { ...base, protocol: 'organizations', operation: target.slice(ORGANIZATIONS_PREFIX.length) };
  }
  if (target && CLOUDTRAIL_PREFIXES.some((p) => target.startsWith(p))) {
    return { ...base, protocol: 'cloudtrail', operation: target.slice(target.lastIndexOf('.') + 1) };
  }
  if (target) return { ...base, protocol: 'kms', operation: `UnknownTarget:${target}` };
  if (req.method === 'POST' && rawPath === '/' && (header(req, 'content-type') ?? '').startsWith('application/x-www-form-urlencoded')) {
    const operation = new URLSearchParams(body.toString('utf8')).get('Action') ?? 'Unknown';
    return { ...base, protocol: readCredential(signed)?.service === 'iam' ? 'iam' : 'sts', operation };
  }
  const slash = rawPath.indexOf('/', 1);
  const s3Parts = {
    bucket: decodeURIComponent(slash === -1 ? rawPath.slice(1) : rawPath.slice(1, slash)),
    key: slash === -1 ? '' : decodeURIComponent(rawPath.slice(slash + 1)),
  };
  return { ...base, s3Parts, protocol: 's3', operation: s3Operation(req.method ?? 'GET', s3Parts.bucket, s3Parts.key, query) };
}

function serve(state: SandboxState, faults: Faults, incoming: Incoming, req: IncomingMessage, res: ServerResponse): void {
  const { protocol, operation, requestId } = incoming;
  const isHead = req.method === 'HEAD';
  const fail = (e: AwsError) => send(res, renderError(protocol, e, requestId, isHead), undefined);
  if (operation.startsWith('UnknownTarget:')) {
    return send(res, jsonError(400, 'UnknownOperationException', `Unknown target ${operation.slice(14)}`, requestId), undefined);
  }
  const auth = verifySigV4(incoming.signed, (id) => principalByAccessKey(id)?.secretAccessKey);
  if (!auth.ok) return fail(authError(protocol, auth.reason));
  const principal = principalByAccessKey(auth.credential.accessKeyId)!;

  const fault = faults.take(operation);
  if (fault?.kind === 'reset') return void req.socket.destroy();
  if (fault?.kind === 'silent') return;
  if (fault && fault.kind !== 'truncate' && fault.kind !== 'trickle') return fail(faultError(protocol, fault.kind));

  const ctx: RequestContext = {
    principal,
    region: auth.credential.region,
    requestId,
    sourceIp: req.socket.remoteAddress?.replace(/^::ffff:/, '') ?? '127.0.0.1',
    userAgent: header(req, 'user-agent') ?? '',
  };
  try {
    const out = dispatch(state, incoming, ctx, req);
    send(res, out, fault ?? out.fault);
  } catch (e) {
    if (e instanceof ConnectionFault) {
      if (e.kind === 'reset') req.socket.destroy();
      return;
    }
    if (e instanceof AwsError) return fail(e);
    return fail(new AwsError(500, protocol === 's3' ? 'InternalError' : 'InternalFailure', `Sandbox error: ${(e as Error).message}`));
  }
}

function dispatch(state: SandboxState, incoming: Incoming, ctx: RequestContext, req: IncomingMessage): Outgoing {
  const { protocol, operation, requestId, signed } = incoming;
  const jsonHeaders = { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': requestId };
  const xmlHeaders = { 'content-type': 'text/xml', 'x-amzn-requestid': requestId };
  switch (protocol) {
    case 'kms':
    case 'cloudtrail':
    case 'organizations': {
      let input: Record<string, unknown>;
      try {
        input = signed.body.length ? (JSON.parse(signed.body.toString('utf8')) as Record<string, unknown>) : {};
      } catch {
        throw new AwsError(400, 'SerializationException', 'The request body is not valid JSON');
      }
      const handle = protocol === 'kms' ? handleKms : protocol === 'cloudtrail' ? handleCloudTrail : handleOrganizations;
      return { status: 200, headers: jsonHeaders, body: Buffer.from(JSON.stringify(handle(state, operation, input, ctx))) };
    }
    case 'sts':
      return { status: 200, headers: xmlHeaders, body: handleSts(operation, ctx) };
    case 'iam':
      return {
        status: 200,
        headers: xmlHeaders,
        body: handleIam(state, operation, new URLSearchParams(signed.body.toString('utf8')), ctx),
      };
    case 's3': {
      let body = signed.body;
      const sha = header(req, 'x-amz-content-sha256') ?? '';
      if (sha.startsWith('STREAMING-') || (header(req, 'content-encoding') ?? '').includes('aws-chunked')) {
        body = decodeAwsChunked(body).data;
      }
      const out = handleS3(
        state,
        operation,
        { method: req.method ?? 'GET', ...incoming.s3Parts, query: incoming.query, headers: req.headers, body },
        ctx,
      );
      return { ...out, headers: { ...out.headers, ...s3Ids(requestId) } };
    }
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v.join(',') : v;
}
