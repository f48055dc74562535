// `npm run sandbox [-- --port N] [-- --files-in-one-day N] [-- --big-log-mb M]`: a seeded sandbox until Ctrl-C.
import { startSandbox } from './index';

function option(name: string): number | undefined {
  const i = process.argv.indexOf(name);
  if (i === -1) return undefined;
  const value = Number(process.argv[i + 1]);
  if (!Number.isInteger(value) || value < 0) {
    console.error(`${name} needs a non-negative integer, got "${process.argv[i + 1] ?? ''}"`);
    process.exit(2);
  }
  return value;
}

async function main(): Promise<void> {
  const sandbox = await startSandbox({
    port: option('--port') ?? 0,
    world: { filesInOneDay: option('--files-in-one-day'), bigLogMB: option('--big-log-mb') },
  });
  const { admin, auditor } = sandbox.principals;
  const w = sandbox.world;
  // First lines are shell (eval-able); the rest is for people.
  console.log(`export AWS_ENDPOINT_URL=${sandbox.endpoint}`);
  console.log(`export AWS_ACCESS_KEY_ID=${admin.accessKeyId}`);
  console.log(`export AWS_SECRET_ACCESS_KEY=${admin.secretAccessKey}`);
  console.log(`export AWS_REGION=${sandbox.region}`);
  console.log(`
# CloudTrail KMS sandbox on ${sandbox.endpoint} (account ${sandbox.accountId}, regions ${w.regions.join(', ')})
# The lines above are the admin (${admin.arn}).
# Auditor (may list/read the bucket and describe trails/keys, may NOT kms:Decrypt):
#   AWS_ACCESS_KEY_ID=${auditor.accessKeyId} AWS_SECRET_ACCESS_KEY=${auditor.secretAccessKey}
#
# ~/.aws/config profile:
#   [profile ct-sandbox]
#   region = ${sandbox.region}
#   endpoint_url = ${sandbox.endpoint}
#   s3 =
#     addressing_style = path
# ~/.aws/credentials:
#   [ct-sandbox]
#   aws_access_key_id = ${admin.accessKeyId}
#   aws_secret_access_key = ${admin.secretAccessKey}
#
# Trail ${w.trails.management.arn} -> s3://${w.buckets.logs.name}/${w.trails.management.s3KeyPrefix}/ (SSE-KMS ${w.keys.healthy.alias})
# Log days: ${w.days.join(', ')}; tampered log: ${w.tamperedLogKey}
# Try: aws cloudtrail validate-logs --trail-arn ${w.trails.management.arn} --start-time ${w.days[0]}T00:00:00Z --end-time 2026-11-27T01:00:00Z
${w.scale?.busyDayPrefix ? `# Busy day: s3://${w.buckets.logs.name}/${w.scale.busyDayPrefix} (${w.scale.busyDayFileCount} files)\n` : ''}${w.scale?.bigLogKey ? `# Big log: s3://${w.buckets.logs.name}/${w.scale.bigLogKey}\n` : ''}# Ctrl-C stops it; nothing is written to disk.`);
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
