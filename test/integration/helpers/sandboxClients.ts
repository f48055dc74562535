import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { KMSClient } from '@aws-sdk/client-kms';
import { S3Client } from '@aws-sdk/client-s3';
import { STSClient } from '@aws-sdk/client-sts';
import type { Principal, Sandbox } from '../../sandbox/index';

export interface ClientOptions {
  principal?: Principal;
  region?: string;
  maxAttempts?: number;
  /** Override credentials (e.g. an unknown key or a wrong secret). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

function config(sandbox: Sandbox, o: ClientOptions) {
  const p = o.principal ?? sandbox.principals.admin;
  return {
    endpoint: sandbox.endpoint,
    region: o.region ?? sandbox.region,
    credentials: o.credentials ?? { accessKeyId: p.accessKeyId, secretAccessKey: p.secretAccessKey },
    ...(o.maxAttempts ? { maxAttempts: o.maxAttempts } : {}),
  };
}

/** Real SDK v3 clients aimed at the sandbox (S3 path-style, as for any custom endpoint). */
export function sandboxClients(sandbox: Sandbox, o: ClientOptions = {}) {
  const c = config(sandbox, o);
  return {
    s3: new S3Client({ ...c, forcePathStyle: true }),
    kms: new KMSClient(c),
    cloudtrail: new CloudTrailClient(c),
    sts: new STSClient(c),
  };
}
