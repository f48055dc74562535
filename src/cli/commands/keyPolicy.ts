/**
 * `key-policy`: reads a trail key's policy (GetKeyPolicy) and answers whether CloudTrail may encrypt with it and
 * describe it, and whether you may decrypt the logs — yes / no / cannot tell, with the reasons.
 */
import { checkTrailKeyPolicy } from '../../aws/keyPolicy';
import { resolveTrail } from '../../aws/trails';
import { parseArn } from '../../core/arn';
import { formatKeyPolicyReport, keyPolicyRefuses } from '../../core/keyPolicy';
import { defineCommand } from '../command';
import { UsageError } from '../options';

const USAGE = `Usage: cloudtrail-kms key-policy <trail-name | trail-arn>

Reads the key policy of the trail's KMS key and answers three questions: may CloudTrail call kms:GenerateDataKey*
(with the trail's encryption context and aws:SourceArn), may it call kms:DescribeKey, and may you (the caller) call
kms:Decrypt on the trail's logs. Where the key policy leaves your decrypt to IAM (or the key is in another account),
your IAM policies are asked with iam:SimulatePrincipalPolicy (which also reports SCPs and permissions boundaries);
the key's state comes from kms:DescribeKey, your organization (for aws:PrincipalOrgID) from
organizations:DescribeOrganization. Answers are YES, NO or CANNOT TELL (when something it could not read decides:
the reasons say what; KMS grants are not checked). Needs kms:GetKeyPolicy (the key's own account only); the other
calls are optional. Exit code 1 when an answer is NO.`;

export const command = defineCommand({
  usage: USAGE,
  aws: true,
  parse({ positional, global }) {
    if (positional.length !== 1) throw new UsageError('key-policy needs one trail name or trail ARN.');
    const target = positional[0];
    const arn = parseArn(target);
    if (arn && arn.service !== 'cloudtrail') throw new UsageError(`"${target}" is not a trail ARN.`);
    return { target, regions: global.regions.filter((region) => region !== 'all') };
  },
  async run({ args, io, global, clients }) {
    const trail = await resolveTrail(clients, args.target, args.regions);
    const { keyArn, callerArn, report } = await checkTrailKeyPolicy(clients, trail);
    io.stdout.write(
      global.json
        ? `${JSON.stringify({ trail: trail.arn, key: keyArn, caller: callerArn, ...report }, null, 2)}\n`
        : `Trail ${trail.arn}\nKey   ${keyArn}\n\n${formatKeyPolicyReport(report)}`,
    );
    return keyPolicyRefuses(report) ? 1 : 0;
  },
});
