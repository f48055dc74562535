/**
 * `validate`: log-file integrity validation with the verdicts of `aws cloudtrail validate-logs` — the digest chain of
 * one region (newest → oldest, signatures checked with ListPublicKeys' keys), then each listed log's SHA-256.
 */
import type { AwsClients } from '../../aws/clients';
import { trailOrganizationId, validateTrail } from '../../aws/integrity';
import { locationDigestTrail } from '../../aws/locationDigests';
import { accountsSentence, organizationAccounts } from '../../aws/logRoots';
import { resolveTrail } from '../../aws/trails';
import { isAccountId, isTrailArn, parseArn, parseS3Location, type S3Location } from '../../core/arn';
import { ExplainedError } from '../../core/errors';
import type { DigestTrail } from '../../core/integrity/digestChain';
import type { TrailInfo } from '../../core/model';
import { display } from '../../core/integrity/digestChain';
import { formatSummary, formatVerdictLine, validationFailed } from '../../core/integrity/digestReport';
import { digestTrailFor } from '../../core/integrity/trailDigests';
import { parseIsoTime, wholeSeconds } from '../../core/time';
import { defineCommand } from '../command';
import { batchedWriter } from '../io';
import { UsageError } from '../options';

const USAGE = `Usage: cloudtrail-kms validate <trail-name | trail-arn | s3://bucket/prefix> --start-time ISO [--end-time ISO] [--region R] [--account-id ID] [--trail TRAIL-ARN]

Validates the trail's digest files delivered for region R (default: the trail's home region) between the times
(end default: now), then the log files each valid digest lists, as "aws cloudtrail validate-logs" does. Prints one
tab-separated line per file (Digest file / Log file, s3://location, valid | INVALID: reason) and a summary;
--json prints one JSON object per line and a final summary object. Exit code 1 when anything is invalid.
--account-id: the member account whose digests to validate (required for organization trails; the organization id
is read from the bucket's AWSLogs/ folder).
s3://bucket/prefix validates a log location without DescribeTrails (e.g. from a log-archive account): the layout is
found under it, --account-id picks the account (needed when several are there), and the trail and its home region are
read from the digest files' names (or from --trail TRAIL-ARN); the region default is that home region.
Needs s3:ListBucket and s3:GetObject on the bucket (+ kms:Decrypt for SSE-KMS logs), cloudtrail:ListPublicKeys and
(for a trail name or ARN) cloudtrail:DescribeTrails.`;

/** The trail and digest chain to walk: from DescribeTrails for a trail, from the digests' names for a location. */
async function chainOf(
  clients: AwsClients,
  args: { target: string; location?: S3Location; accountId?: string; region?: string; trailArn?: string },
): Promise<{ trail: TrailInfo; digestTrail: DigestTrail }> {
  if (args.location)
    return locationDigestTrail(
      clients,
      { bucket: args.location.bucket, prefix: args.location.key },
      { account: args.accountId, region: args.region, trailArn: args.trailArn },
    );
  const trail = await resolveTrail(clients, args.target, args.region ? [args.region] : []);
  if (trail.isOrganizationTrail && !args.accountId)
    throw new ExplainedError(
      'AccountNeeded',
      `${trail.arn} is an organization trail: give --account-id with the member account to validate.`,
      `Each member account has its own digest chain. ${accountsSentence(trail.bucket, await organizationAccounts(clients, trail).catch(() => ({ accounts: [] })))}`.trim(),
    );
  const account = args.accountId ?? trail.account;
  const organizationId = await trailOrganizationId(clients, trail, account);
  return { trail, digestTrail: digestTrailFor(trail, { account, sourceRegion: args.region ?? trail.homeRegion, organizationId }) };
}

function timeOption(text: string, option: string): Date {
  const date = parseIsoTime(text);
  if (!date) throw new UsageError(`${option} needs an ISO-8601 time such as 2026-11-24T00:00:00Z, not "${text}".`);
  return date;
}

export const command = defineCommand({
  usage: USAGE,
  aws: true,
  options: { values: ['start-time', 'end-time', 'account-id', 'trail'] },
  parse({ positional, values, global }) {
    if (positional.length !== 1) throw new UsageError('validate needs one trail name, trail ARN or s3://bucket/prefix.');
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
    const location = parseS3Location(target);
    if (!location && parseArn(target) && !isTrailArn(target)) throw new UsageError(`Invalid trail ARN provided: ${target}`);
    const trailArn = values.trail;
    if (trailArn !== undefined && (!location || !isTrailArn(trailArn)))
      throw new UsageError(
        location ? `--trail needs a trail ARN, not "${trailArn}".` : '--trail goes with an s3:// location; give the trail itself instead.',
      );
    return { target, location, trailArn, start, end, accountId, region: regions[0] as string | undefined };
  },
  async run({ args, io, global, clients }) {
    const { start, end } = args;
    const { trail, digestTrail } = await chainOf(clients, args);
    if (!trail.logFileValidation) {
      io.stderr.write(
        `Note: log file validation is off for ${trail.arn}; only digests delivered while it was on can be checked (turn it on with aws cloudtrail update-trail --enable-log-file-validation).\n`,
      );
    }
    const sourceRegion = digestTrail.sourceRegion;
    const named = trail.arn || `${trail.name} (home region ${trail.homeRegion}, from its digest files) in s3://${trail.bucket}/`;
    if (!global.json) io.stdout.write(`Validating log files for trail ${named} between ${display(start)} and ${display(end)}\n\n`);
    let printed = false;
    const lines = batchedWriter(io.stdout); // thousands of lines for a month: written in batches, not one by one
    let counts;
    try {
      counts = await validateTrail(clients, { trail, digestTrail, start, end }, (line) => {
        printed = true;
        lines.write(
          global.json
            ? `${JSON.stringify({ type: line.kind, ...(line.uri ? { location: line.uri } : {}), verdict: line.verdict, ok: line.ok })}\n`
            : `${formatVerdictLine(line)}\n`,
        );
      });
    } finally {
      lines.flush();
    }
    if (global.json) {
      io.stdout.write(
        `${JSON.stringify({
          type: 'summary',
          trail: trail.arn || trail.name,
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
