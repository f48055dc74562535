/**
 * `validate`: log-file integrity validation with the verdicts of `aws cloudtrail validate-logs` — the digest chain of
 * one region (newest → oldest, signatures checked with ListPublicKeys' keys), then each listed log's SHA-256.
 */
import { trailOrganizationId, validateTrail } from '../../aws/integrity';
import { resolveTrail } from '../../aws/trails';
import { isAccountId, isTrailArn, parseArn } from '../../core/arn';
import { display } from '../../core/integrity/digestChain';
import { formatSummary, formatVerdictLine, validationFailed } from '../../core/integrity/digestReport';
import { digestTrailFor } from '../../core/integrity/trailDigests';
import { parseIsoTime, wholeSeconds } from '../../core/time';
import { defineCommand } from '../command';
import { UsageError } from '../options';

const USAGE = `Usage: cloudtrail-kms validate <trail-name | trail-arn> --start-time ISO [--end-time ISO] [--region R] [--account-id ID]

Validates the trail's digest files delivered for region R (default: the trail's home region) between the times
(end default: now), then the log files each valid digest lists, as "aws cloudtrail validate-logs" does. Prints one
tab-separated line per file (Digest file / Log file, s3://location, valid | INVALID: reason) and a summary;
--json prints one JSON object per line and a final summary object. Exit code 1 when anything is invalid.
--account-id: the member account whose digests to validate (required for organization trails; the organization id
is read from the bucket's AWSLogs/ folder).
Needs s3:ListBucket and s3:GetObject on the bucket (+ kms:Decrypt for SSE-KMS logs), cloudtrail:ListPublicKeys and
cloudtrail:DescribeTrails.`;

function timeOption(text: string, option: string): Date {
  const date = parseIsoTime(text);
  if (!date) throw new UsageError(`${option} needs an ISO-8601 time such as 2026-11-24T00:00:00Z, not "${text}".`);
  return date;
}

export const command = defineCommand({
  usage: USAGE,
  aws: true,
  options: { values: ['start-time', 'end-time', 'account-id'] },
  parse({ positional, values, global }) {
    if (positional.length !== 1) throw new UsageError('validate needs one trail name or trail ARN.');
    if (values['start-time'] === undefined) throw new UsageError('validate needs --start-time.');
    const start = timeOption(values['start-time'], '--start-time');
    const end = values['end-time'] !== undefined ? timeOption(values['end-time'], '--end-time') : wholeSeconds(new Date());
    if (end < start) throw new UsageError('--end-time must not be before --start-time.');
    const accountId = values['account-id'];
    if (accountId !== undefined && !isAccountId(accountId))
      throw new UsageError(`--account-id needs a 12-digit account id, not "${accountId}".`);
    const regions = global.regions.filter((region) => region !== 'all');
    if (regions.length > 1) throw new UsageError("validate walks one region's digests: give at most one --region.");
    const target = positional[0];
    if (parseArn(target) && !isTrailArn(target)) throw new UsageError(`Invalid trail ARN provided: ${target}`);
    return { target, start, end, accountId, region: regions[0] as string | undefined };
  },
  async run({ args, io, global, clients }) {
    const { start, end } = args;
    const trail = await resolveTrail(clients, args.target, args.region ? [args.region] : []);
    if (trail.isOrganizationTrail && !args.accountId)
      throw new UsageError(`${trail.arn} is an organization trail: give --account-id with the member account to validate.`);
    const organizationId = await trailOrganizationId(clients, trail);
    if (!trail.logFileValidation) {
      io.stderr.write(
        `Note: log file validation is off for ${trail.arn}; only digests delivered while it was on can be checked (turn it on with aws cloudtrail update-trail --enable-log-file-validation).\n`,
      );
    }
    const sourceRegion = args.region ?? trail.homeRegion;
    const digestTrail = digestTrailFor(trail, { account: args.accountId ?? trail.account, sourceRegion, organizationId });
    if (!global.json) io.stdout.write(`Validating log files for trail ${trail.arn} between ${display(start)} and ${display(end)}\n\n`);
    let printed = false;
    const counts = await validateTrail(clients, { trail, digestTrail, start, end }, (line) => {
      printed = true;
      io.stdout.write(
        global.json
          ? `${JSON.stringify({ type: line.kind, ...(line.uri ? { location: line.uri } : {}), verdict: line.verdict, ok: line.ok })}\n`
          : `${formatVerdictLine(line)}\n`,
      );
    });
    if (global.json) {
      io.stdout.write(
        `${JSON.stringify({
          type: 'summary',
          trail: trail.arn,
          region: sourceRegion,
          start: display(start),
          end: display(end),
          ...counts,
          foundStart: counts.foundStart ? display(counts.foundStart) : null,
          foundEnd: counts.foundEnd ? display(counts.foundEnd) : null,
        })}\n`,
      );
    } else {
      io.stdout.write(`${printed ? '\n' : ''}${formatSummary(counts, start, end)}`);
    }
    return validationFailed(counts) ? 1 : 0;
  },
});
