import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { ListWorkGroupsCommand } from '@aws-sdk/client-athena';
import { ListAliasesCommand } from '@aws-sdk/client-kms';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { AwsClients } from '../../src/aws/clients';
import {
  explicitEndpoint,
  ignoresConfiguredEndpoints,
  serviceEndpointVariable,
  usesCustomEndpoint,
  type EndpointInputs,
} from '../../src/core/awsConfig/serviceEndpoints';

const SETTING = 'http://127.0.0.1:4566';
const MOTO = 'http://127.0.0.1:5000';

function inputs(env: Record<string, string>, setting?: string, profileConfig: Record<string, string> = {}): EndpointInputs {
  return { env, profileConfig, ...(setting ? { setting } : {}) };
}

describe('service-specific endpoints: AWS_ENDPOINT_URL_<SERVICE> before the global endpoint', () => {
  test("the variable names are AWS's service identifiers upper-cased", () => {
    assert.equal(serviceEndpointVariable('Athena'), 'AWS_ENDPOINT_URL_ATHENA');
    assert.equal(serviceEndpointVariable('CloudTrail'), 'AWS_ENDPOINT_URL_CLOUDTRAIL');
    assert.equal(serviceEndpointVariable('Organizations'), 'AWS_ENDPOINT_URL_ORGANIZATIONS');
  });

  test("a service's own endpoint wins over the setting; the other services keep the setting", () => {
    const given = inputs({ AWS_ENDPOINT_URL_ATHENA: MOTO, AWS_ENDPOINT_URL: 'http://global' }, SETTING);
    assert.equal(explicitEndpoint('Athena', given), MOTO);
    for (const service of ['S3', 'KMS', 'CloudTrail', 'STS', 'Organizations', 'IAM'] as const)
      assert.equal(explicitEndpoint(service, given), SETTING, service);
  });

  test('no setting: the service variable is given explicitly, everything else is left to the SDK', () => {
    const given = inputs({ AWS_ENDPOINT_URL_KMS: MOTO, AWS_ENDPOINT_URL: 'http://global' });
    assert.equal(explicitEndpoint('KMS', given), MOTO);
    assert.equal(explicitEndpoint('S3', given), undefined);
    assert.equal(explicitEndpoint('S3', inputs({}, undefined, { endpoint_url: 'http://from-config' })), undefined);
  });

  test('AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true (or the profile setting): only the explicit setting counts', () => {
    const env = { AWS_ENDPOINT_URL_ATHENA: MOTO, AWS_ENDPOINT_URL: 'http://global', AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'TRUE' };
    assert.equal(ignoresConfiguredEndpoints(inputs(env)), true);
    assert.equal(explicitEndpoint('Athena', inputs(env, SETTING)), SETTING);
    assert.equal(explicitEndpoint('Athena', inputs(env)), undefined);
    assert.equal(usesCustomEndpoint('S3', inputs(env)), false);
    const fromProfile = inputs({ AWS_ENDPOINT_URL_ATHENA: MOTO }, undefined, { ignore_configured_endpoint_urls: 'true' });
    assert.equal(explicitEndpoint('Athena', fromProfile), undefined);
    // The variable outranks the profile, as in the SDK: false in the environment re-enables them.
    const reenabled = inputs({ AWS_ENDPOINT_URL_ATHENA: MOTO, AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'false' }, undefined, {
      ignore_configured_endpoint_urls: 'true',
    });
    assert.equal(explicitEndpoint('Athena', reenabled), MOTO);
  });

  test("path-style S3 only when S3's own requests go to a custom endpoint", () => {
    assert.equal(usesCustomEndpoint('S3', inputs({ AWS_ENDPOINT_URL_ATHENA: MOTO })), false);
    assert.equal(usesCustomEndpoint('S3', inputs({ AWS_ENDPOINT_URL_S3: MOTO })), true);
    assert.equal(usesCustomEndpoint('S3', inputs({ AWS_ENDPOINT_URL: MOTO })), true);
    assert.equal(usesCustomEndpoint('S3', inputs({}, undefined, { endpoint_url: MOTO })), true);
    assert.equal(usesCustomEndpoint('S3', inputs({}, SETTING)), true);
    assert.equal(usesCustomEndpoint('S3', inputs({})), false);
  });
});

describe('AwsClients sends each service to its endpoint (two loopback servers, the real SDK clients)', () => {
  const seen: Record<'setting' | 'athena', string[]> = { setting: [], athena: [] };
  const servers: Server[] = [];
  const urls: string[] = [];
  const saved = { ...process.env };

  async function listen(into: string[]): Promise<string> {
    const server = createServer((request, response) => {
      into.push(`${request.headers['x-amz-target'] ?? request.method} ${request.url}`);
      request.resume();
      const json = String(request.headers['content-type'] ?? '').includes('json');
      response.writeHead(403, { 'content-type': json ? 'application/x-amz-json-1.1' : 'application/xml' });
      response.end(
        json
          ? '{"__type":"AccessDeniedException","message":"loopback"}'
          : '<Error><Code>AccessDenied</Code><Message>loopback</Message></Error>',
      );
    });
    servers.push(server);
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
    const address = server.address();
    return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  }

  before(async () => {
    urls.push(await listen(seen.setting), await listen(seen.athena));
  });
  after(async () => {
    process.env = saved;
    for (const server of servers) await new Promise((done) => server.close(done));
  });

  test('AWS_ENDPOINT_URL_ATHENA → Athena there; KMS and S3 (path-style) at the setting', async () => {
    process.env = {
      AWS_ACCESS_KEY_ID: 'AKIDLOOPBACK',
      AWS_SECRET_ACCESS_KEY: 'secret',
      AWS_ENDPOINT_URL_ATHENA: urls[1],
      AWS_CONFIG_FILE: '/nonexistent/config',
      AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials',
      AWS_EC2_METADATA_DISABLED: 'true',
    };
    const clients = new AwsClients({ endpointUrl: urls[0], regions: ['eu-west-1'], timeouts: { operationMs: 10_000 } });
    try {
      await assert.rejects(clients.athena('eu-west-1').send(new ListWorkGroupsCommand({})));
      await assert.rejects(clients.kms('eu-west-1').send(new ListAliasesCommand({})));
      await assert.rejects(clients.s3('eu-west-1').send(new GetObjectCommand({ Bucket: 'logs-bucket', Key: 'a/b.json.gz' })));
    } finally {
      clients.dispose();
    }
    assert.deepEqual(
      seen.athena.map((line) => line.split(' ')[0]),
      ['AmazonAthena.ListWorkGroups'],
    );
    assert.ok(seen.setting.includes('TrentService.ListAliases /'), seen.setting.join('\n'));
    assert.ok(
      seen.setting.some((line) => line.startsWith('GET /logs-bucket/a/b.json.gz')),
      seen.setting.join('\n'),
    );
  });
});
