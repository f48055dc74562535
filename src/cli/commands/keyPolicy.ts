/**
 * `key-policy`: reads a trail key's policy (GetKeyPolicy) and answers whether CloudTrail may encrypt with it and
 * describe it, and whether you may decrypt the logs — yes / no / cannot tell, with the reasons.
 */
import { bucketRegion } from '../../aws/buckets';
import { getKeyPolicy } from '../../aws/keyPolicy';
import { findTrail, listTrails } from '../../aws/trails';
import { parseArn } from '../../core/arn';
import { ExplainedError } from '../../core/errors';
import { checkKeyPolicy, formatKeyPolicyReport, PolicyFormatError } from '../../core/keyPolicy';
import type { CliIo } from '../io';
import { cliClients, GLOBAL_HELP, parseArgs, runCommand, UsageError } from '../options';

const USAGE = `Usage: cloudtrail-kms key-policy <trail-name | trail-arn>

Reads the key policy of the trail's KMS key and answers three questions: may CloudTrail call kms:GenerateDataKey*
(with the trail's encryption context and aws:SourceArn), may it call kms:DescribeKey, and may you (the caller) call
kms:Decrypt on the trail's logs. Answers are YES, NO or CANNOT TELL (when IAM policies, grants or conditions this
check does not evaluate decide). Needs kms:GetKeyPolicy. Exit code 1 when an answer is NO.

${GLOBAL_HELP}`;

export async function run(args: string[], io: CliIo): Promise<number> {
  return runCommand(io, USAGE, async () => {
    const { global, positional } = parseArgs(args);
    if (global.help) {
      io.stdout.write(`${USAGE}\n`);
      return 0;
    }
    if (positional.length !== 1) throw new UsageError('key-policy needs one trail name or trail ARN.');
    const target = positional[0];
    const arn = parseArn(target);
    if (arn && arn.service !== 'cloudtrail') throw new UsageError(`"${target}" is not a trail ARN.`);
    const clients = cliClients(global);
    try {
      const regions = global.regions.filter((region) => region !== 'all');
      const lookIn = arn ? [arn.region] : regions.length > 0 ? regions : await clients.regions();
      const trail = findTrail(await listTrails(clients, lookIn, { skipDetails: true }), target);
      if (!trail) {
        throw new ExplainedError(
          'TrailNotFound',
          `No trail "${target}" in ${lookIn.join(', ')}.`,
          undefined,
          "Give the trail's ARN, or its name with --region set to a region it logs in.",
        );
      }
      if (!trail.kmsKeyArn) {
        throw new ExplainedError(
          'NoKmsKey',
          `Trail ${trail.arn} does not use a KMS key.`,
          'Its logs are encrypted with SSE-S3, so there is no key policy to check.',
        );
      }
      const [policy, caller, region] = await Promise.all([
        getKeyPolicy(clients, trail.kmsKeyArn),
        clients.callerIdentity(),
        bucketRegion(clients, trail.bucket).catch(() => undefined),
      ]);
      let report;
      try {
        report = checkKeyPolicy(policy, {
          trailArn: trail.arn,
          keyArn: trail.kmsKeyArn,
          callerArn: caller.arn,
          callerAccount: caller.account,
          ...(region ? { bucketRegion: region } : {}),
        });
      } catch (error) {
        if (error instanceof PolicyFormatError)
          throw new ExplainedError('BadKeyPolicy', `The policy of ${trail.kmsKeyArn} could not be read: ${error.message}.`);
        throw error;
      }
      io.stdout.write(
        global.json
          ? `${JSON.stringify({ trail: trail.arn, key: trail.kmsKeyArn, caller: caller.arn, ...report }, null, 2)}\n`
          : `Trail ${trail.arn}\nKey   ${trail.kmsKeyArn}\n\n${formatKeyPolicyReport(report)}`,
      );
      return [report.cloudTrailEncrypt, report.cloudTrailDescribe, report.callerDecrypt].some((c) => c.answer === 'no') ? 1 : 0;
    } finally {
      clients.dispose();
    }
  });
}
