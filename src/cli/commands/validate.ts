/**
 * `validate`: log-file integrity validation with the verdicts of `aws cloudtrail validate-logs` — the digest chain of
 * one region (newest → oldest, signatures checked with ListPublicKeys' keys), then each listed log's SHA-256.
 */
import { findTrail, listTrails } from '../../aws/trails';
import { organizationIds } from '../../aws/logObjects';
import { hashLogObject, s3DigestStore } from '../../aws/integrity';
import { parseArn } from '../../core/arn';
import { display, type DigestTrail } from '../../core/integrity/digestChain';
import { formatSummary, formatVerdictLine, validateTrailLogs, validationFailed } from '../../core/integrity/digestReport';
import { ExplainedError } from '../../core/errors';
import type { CliIo } from '../io';
import { cliClients, GLOBAL_HELP, parseArgs, runCommand, UsageError } from '../options';

const USAGE = `Usage: cloudtrail-kms validate <trail-name | trail-arn> --start-time ISO [--end-time ISO] [--region R] [--account-id ID]

Validates the trail's digest files delivered for region R (default: the trail's home region) between the times
(end default: now), then the log files each valid digest lists, as "aws cloudtrail validate-logs" does. Prints one
tab-separated line per file (Digest file / Log file, s3://location, valid | INVALID: reason) and a summary;
--json prints one JSON object per line and a final summary object. Exit code 1 when anything is invalid.
--account-id: the member account whose digests to validate (required for organization trails; the organization id
is read from the bucket's AWSLogs/ folder).
Needs s3:ListBucket and s3:GetObject on the bucket (+ kms:Decrypt for SSE-KMS logs), cloudtrail:ListPublicKeys and
cloudtrail:DescribeTrails.

${GLOBAL_HELP}`;

function parseTime(text: string, option: string): Date {
  // Date-only and zone-less times are UTC, as the aws CLI reads them.
  const withZone = /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : /[zZ]|[+-]\d{2}:?\d{2}$/.test(text) ? text : `${text}Z`;
  const date = new Date(withZone);
  if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(date.getTime()))
    throw new UsageError(`${option} needs an ISO-8601 time such as 2026-11-24T00:00:00Z, not "${text}".`);
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}

export async function run(args: string[], io: CliIo): Promise<number> {
  return runCommand(io, USAGE, async () => {
    const { global, positional, values } = parseArgs(args, { values: ['start-time', 'end-time', 'account-id'] });
    if (global.help) {
      io.stdout.write(`${USAGE}\n`);
      return 0;
    }
    if (positional.length !== 1) throw new UsageError('validate needs one trail name or trail ARN.');
    if (values['start-time'] === undefined) throw new UsageError('validate needs --start-time.');
    const start = parseTime(values['start-time'], '--start-time');
    const end =
      values['end-time'] !== undefined ? parseTime(values['end-time'], '--end-time') : new Date(Math.floor(Date.now() / 1000) * 1000);
    if (end < start) throw new UsageError('--end-time must not be before --start-time.');
    const accountId = values['account-id'];
    if (accountId !== undefined && !/^\d{12}$/.test(accountId))
      throw new UsageError(`--account-id needs a 12-digit account id, not "${accountId}".`);
    const regions = global.regions.filter((region) => region !== 'all');
    if (regions.length > 1) throw new UsageError("validate walks one region's digests: give at most one --region.");
    const target = positional[0];
    const arn = parseArn(target);
    if (arn && !/^arn:.+:cloudtrail:.+:\d{12}:trail\/.+/.test(target)) throw new UsageError(`Invalid trail ARN provided: ${target}`);

    const clients = cliClients(global);
    try {
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
      let organizationId: string | undefined;
      if (trail.isOrganizationTrail) {
        if (!accountId)
          throw new UsageError(`${trail.arn} is an organization trail: give --account-id with the member account to validate.`);
        const found = await organizationIds(clients, { bucket: trail.bucket, ...(trail.keyPrefix ? { keyPrefix: trail.keyPrefix } : {}) });
        if (found.length !== 1) {
          throw new ExplainedError(
            'OrganizationIdUnknown',
            `Could not tell the organization id of ${trail.arn} from s3://${trail.bucket}/${trail.keyPrefix ? `${trail.keyPrefix}/` : ''}AWSLogs/.`,
            found.length === 0 ? 'There is no o-… folder there.' : `There are several: ${found.join(', ')}.`,
            'Use "aws cloudtrail validate-logs --account-id" for this trail.',
          );
        }
        organizationId = found[0];
      }
      if (!trail.logFileValidation) {
        io.stderr.write(
          `Note: log file validation is off for ${trail.arn}; only digests delivered while it was on can be checked (turn it on with aws cloudtrail update-trail --enable-log-file-validation).\n`,
        );
      }
      const sourceRegion = regions[0] ?? trail.homeRegion;
      const digestTrail: DigestTrail = {
        account: accountId ?? trail.account,
        name: trail.arn.slice(trail.arn.lastIndexOf('/') + 1),
        homeRegion: trail.homeRegion,
        sourceRegion,
        ...(trail.keyPrefix ? { keyPrefix: trail.keyPrefix } : {}),
        ...(organizationId ? { organizationId } : {}),
      };
      if (!global.json) io.stdout.write(`Validating log files for trail ${trail.arn} between ${display(start)} and ${display(end)}\n\n`);
      let printed = false;
      const counts = await validateTrailLogs(
        s3DigestStore(clients, sourceRegion, trail.arn),
        (bucket, key) => hashLogObject(clients, bucket, key, trail.arn),
        trail.bucket,
        digestTrail,
        start,
        end,
        (line) => {
          printed = true;
          io.stdout.write(
            global.json
              ? `${JSON.stringify({ type: line.kind, ...(line.uri ? { location: line.uri } : {}), verdict: line.verdict, ok: line.ok })}\n`
              : `${formatVerdictLine(line)}\n`,
          );
        },
      );
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
    } finally {
      clients.dispose();
    }
  });
}
