/**
 * `ls`: one folder level of a trail's logs or of any S3 prefix, or (with --date) the day's log files of a trail
 * in each region. Folder by folder (Delimiter '/'), never the whole bucket.
 */
import { listWholeFolder, resolveTrailLogRoot } from '../../aws/logObjects';
import { resolveTrail } from '../../aws/trails';
import { parseArn, parseS3Location } from '../../core/arn';
import { dayPrefix, parseDay, type LogKind } from '../../core/logs/logLayout';
import type { LogFolderPage } from '../../core/model';
import { defineCommand } from '../command';
import { UsageError } from '../options';
import { formatTable } from '../textTable';

const USAGE = `Usage: cloudtrail-kms ls <trail-name | trail-arn | s3://bucket/prefix> [--date YYYY-MM-DD] [--digests]

For a trail: its log root (AWSLogs/<account>/…); with --date, that day's log files of the trail in each region
(the --region list, else every region found under CloudTrail/); --digests lists the digest files instead.
For s3://bucket/prefix: that folder level (sub-folders as PRE, then objects).`;

function human(pages: LogFolderPage[]): string {
  const rows: string[][] = [];
  for (const page of pages) {
    for (const folder of page.folders) rows.push(['', 'PRE', `s3://${page.bucket}/${folder.prefix}`]);
    for (const object of page.objects)
      rows.push([object.lastModified?.replace(/\.\d{3}Z$/, 'Z') ?? '', String(object.size), `s3://${page.bucket}/${object.key}`]);
  }
  return rows.length === 0 ? '' : formatTable(['LAST-MODIFIED', 'SIZE', 'LOCATION'], rows);
}

export const command = defineCommand({
  usage: USAGE,
  aws: true,
  options: { values: ['date'], flags: ['digests'] },
  parse({ positional, values, flags, global }) {
    if (positional.length !== 1) throw new UsageError('ls needs one trail name, trail ARN or s3://bucket/prefix.');
    const day = values.date !== undefined ? parseDay(values.date) : undefined;
    if (values.date !== undefined && !day) throw new UsageError(`--date needs a date as YYYY-MM-DD, not "${values.date}".`);
    const target = positional[0];
    const location = parseS3Location(target);
    if (location && day) throw new UsageError('--date works with a trail; for s3:// give the day folder itself.');
    const arn = location ? undefined : parseArn(target);
    if (arn && arn.service !== 'cloudtrail') throw new UsageError(`"${target}" is neither a trail nor an S3 location.`);
    const kind: LogKind = flags.has('digests') ? 'CloudTrail-Digest' : 'CloudTrail';
    return { target, location, day, kind, regions: global.regions.filter((region) => region !== 'all') };
  },
  async run({ args, io, global, clients }) {
    let pages: LogFolderPage[];
    if (args.location) {
      const { bucket, key } = args.location;
      const prefix = key === '' || key.endsWith('/') ? key : `${key}/`;
      pages = [await listWholeFolder(clients, { bucket, prefix })];
    } else {
      const trail = await resolveTrail(clients, args.target, args.regions);
      const root = await resolveTrailLogRoot(clients, trail);
      if (!args.day) {
        pages = [await listWholeFolder(clients, { bucket: trail.bucket, prefix: root })];
      } else {
        const regions =
          args.regions.length > 0
            ? args.regions
            : (await listWholeFolder(clients, { bucket: trail.bucket, prefix: `${root}${args.kind}/` })).folders.map(
                (folder) => folder.name,
              );
        pages = [];
        for (const region of regions)
          pages.push(await listWholeFolder(clients, { bucket: trail.bucket, prefix: dayPrefix(root, args.kind, region, args.day) }));
      }
    }
    if (global.json) io.stdout.write(`${JSON.stringify(pages.length === 1 ? pages[0] : pages, null, 2)}\n`);
    else {
      const text = human(pages);
      io.stdout.write(text || `Nothing under ${pages.map((page) => `s3://${page.bucket}/${page.prefix}`).join(', ')}.\n`);
    }
  },
});
