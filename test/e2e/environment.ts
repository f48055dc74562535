// The world the e2e tests run in. The runner (test/e2e/run.ts) calls e2eEnvironment() once, before code-server
// starts, and stop() once at the end (also after failures and on SIGINT/SIGTERM).
//
// Contract:
//   env           variables given to code-server; they reach every extension host (and so the extension and the tests).
//                 AWS_* variables of the runner's own environment are NOT inherited; put what the tests need here.
//   userSettings  VS Code user settings, e.g. { 'cloudtrailKms.endpointUrl': 'http://127.0.0.1:<sandbox port>' }.
//   stop()        ends whatever e2eEnvironment() started.
//
// It starts the sandbox (test/sandbox) with its seeded world on a free loopback port. The runner puts its counting
// proxy in front of userSettings['cloudtrailKms.endpointUrl'] (the sandbox), so "no AWS call on activation" is still
// counted there. Credentials: the sandbox's admin as environment keys (the default chain), and both principals as
// profiles `sandbox-admin` / `sandbox-auditor` in throw-away shared files, so tests can open a log as the auditor.
// The organization's principals are profiles too: `sandbox-org-admin` (management account), `sandbox-member-auditor`
// (a member account) and `sandbox-log-archive` (the log-archive reader, no CloudTrail).
// The seeded world's names reach the tests as JSON in CLOUDTRAIL_KMS_E2E_WORLD (see worldFacts.ts); the sandbox's
// control URL (pause/resume, faults: a hung endpoint for timeout tests) in CLOUDTRAIL_KMS_E2E_SANDBOX_CONTROL.
// Athena, which the sandbox lacks, is a moto server (test/moto/server.ts): AWS_ENDPOINT_URL_ATHENA sends only Athena
// there (a service's own endpoint wins over the endpoint setting, src/core/awsConfig/serviceEndpoints.ts); S3, KMS and
// CloudTrail stay on the sandbox. Tests queue the rows a query returns through moto's API (motoFacts.ts).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMoto } from '../moto/server';
import { MOTO_DEFAULT_ACCOUNT } from '../moto/athenaRows';
import { startSandbox, type Sandbox } from '../sandbox';
import type { MotoFacts } from './motoFacts';
import type { WorldFacts } from './worldFacts';

export interface E2eEnvironment {
  env: Record<string, string>;
  userSettings: Record<string, unknown>;
  stop(): Promise<void>;
}

export interface SandboxFiles {
  dir: string;
  configFile: string;
  credentialsFile: string;
}

/** The organization's principals as profiles: name → principal (`npm run demo` prints them too). */
export const ORGANIZATION_PROFILES = {
  'sandbox-org-admin': 'orgAdmin',
  'sandbox-member-auditor': 'memberAuditor',
  'sandbox-log-archive': 'logArchiveReader',
} as const;

/** Shared AWS files naming the sandbox's principals (also used by `npm run demo`). */
export function writeSandboxProfiles(sandbox: Sandbox, dir = mkdtempSync(join(tmpdir(), 'cloudtrail-kms-aws-'))): SandboxFiles {
  const configFile = join(dir, 'config');
  const credentialsFile = join(dir, 'credentials');
  const { admin, auditor } = sandbox.principals;
  const organization = Object.entries(ORGANIZATION_PROFILES).map(([profile, principal]) => ({
    ...sandbox.principals[principal],
    name: profile,
  }));
  writeFileSync(
    configFile,
    [
      '[default]',
      `region = ${sandbox.region}`,
      '',
      '[profile sandbox-admin]',
      `region = ${sandbox.region}`,
      '',
      '[profile sandbox-auditor]',
      `region = ${sandbox.region}`,
      '',
      ...organization.flatMap((p) => [`[profile ${p.name}]`, `region = ${sandbox.region}`, '']),
    ].join('\n'),
    { mode: 0o600 },
  );
  writeFileSync(
    credentialsFile,
    [
      '[default]',
      `aws_access_key_id = ${admin.accessKeyId}`,
      `aws_secret_access_key = ${admin.secretAccessKey}`,
      '',
      '[sandbox-admin]',
      `aws_access_key_id = ${admin.accessKeyId}`,
      `aws_secret_access_key = ${admin.secretAccessKey}`,
      '',
      '[sandbox-auditor]',
      `aws_access_key_id = ${auditor.accessKeyId}`,
      `aws_secret_access_key = ${auditor.secretAccessKey}`,
      '',
      ...organization.flatMap((p) => [
        `[${p.name}]`,
        `aws_access_key_id = ${p.accessKeyId}`,
        `aws_secret_access_key = ${p.secretAccessKey}`,
        '',
      ]),
    ].join('\n'),
    { mode: 0o600 },
  );
  return { dir, configFile, credentialsFile };
}

export function worldFacts(sandbox: Sandbox): WorldFacts {
  const w = sandbox.world;
  return {
    accountId: w.accountId,
    region: sandbox.region,
    days: w.days,
    trails: w.trails,
    keys: w.keys,
    logKeys: w.logKeys,
    objects: w.objects,
    dataEventLogKeys: w.dataEventLogKeys,
    tamperedLogKey: w.tamperedLogKey,
    auditorArn: sandbox.principals.auditor.arn,
    ...(w.organization ? { organization: w.organization } : {}),
  };
}

export async function e2eEnvironment(): Promise<E2eEnvironment> {
  const sandbox = await startSandbox();
  const moto = await startMoto().catch(async (error: unknown) => {
    await sandbox.stop();
    throw error;
  });
  const killMoto = () => moto.killSync();
  process.once('exit', killMoto);
  const motoFacts: MotoFacts = { endpoint: moto.endpoint, account: MOTO_DEFAULT_ACCOUNT, region: sandbox.region };
  process.env.CLOUDTRAIL_KMS_E2E_MOTO = JSON.stringify(motoFacts);
  const files = writeSandboxProfiles(sandbox);
  const { admin } = sandbox.principals;
  // The UI tests run in this process: they read the same facts (and reach the sandbox directly to find a log's lines).
  process.env.CLOUDTRAIL_KMS_E2E_WORLD = JSON.stringify(worldFacts(sandbox));
  process.env.CLOUDTRAIL_KMS_E2E_SANDBOX = JSON.stringify({
    endpoint: sandbox.endpoint,
    region: sandbox.region,
    accessKeyId: admin.accessKeyId,
    secretAccessKey: admin.secretAccessKey,
    controlUrl: sandbox.controlUrl,
  });
  return {
    env: {
      AWS_ACCESS_KEY_ID: admin.accessKeyId,
      AWS_SECRET_ACCESS_KEY: admin.secretAccessKey,
      AWS_REGION: sandbox.region,
      // No credential look-up may reach the instance metadata service from a test.
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_CONFIG_FILE: files.configFile,
      AWS_SHARED_CREDENTIALS_FILE: files.credentialsFile,
      CLOUDTRAIL_KMS_E2E_WORLD: JSON.stringify(worldFacts(sandbox)),
      CLOUDTRAIL_KMS_E2E_SANDBOX_CONTROL: sandbox.controlUrl,
      // Fault control of the sandbox (pause/resume, request counts) for tests that must hold AWS mid-request.
      CLOUDTRAIL_KMS_E2E_CONTROL_URL: sandbox.controlUrl,
      AWS_ENDPOINT_URL_ATHENA: moto.endpoint,
      CLOUDTRAIL_KMS_E2E_MOTO: JSON.stringify(motoFacts),
    },
    userSettings: {
      'cloudtrailKms.endpointUrl': sandbox.endpoint,
      'cloudtrailKms.regions': [sandbox.region],
    },
    stop: async () => {
      await moto.stop();
      process.removeListener('exit', killMoto);
      await sandbox.stop();
      rmSync(files.dir, { recursive: true, force: true });
    },
  };
}
