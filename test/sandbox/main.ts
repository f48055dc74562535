// `npm run -s sandbox [-- options]`: a seeded sandbox until Ctrl-C. `--help` lists the options.
import { startSandbox } from './index';
import type { Sandbox, WorldOptions } from './types';

const HELP = `npm run -s sandbox -- [options]
  --port N                 listen on 127.0.0.1:N (default: a free port)
  --no-organization        leave out the organization world (faster start)
  --search                 add the search world (trail audit-archive, planted events)
  --search-days N          ... with N days (default 4, at least 4); implies --search
  --validation             add validation at scale (trail archive, 30 days of hourly digests, 2 regions)
  --validation-days N      ... with N days; implies --validation
  --files-in-one-day N     add N log files in one day (2026-11-20)
  --big-log-mb M           add one log of M MB (2026-11-21)
  --latency-ms N           every answer waits N ms (modelled network latency; default 0)`;

function parse(argv: string[]): { port: number; world: WorldOptions; latencyMs: number } {
  const world: WorldOptions = {};
  let port = 0;
  let latencyMs = 0;
  const number = (name: string, value: string | undefined): number => {
    const n = Number(value);
    if (value === undefined || !Number.isInteger(n) || n < 0) {
      console.error(`${name} needs a non-negative integer, got "${value ?? ''}"`);
      process.exit(2);
    }
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--port') port = number(arg, argv[++i]);
    else if (arg === '--no-organization') world.organization = false;
    else if (arg === '--search') world.search = world.search || true;
    else if (arg === '--search-days') world.search = { days: number(arg, argv[++i]) };
    else if (arg === '--validation') world.validation = world.validation || true;
    else if (arg === '--validation-days') world.validation = { days: number(arg, argv[++i]) };
    else if (arg === '--files-in-one-day') world.filesInOneDay = number(arg, argv[++i]);
    else if (arg === '--big-log-mb') world.bigLogMB = number(arg, argv[++i]);
    else if (arg === '--latency-ms') latencyMs = number(arg, argv[++i]);
    else if (arg === '--help' || arg === '-h') {
      console.log(HELP);
      process.exit(0);
    } else {
      console.error(`Unknown option "${arg}".\n${HELP}`);
      process.exit(2);
    }
  }
  return { port, world, latencyMs };
}

function describe(sandbox: Sandbox): string {
  const { admin, auditor, orgAdmin, memberAuditor, logArchiveReader } = sandbox.principals;
  const w = sandbox.world;
  const keys = (p: { accessKeyId: string; secretAccessKey: string }) =>
    `AWS_ACCESS_KEY_ID=${p.accessKeyId} AWS_SECRET_ACCESS_KEY=${p.secretAccessKey}`;
  const lines = [
    `# CloudTrail KMS sandbox on ${sandbox.endpoint} (account ${sandbox.accountId}, regions ${w.regions.join(', ')})`,
    `# The lines above are the admin (${admin.arn}).`,
    `# Auditor (may list/read the bucket and describe trails/keys, may NOT kms:Decrypt):`,
    `#   ${keys(auditor)}`,
    `#`,
    `# ~/.aws/config profile:`,
    `#   [profile ct-sandbox]`,
    `#   region = ${sandbox.region}`,
    `#   endpoint_url = ${sandbox.endpoint}`,
    `#   s3 =`,
    `#     addressing_style = path`,
    `# ~/.aws/credentials:`,
    `#   [ct-sandbox]`,
    `#   aws_access_key_id = ${admin.accessKeyId}`,
    `#   aws_secret_access_key = ${admin.secretAccessKey}`,
    `#`,
    `# Trail ${w.trails.management.arn} -> s3://${w.buckets.logs.name}/${w.trails.management.s3KeyPrefix}/ (SSE-KMS ${w.keys.healthy.alias})`,
    `# Log days: ${w.days.join(', ')}; tampered log: ${w.tamperedLogKey}`,
    `# Try: aws cloudtrail validate-logs --trail-arn ${w.trails.management.arn} --start-time ${w.days[0]}T00:00:00Z --end-time 2026-11-27T01:00:00Z`,
  ];
  const org = w.organization;
  if (org) {
    const t = org.trails.organization;
    lines.push(
      `#`,
      `# Organization ${org.id}: management ${org.managementAccountId}, log archive ${org.logArchiveAccountId}, members ${org.memberAccountIds.join(', ')}`,
      `#   management (org-admin):         ${keys(orgAdmin)}`,
      `#   member (security-auditor):      ${keys(memberAuditor)}`,
      `#   log archive (log-reader):       ${keys(logArchiveReader)}`,
      `# Organization trails: ${t.arn} -> s3://${t.bucket}/AWSLogs/${org.id}/`,
      `#                      ${org.trails.controlTower.arn} -> s3://${org.trails.controlTower.bucket}/${org.trails.controlTower.s3KeyPrefix}/`,
      `# Try (as org-admin): aws cloudtrail validate-logs --trail-arn ${t.arn} --account-id ${org.memberAccountIds[0]} --start-time ${t.validationWindow.start} --end-time ${t.validationWindow.end} --region us-west-2`,
    );
  }
  if (w.search) {
    lines.push(
      `#`,
      `# Search world: trail ${w.search.trail.arn} -> s3://${w.search.trail.bucket}/ (${w.search.days[0]}..${w.search.days[w.search.days.length - 1]}, ${w.search.fileCount} files)`,
    );
  }
  if (w.validation) {
    const v = w.validation;
    lines.push(
      `#`,
      `# Validation world: trail ${v.trail.arn}, ${v.digestCount} digests and ${v.logCount} logs per region, ${v.start}..${v.end}`,
    );
  }
  if (w.scale?.busyDayPrefix)
    lines.push(`# Busy day: s3://${w.buckets.logs.name}/${w.scale.busyDayPrefix} (${w.scale.busyDayFileCount} files)`);
  if (w.scale?.bigLogKey) lines.push(`# Big log: s3://${w.buckets.logs.name}/${w.scale.bigLogKey}`);
  lines.push(`# Faults: CLOUDTRAIL_SANDBOX_FAULTS='[{"operation":"GetObject","kind":"throttle","times":2}]' (see test/sandbox/README.md)`);
  lines.push(`# Hang / unhang the endpoint: curl -X POST ${sandbox.controlUrl}pause   curl -X POST ${sandbox.controlUrl}resume`);
  lines.push(`# Ctrl-C stops it; nothing is written to disk.`);
  return lines.join('\n');
}

async function main(): Promise<void> {
  const { port, world, latencyMs } = parse(process.argv.slice(2));
  const sandbox = await startSandbox({ port, world, latencyMs });
  const { admin } = sandbox.principals;
  // First lines are shell (eval-able); the rest is for people.
  console.log(`export AWS_ENDPOINT_URL=${sandbox.endpoint}`);
  console.log(`export AWS_ACCESS_KEY_ID=${admin.accessKeyId}`);
  console.log(`export AWS_SECRET_ACCESS_KEY=${admin.secretAccessKey}`);
  console.log(`export AWS_REGION=${sandbox.region}`);
  console.log(`\n${describe(sandbox)}`);
  const stop = () => {
    void sandbox.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(`sandbox failed to start: ${(e as Error).message}`);
  process.exit(1);
});
