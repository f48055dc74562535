/**
 * `ls`: one folder level of a trail's logs or of any S3 prefix, or (with --date) the day's log files of a trail
 * in each region. Folder by folder (Delimiter '/'), never the whole bucket.
 */
import { AwsClients } from '../../aws/clients';
import { listWholeFolder, resolveTrailLogRoot } from '../../aws/logObjects';
import { findTrail, listTrails } from '../../aws/trails';
import { parseArn, parseS3Location } from '../../core/arn';
import { ExplainedError } from '../../core/errors';
import { dayPrefix, parseDay, type LogKind } from '../../core/logs/logLayout';
import type { LogFolderPage, TrailInfo } from '../../core/model';
import { formatTable } from '../textTable';
import type { CliIo } from '../io';
import { cliClients, GLOBAL_HELP, parseArgs, runCommand, UsageError } from '../options';

const USAGE = `Usage: cloudtrail-kms ls <trail-name | trail-arn | s3://bucket/prefix> [--date YYYY-MM-DD] [--digests]

For a trail: its log root (AWSLogs/<account>/…); with --date, that day's log files of the trail in each region
(the --region list, else every region found under CloudTrail/); --digests lists the digest files instead.
For s3://bucket/prefix: that folder level (sub-folders as PRE, then objects).

${GLOBAL_HELP}`;

function human(pages: LogFolderPage[]): string {
  const rows: string[][] = [];
  for (const page of pages) {
    for (const folder of page.folders) rows.push(['', 'PRE', `s3://${page.bucket}/${folder.prefix}`]);
    for (const object of page.objects)
      rows.push([object.lastModified?.replace(/\.\d{3}Z$/, 'Z') ?? '', String(object.size), `s3://${page.bucket}/${object.key}`]);
  }
  return rows.length === 0 ? '' : formatTable(['LAST-MODIFIED', 'SIZE', 'LOCATION'], rows);
}

async function trailByNameOrArn(clients: AwsClients, target: string, regions: string[]): Promise<TrailInfo> {
  const arn = parseArn(target);
  if (arn && arn.service !== 'cloudtrail') throw new UsageError(`"${target}" is neither a trail nor an S3 location.`);
  const where = [...new Set([...regions, ...(arn?.region ? [arn.region] : [])])];
  const trails = await listTrails(clients, where.length > 0 ? where : undefined, { skipDetails: true });
  const trail = findTrail(trails, target);
  if (!trail) {
    throw new ExplainedError(
      'TrailNotFound',
      `No trail "${target}" in ${(where.length > 0 ? where : await clients.regions()).join(', ')}.`,
      trails.length > 0 ? `The trails there are: ${trails.map((t) => t.name).join(', ')}.` : 'There are no trails there.',
      "Give the trail's name or ARN, and --region with its home region (or any region it logs in).",
    );
  }
  return trail;
}

export async function run(args: string[], io: CliIo): Promise<number> {
  return runCommand(io, USAGE, async () => {
    const { global, positional, values, flags } = parseArgs(args, { values: ['date'], flags: ['digests'] });
    if (global.help) {
      io.stdout.write(`${USAGE}\n`);
      return 0;
    }
    if (positional.length !== 1) throw new UsageError('ls needs one trail name, trail ARN or s3://bucket/prefix.');
    const day = values.date !== undefined ? parseDay(values.date) : undefined;
    if (values.date !== undefined && !day) throw new UsageError(`--date needs a date as YYYY-MM-DD, not "${values.date}".`);
    const target = positional[0];
    const explicitRegions = global.regions.filter((region) => region !== 'all');
    const clients = cliClients(global);
    try {
      const location = parseS3Location(target);
      let pages: LogFolderPage[];
      if (location) {
        if (day) throw new UsageError('--date works with a trail; for s3:// give the day folder itself.');
        const prefix = location.key === '' || location.key.endsWith('/') ? location.key : `${location.key}/`;
        pages = [await listWholeFolder(clients, { bucket: location.bucket, prefix })];
      } else {
        const trail = await trailByNameOrArn(clients, target, explicitRegions);
        const root = await resolveTrailLogRoot(clients, trail);
        if (!day) {
          pages = [await listWholeFolder(clients, { bucket: trail.bucket, prefix: root })];
        } else {
          const kind: LogKind = flags.has('digests') ? 'CloudTrail-Digest' : 'CloudTrail';
          const regions =
            explicitRegions.length > 0
              ? explicitRegions
              : (await listWholeFolder(clients, { bucket: trail.bucket, prefix: `${root}${kind}/` })).folders.map((folder) => folder.name);
          pages = [];
          for (const region of regions)
            pages.push(await listWholeFolder(clients, { bucket: trail.bucket, prefix: dayPrefix(root, kind, region, day) }));
        }
      }
      if (global.json) io.stdout.write(`${JSON.stringify(pages.length === 1 ? pages[0] : pages, null, 2)}\n`);
      else {
        const text = human(pages);
        io.stdout.write(text || `Nothing under ${pages.map((page) => `s3://${page.bucket}/${page.prefix}`).join(', ')}.\n`);
      }
      return 0;
    } finally {
      clients.dispose();
    }
  });
}
