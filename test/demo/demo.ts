// `npm run demo`: the extension in a real VS Code (code-server) against the local sandbox, for a person to try.
//   1. starts the sandbox with its seeded world on 127.0.0.1:4566 (or a free port when 4566 is taken);
//   2. writes throw-away AWS profiles `sandbox-admin` (default) and `sandbox-auditor` (may not kms:Decrypt), and the
//      organization's `sandbox-org-admin`, `sandbox-member-auditor`, `sandbox-log-archive` (environment.ts);
//      CLOUDTRAIL_KMS_DEMO_PROFILE=<one of them> starts the editor with that profile selected;
//   3. packages the extension (.vsix) and installs it into a throw-away extensions folder (without the smoke-test flag
//      code-server ignores a development path in the URL payload), starts the cached code-server (test/e2e/toolchain.ts)
//      with its settings pointed at the sandbox, and prints the URL to open;
//   4. runs until Ctrl-C, then stops code-server (by its process group) and the sandbox and removes the folders.
// `npm run build` must have run (the script does it).
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startSandbox, type Sandbox } from '../sandbox';
import { installExtension, startCodeServer, type RunningCodeServer } from '../e2e/codeServer';
import { ORGANIZATION_PROFILES, writeSandboxProfiles } from '../e2e/environment';
import { ensureCodeServer } from '../e2e/toolchain';
import { packageVsix } from '../e2e/vsix';

const REPO = resolve(__dirname, '..', '..', '..');
const PREFERRED_PORT = Number(process.env.CLOUDTRAIL_SANDBOX_PORT || 4566);
const PROFILES = ['sandbox-admin', 'sandbox-auditor', ...Object.keys(ORGANIZATION_PROFILES)];
const START_PROFILE = process.env.CLOUDTRAIL_KMS_DEMO_PROFILE || undefined;

/** What the organization world shows, for the printout (nothing when the sandbox runs without it). */
function organizationLines(sandbox: Sandbox): string[] {
  const org = sandbox.world.organization;
  if (!org) return [];
  const bucket = org.trails.organization.bucket;
  return [
    `  organization ${org.id}: trails ${org.trails.organization.name} and ${org.trails.controlTower.name} (management ${org.managementAccountId}), logs in the log-archive account's buckets`,
    '  profiles: sandbox-org-admin (management: the organization trails, accounts named), sandbox-member-auditor (a member: sees the trails, may not read the logs),',
    `            sandbox-log-archive (no CloudTrail: CloudTrail: Add Log Location… s3://${bucket} to browse and decrypt)`,
  ];
}

async function sandboxOnPreferredPort(): Promise<Sandbox> {
  try {
    return await startSandbox({ port: PREFERRED_PORT });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    process.stdout.write(`port ${PREFERRED_PORT} is taken; the sandbox takes a free port instead\n`);
    return startSandbox();
  }
}

async function main(): Promise<void> {
  if (!existsSync(join(REPO, 'dist', 'extension.js'))) throw new Error('dist/extension.js is missing: run `npm run build` first');
  const stops: (() => Promise<unknown>)[] = [];
  let stopping = false;
  const stopAll = async (code: number): Promise<never> => {
    if (!stopping) {
      stopping = true;
      process.stdout.write('\nstopping…\n');
      for (const stop of stops.reverse()) await stop().catch((error: unknown) => process.stderr.write(`${String(error)}\n`));
    }
    process.exit(code);
  };
  process.once('SIGINT', () => void stopAll(0));
  process.once('SIGTERM', () => void stopAll(0));
  if (START_PROFILE && !PROFILES.includes(START_PROFILE)) {
    process.stderr.write(`CLOUDTRAIL_KMS_DEMO_PROFILE=${START_PROFILE}: expected one of ${PROFILES.join(', ')}\n`);
    process.exit(2);
  }
  try {
    await ensureCodeServer();
    const sandbox = await sandboxOnPreferredPort();
    stops.push(() => sandbox.stop());
    const files = writeSandboxProfiles(sandbox);
    stops.push(async () => rmSync(files.dir, { recursive: true, force: true }));
    const scratch = mkdtempSync(join(tmpdir(), 'cloudtrail-kms-demo-'));
    stops.push(async () => rmSync(scratch, { recursive: true, force: true }));
    const workspace = join(scratch, 'workspace');
    const extensionsDir = join(scratch, 'extensions');
    mkdirSync(workspace, { recursive: true });
    mkdirSync(extensionsDir, { recursive: true });
    await installExtension(await packageVsix(REPO, join(scratch, 'cloudtrail-kms-explorer.vsix')), extensionsDir);
    const { admin } = sandbox.principals;
    const server: RunningCodeServer = await startCodeServer({
      extensionsDir,
      workspaceFolder: workspace,
      dropEnv: /^AWS_/,
      env: {
        AWS_ACCESS_KEY_ID: admin.accessKeyId,
        AWS_SECRET_ACCESS_KEY: admin.secretAccessKey,
        AWS_REGION: sandbox.region,
        AWS_EC2_METADATA_DISABLED: 'true',
        AWS_CONFIG_FILE: files.configFile,
        AWS_SHARED_CREDENTIALS_FILE: files.credentialsFile,
      },
      userSettings: {
        'cloudtrailKms.endpointUrl': sandbox.endpoint,
        'cloudtrailKms.regions': [sandbox.region],
        ...(START_PROFILE ? { 'cloudtrailKms.profile': START_PROFILE } : {}),
      },
    });
    stops.push(() => server.stop());
    const w = sandbox.world;
    process.stdout.write(
      [
        '',
        `Sandbox (S3, KMS, CloudTrail, STS): ${sandbox.endpoint}  account ${sandbox.accountId}, region ${sandbox.region}`,
        `  trails: ${w.trails.management.name} (SSE-KMS ${w.keys.healthy.alias}), ${w.trails.dataEvents.name} (SSE-S3); log days ${w.days.join(', ')}`,
        '  profiles: sandbox-admin (default; may decrypt), sandbox-auditor (may read the bucket, not kms:Decrypt)',
        ...organizationLines(sandbox),
        ...(START_PROFILE ? [`  the editor starts with profile ${START_PROFILE} (CloudTrail: Select Profile… to change)`] : []),
        '',
        'Open this URL in a browser (code-server with the extension loaded):',
        `  ${server.url}`,
        '',
        'Click the CloudTrail KMS icon in the activity bar. Ctrl-C here stops everything.',
        '',
      ].join('\n'),
    );
    await new Promise(() => undefined); // until a signal arrives
  } catch (error) {
    process.stderr.write(`demo failed: ${error instanceof Error ? error.message : String(error)}\n`);
    await stopAll(1);
  }
}

void main();
