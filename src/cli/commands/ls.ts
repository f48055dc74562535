/**
 * `ls`: one folder level of a trail's logs or of any S3 prefix, or (with --date) the day's log files in each region,
 * for organization trails and log locations too (--account-id). Folder by folder (Delimiter '/'), never the whole
 * bucket. An empty listing says what is there instead.
 */
import { listWholeFolder, resolveTrailLogRoot } from '../../aws/logObjects';
import { accountRootAt, accountsSentence, explainEmptyListing, organizationAccounts } from '../../aws/logRoots';
import type { AwsClients } from '../../aws/clients';
import { resolveTrail } from '../../aws/trails';
import { isAccountId, parseArn, parseS3Location } from '../../core/arn';
import { ExplainedError } from '../../core/errors';
import type { LayoutHint } from '../../core/logs/layoutHints';
import { dayPrefix, parseDay, type DayParts, type LogKind } from '../../core/logs/logLayout';
import { shownName } from '../../core/logs/shownName';
import type { LogFolderPage } from '../../core/model';
import { defineCommand } from '../command';
import { UsageError } from '../options';
import { formatTable } from '../textTable';

const USAGE = `Usage: cloudtrail-kms ls <trail-name | trail-arn | s3://bucket/prefix> [--date YYYY-MM-DD] [--account-id ID] [--digests]

For a trail: its log root (AWSLogs/[o-id/]<account>/…); with --date, that day's log files of the trail in each region
(the --region list, else every region found under CloudTrail/); --digests lists the digest files instead.
Organization trails write each member account's logs under AWSLogs/<o-id>/<account>/: without --account-id, ls lists
the accounts there; --account-id picks one (needed with --date).
For s3://bucket/prefix: that folder level (sub-folders as PRE, then objects); with --date or --account-id, the prefix
is read as a log location (a bucket, a key prefix, or a folder inside AWSLogs/): the layout is found, then as above.
An empty listing says what the nearest folder above holds instead.`;

function human(pages: LogFolderPage[]): string {
  const rows: string[][] = [];
  for (const page of pages) {
    for (const folder of page.folders) rows.push(['', 'PRE', shownName(`s3://${page.bucket}/${folder.prefix}`, 1200)]);
    for (const object of page.objects)
      rows.push([
        object.lastModified?.replace(/\.\d{3}Z$/, 'Z') ?? '',
        String(object.size),
        shownName(`s3://${page.bucket}/${object.key}`, 1200),
      ]);
  }
  return rows.length === 0 ? '' : formatTable(['LAST-MODIFIED', 'SIZE', 'LOCATION'], rows);
}

/** The empty-listing sentence with the way to what is there: the flag or the next `ls` (no period after a location). */
function emptyText(empty: { text: string; hint?: LayoutHint }): string {
  const next = suggestion(empty.hint);
  return next ? `${empty.text.replace(/\.$/, '')}${next}` : empty.text;
}

function suggestion(hint: LayoutHint | undefined): string {
  if (!hint) return '';
  if (hint.organizationIds.length > 0 && hint.next) return ` — use --account-id or ls ${hint.next}`;
  if (hint.level === 'organization' && hint.accounts.length > 0) return ' — use --account-id with one of them';
  return hint.next ? ` — ls ${hint.next}` : '';
}

interface Where {
  bucket: string;
  region?: string;
}

/** Each region's folder of one day (the given regions, else every region under `<root><kind>/`). */
async function dayPages(clients: AwsClients, where: Where, root: string, kind: LogKind, day: DayParts, regions: string[]) {
  const found =
    regions.length > 0 ? regions : (await listWholeFolder(clients, { ...where, prefix: `${root}${kind}/` })).folders.map((f) => f.name);
  const pages: LogFolderPage[] = [];
  for (const region of found) pages.push(await listWholeFolder(clients, { ...where, prefix: dayPrefix(root, kind, region, day) }));
  return { pages, empty: found.length === 0 ? `${root}${kind}/` : undefined };
}

export const command = defineCommand({
  usage: USAGE,
  aws: true,
  options: { values: ['date', 'account-id'], flags: ['digests'] },
  parse({ positional, values, flags, global }) {
    if (positional.length !== 1) throw new UsageError('ls needs one trail name, trail ARN or s3://bucket/prefix.');
    const day = values.date !== undefined ? parseDay(values.date) : undefined;
    if (values.date !== undefined && !day) throw new UsageError(`--date needs a date as YYYY-MM-DD, not "${values.date}".`);
    const accountId = values['account-id'];
    if (accountId !== undefined && !isAccountId(accountId))
      throw new UsageError(`--account-id needs a 12-digit account id, not "${accountId}".`);
    const target = positional[0];
    const location = parseS3Location(target);
    const arn = location ? undefined : parseArn(target);
    if (arn && arn.service !== 'cloudtrail') throw new UsageError(`"${target}" is neither a trail nor an S3 location.`);
    const kind: LogKind = flags.has('digests') ? 'CloudTrail-Digest' : 'CloudTrail';
    return { target, location, day, kind, accountId, regions: global.regions.filter((region) => region !== 'all') };
  },
  async run({ args, io, global, clients }) {
    let where: Where;
    let pages: LogFolderPage[];
    let emptyAt: string | undefined;
    if (args.location && !args.day && !args.accountId) {
      const { bucket, key } = args.location;
      where = { bucket };
      pages = [await listWholeFolder(clients, { bucket, prefix: key === '' || key.endsWith('/') ? key : `${key}/` })];
    } else {
      let root: string;
      if (args.location) {
        where = { bucket: args.location.bucket };
        root = (await accountRootAt(clients, { bucket: args.location.bucket, prefix: args.location.key }, args.accountId)).root;
      } else {
        const trail = await resolveTrail(clients, args.target, args.regions);
        where = { bucket: trail.bucket, region: trail.homeRegion };
        if (trail.isOrganizationTrail && !args.accountId) {
          const members = await organizationAccounts(clients, trail);
          if (args.day)
            throw new ExplainedError(
              'AccountNeeded',
              `${trail.name} is an organization trail: its logs are kept per member account.`,
              accountsSentence(trail.bucket, members) || undefined,
              'Give --account-id with the account whose logs you want (ls without --date lists the accounts).',
            );
          if (members.root) {
            io.stderr.write(`${trail.name} is an organization trail: these are its member accounts; give --account-id to list one.\n`);
            root = members.root;
          } else root = await resolveTrailLogRoot(clients, trail);
        } else root = await resolveTrailLogRoot(clients, trail, args.accountId ?? trail.account);
      }
      if (args.day) ({ pages, empty: emptyAt } = await dayPages(clients, where, root, args.kind, args.day, args.regions));
      else pages = [await listWholeFolder(clients, { ...where, prefix: root })];
    }
    const nothing = pages.every((page) => page.folders.length === 0 && page.objects.length === 0);
    const emptyPrefix = emptyAt ?? pages[0]?.prefix;
    const empty = nothing && emptyPrefix !== undefined ? await explainEmptyListing(clients, { ...where, prefix: emptyPrefix }) : undefined;
    if (global.json) {
      // The listing keeps its shape; what is there instead goes to stderr.
      io.stdout.write(`${JSON.stringify(pages.length === 1 ? pages[0] : pages, null, 2)}\n`);
      if (empty) io.stderr.write(`${emptyText(empty)}\n`);
    } else if (empty) io.stdout.write(`${emptyText(empty)}\n`);
    else io.stdout.write(human(pages));
  },
});
