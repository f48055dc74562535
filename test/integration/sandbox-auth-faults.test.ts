import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DescribeTrailsCommand } from '@aws-sdk/client-cloudtrail';
import { DescribeKeyCommand, ListAliasesCommand } from '@aws-sdk/client-kms';
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { startSandbox, type Sandbox } from '../sandbox/index';
import { sandboxClients } from './helpers/sandboxClients';

interface AwsLikeError {
  name: string;
  message: string;
  code?: string;
  $metadata?: { httpStatusCode?: number; attempts?: number };
}

const failsWith = (p: Promise<unknown>, name: string, status?: number) =>
  assert.rejects(p, (e: AwsLikeError) => {
    assert.equal(e.name, name, e.message);
    if (status !== undefined) assert.equal(e.$metadata?.httpStatusCode, status);
    return true;
  });

describe('sandbox authentication and fault injection', () => {
  let sandbox: Sandbox;

  before(async () => {
    sandbox = await startSandbox();
  });
  after(() => sandbox.stop());

  it('an unknown access key fails the way each service reports it', async () => {
    const c = sandboxClients(sandbox, { credentials: { accessKeyId: 'AKIAUNKNOWNKEY000000', secretAccessKey: 'x' }, maxAttempts: 1 });
    await failsWith(c.s3.send(new ListObjectsV2Command({ Bucket: sandbox.world.buckets.logs.name })), 'InvalidAccessKeyId', 403);
    await failsWith(c.sts.send(new GetCallerIdentityCommand({})), 'InvalidClientTokenId', 403);
    await failsWith(c.kms.send(new ListAliasesCommand({})), 'UnrecognizedClientException', 400);
    await failsWith(c.cloudtrail.send(new DescribeTrailsCommand({})), 'UnrecognizedClientException', 400);
  });

  it('a wrong secret (bad signature) fails with SignatureDoesNotMatch / InvalidSignatureException', async () => {
    const admin = sandbox.principals.admin;
    const c = sandboxClients(sandbox, {
      credentials: { accessKeyId: admin.accessKeyId, secretAccessKey: `${admin.secretAccessKey}x` },
      maxAttempts: 1,
    });
    await failsWith(c.s3.send(new ListObjectsV2Command({ Bucket: sandbox.world.buckets.logs.name })), 'SignatureDoesNotMatch', 403);
    await failsWith(c.sts.send(new GetCallerIdentityCommand({})), 'SignatureDoesNotMatch', 403);
    await failsWith(c.kms.send(new ListAliasesCommand({})), 'InvalidSignatureException', 400);
    await failsWith(c.cloudtrail.send(new DescribeTrailsCommand({})), 'InvalidSignatureException', 400);
  });

  it('the caller identity and region come from the signature', async () => {
    const who = await sandboxClients(sandbox, { principal: sandbox.principals.auditor, region: 'eu-central-1' }).sts.send(
      new GetCallerIdentityCommand({}),
    );
    assert.equal(who.Arn, sandbox.principals.auditor.arn);
    assert.equal(who.Account, '111122223333');
  });

  describe('faults (maxAttempts: 1 shows each one)', () => {
    const one = () => sandboxClients(sandbox, { maxAttempts: 1 });

    it('throttle: KMS/CloudTrail ThrottlingException 400, S3 503 SlowDown', async () => {
      sandbox.faults.add({ operation: 'DescribeKey', kind: 'throttle', times: 1 });
      sandbox.faults.add({ operation: 'DescribeTrails', kind: 'throttle', times: 1 });
      sandbox.faults.add({ operation: 'GetObject', kind: 'throttle', times: 1 });
      await failsWith(one().kms.send(new DescribeKeyCommand({ KeyId: 'alias/cloudtrail-logs' })), 'ThrottlingException', 400);
      await failsWith(one().cloudtrail.send(new DescribeTrailsCommand({})), 'ThrottlingException', 400);
      await failsWith(
        one().s3.send(new GetObjectCommand({ Bucket: sandbox.world.buckets.logs.name, Key: sandbox.world.tamperedLogKey })),
        'SlowDown',
        503,
      );
      assert.deepEqual(sandbox.faults.list(), []);
    });

    it('internalError: 500 per protocol', async () => {
      sandbox.faults.add({ operation: 'ListObjectsV2', kind: 'internalError', times: 1 });
      sandbox.faults.add({ operation: 'ListAliases', kind: 'internalError', times: 1 });
      await failsWith(one().s3.send(new ListObjectsV2Command({ Bucket: sandbox.world.buckets.logs.name })), 'InternalError', 500);
      await failsWith(one().kms.send(new ListAliasesCommand({})), 'KMSInternalException', 500);
    });

    it('expiredToken: S3 ExpiredToken, KMS ExpiredTokenException, STS ExpiredToken', async () => {
      sandbox.faults.add({ operation: '*', kind: 'expiredToken', times: 3 });
      await failsWith(one().s3.send(new ListObjectsV2Command({ Bucket: sandbox.world.buckets.logs.name })), 'ExpiredToken', 400);
      await failsWith(one().kms.send(new ListAliasesCommand({})), 'ExpiredTokenException', 400);
      await failsWith(one().sts.send(new GetCallerIdentityCommand({})), 'ExpiredToken', 403);
    });

    it('reset: the connection drops before any response', async () => {
      sandbox.faults.add({ operation: 'ListObjectsV2', kind: 'reset', times: 1 });
      await assert.rejects(one().s3.send(new ListObjectsV2Command({ Bucket: sandbox.world.buckets.logs.name })), (e: AwsLikeError) => {
        assert.match(`${e.code ?? ''} ${e.message}`, /ECONNRESET|socket hang up/);
        return true;
      });
    });

    it('truncate: full Content-Length promised, half the body sent, connection closed', async () => {
      const key = sandbox.world.logKeys['us-west-2']['2026-11-24'][0];
      sandbox.faults.add({ operation: 'GetObject', kind: 'truncate', times: 1 });
      const out = await one().s3.send(new GetObjectCommand({ Bucket: sandbox.world.buckets.logs.name, Key: key }));
      assert.ok(Number(out.ContentLength) > 0);
      await assert.rejects(out.Body!.transformToByteArray());
      sandbox.faults.add({ operation: 'DescribeTrails', kind: 'truncate', times: 1 });
      await assert.rejects(one().cloudtrail.send(new DescribeTrailsCommand({})));
    });

    it('with default retries a throttle is retried and succeeds; the request counter sees every attempt', async () => {
      sandbox.requests.reset();
      sandbox.faults.add({ operation: 'DescribeKey', kind: 'throttle', times: 1 });
      const out = await sandboxClients(sandbox).kms.send(new DescribeKeyCommand({ KeyId: 'alias/cloudtrail-logs' }));
      assert.equal(out.$metadata.attempts, 2);
      assert.equal(sandbox.requests.count('DescribeKey'), 2);
      assert.equal(sandbox.requests.count(), 2);
      sandbox.faults.add({ operation: 'GetObject', kind: 'slowDown', times: 1 });
      const got = await sandboxClients(sandbox).s3.send(
        new GetObjectCommand({ Bucket: sandbox.world.buckets.logs.name, Key: sandbox.world.tamperedLogKey }),
      );
      assert.equal(got.$metadata.attempts, 2);
      await got.Body!.transformToByteArray();
    });

    it('clear() removes every rule; bad rules are refused with a clear message', () => {
      sandbox.faults.add({ operation: 'GetObject', kind: 'reset' });
      sandbox.faults.clear();
      assert.deepEqual(sandbox.faults.list(), []);
      assert.throws(
        () => sandbox.faults.add({ operation: 'GetObject', kind: 'explode' as 'reset' }),
        /Invalid fault rule .*expected \{ operation: string, kind: throttle\|/,
      );
    });
  });

  it('faults from CLOUDTRAIL_SANDBOX_FAULTS apply from the start; malformed values are rejected', async () => {
    const saved = process.env.CLOUDTRAIL_SANDBOX_FAULTS;
    try {
      process.env.CLOUDTRAIL_SANDBOX_FAULTS = JSON.stringify([{ operation: 'GetCallerIdentity', kind: 'internalError', times: 1 }]);
      const other = await startSandbox({ world: false });
      try {
        await failsWith(sandboxClients(other, { maxAttempts: 1 }).sts.send(new GetCallerIdentityCommand({})), 'InternalFailure', 500);
        await sandboxClients(other, { maxAttempts: 1 }).sts.send(new GetCallerIdentityCommand({}));
      } finally {
        await other.stop();
      }
      process.env.CLOUDTRAIL_SANDBOX_FAULTS = '{not json';
      await assert.rejects(startSandbox({ world: false }), /CLOUDTRAIL_SANDBOX_FAULTS is not JSON/);
    } finally {
      if (saved === undefined) delete process.env.CLOUDTRAIL_SANDBOX_FAULTS;
      else process.env.CLOUDTRAIL_SANDBOX_FAULTS = saved;
    }
  });
});

describe('sandbox SigV4 forms beyond the SDK defaults', () => {
  let sandbox: Sandbox;
  before(async () => {
    sandbox = await startSandbox();
  });
  after(() => sandbox.stop());

  const signer = (secret?: string) =>
    new SignatureV4({
      credentials: {
        accessKeyId: sandbox.principals.admin.accessKeyId,
        secretAccessKey: secret ?? sandbox.principals.admin.secretAccessKey,
      },
      region: 'us-west-2',
      service: 's3',
      sha256: Hash.bind(null, 'sha256'),
      uriEscapePath: false,
    });
  const objectRequest = (key: string, headers: Record<string, string> = {}) => {
    const url = new URL(sandbox.endpoint);
    return new HttpRequest({
      method: 'GET',
      protocol: 'http:',
      hostname: url.hostname,
      port: Number(url.port),
      path: `/${sandbox.world.buckets.logs.name}/${key}`,
      headers: { host: url.host, ...headers },
    });
  };
  const fetchSigned = async (req: { path: string; query?: Record<string, unknown>; headers: Record<string, string> }) => {
    const query = new URLSearchParams((req.query ?? {}) as Record<string, string>).toString();
    const res = await fetch(`${sandbox.endpoint}${req.path}${query ? `?${query}` : ''}`, { headers: req.headers });
    return { status: res.status, body: Buffer.from(await res.arrayBuffer()) };
  };

  it('accepts a presigned GetObject URL and refuses one signed with a wrong secret', async () => {
    const key = sandbox.world.dataEventLogKeys[0];
    // As @aws-sdk/s3-request-presigner does: the payload is UNSIGNED-PAYLOAD.
    const bucketSwap = (r: HttpRequest) =>
      Object.assign(r, {
        path: `/${sandbox.world.buckets.dataEvents.name}/${key}`,
        headers: { ...r.headers, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' },
      });
    const good = await fetchSigned(await signer().presign(bucketSwap(objectRequest(key)), { expiresIn: 300 }));
    assert.equal(good.status, 200);
    assert.deepEqual([...good.body.subarray(0, 2)], [0x1f, 0x8b]);
    const bad = await fetchSigned(await signer('wrong').presign(bucketSwap(objectRequest(key)), { expiresIn: 300 }));
    assert.equal(bad.status, 403);
    assert.match(bad.body.toString(), /<Code>SignatureDoesNotMatch<\/Code>/);
  });

  it('accepts x-amz-content-sha256: UNSIGNED-PAYLOAD', async () => {
    const key = sandbox.world.logKeys['eu-central-1']['2026-11-24'][0];
    const signed = await signer().sign(objectRequest(key, { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' }));
    const res = await fetchSigned(signed);
    assert.equal(res.status, 200);
    assert.deepEqual([...res.body.subarray(0, 2)], [0x1f, 0x8b]);
  });
});
