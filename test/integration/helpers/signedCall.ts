/**
 * A SigV4-signed call to the sandbox for services whose SDK v3 client is not installed here (Organizations: awsJson1_1;
 * IAM: query), signed by @smithy/signature-v4 as the SDK would. Returns the status and the parsed body.
 */
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import type { Principal, Sandbox } from '../../sandbox/index';

export interface SignedAnswer {
  status: number;
  /** JSON body (awsJson) or the raw text (query). */
  json?: Record<string, unknown>;
  text: string;
  /** awsJson `__type`, or the query `<Code>`. */
  errorCode?: string;
}

async function signedFetch(
  sandbox: Sandbox,
  principal: Principal,
  service: string,
  region: string,
  headers: Record<string, string>,
  body: string,
) {
  const url = new URL(sandbox.endpoint);
  const signer = new SignatureV4({
    service,
    region,
    sha256: Hash.bind(null, 'sha256'),
    credentials: { accessKeyId: principal.accessKeyId, secretAccessKey: principal.secretAccessKey },
  });
  const request = new HttpRequest({
    method: 'POST',
    protocol: 'http:',
    hostname: url.hostname,
    port: Number(url.port),
    path: '/',
    headers: { host: url.host, ...headers },
    body,
  });
  const signed = await signer.sign(request);
  const res = await fetch(sandbox.endpoint, { method: 'POST', headers: signed.headers, body });
  return { status: res.status, text: await res.text() };
}

/** Organizations (`AWSOrganizationsV20161128.<operation>`). */
export async function organizations(sandbox: Sandbox, principal: Principal, operation: string, input: object = {}): Promise<SignedAnswer> {
  const res = await signedFetch(
    sandbox,
    principal,
    'organizations',
    'us-east-1',
    { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSOrganizationsV20161128.${operation}` },
    JSON.stringify(input),
  );
  const json = JSON.parse(res.text) as Record<string, unknown>;
  return { ...res, json, errorCode: typeof json.__type === 'string' ? json.__type : undefined };
}

/** IAM query call (`Action=<operation>&Version=2010-05-08&…`). */
export async function iam(
  sandbox: Sandbox,
  principal: Principal,
  operation: string,
  params: Record<string, string>,
): Promise<SignedAnswer> {
  const body = new URLSearchParams({ Action: operation, Version: '2010-05-08', ...params }).toString();
  const res = await signedFetch(
    sandbox,
    principal,
    'iam',
    'us-east-1',
    { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body,
  );
  return { ...res, errorCode: /<Code>([^<]+)<\/Code>/.exec(res.text)?.[1] };
}
