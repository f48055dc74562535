/**
 * The children of a folder by its level in the CloudTrail layout: organizations and accounts (with names where
 * Organizations gives them), log kinds, regions, days newest first (a month or so at a time), files newest first.
 * Every listing takes the load's AbortSignal, so a loading node can be cancelled; failures throw (the provider turns
 * them into a retryable error node).
 */
import * as vscode from 'vscode';
import type { AwsClients } from '../../aws/clients';
import { DayPager } from '../../aws/logDays';
import { listLogFolder, listWholeFolder } from '../../aws/logObjects';
import type { AccountNames } from '../../aws/organizations';
import { isAccountId } from '../../core/arn';
import { isOrganizationId, LOG_KINDS, parseLogObjectKey } from '../../core/logs/logLayout';
import { describeLogPrefix } from '../../core/logs/logLevels';
import type { LogFolder, LogObject } from '../../core/model';
import { FolderNode, ObjectNode, type AccountFacts, type FolderMore, type LogSource } from './folderNodes';
import { newestFirstObjects, sharedMinutes } from './labels';
import { InfoNode } from './statusNodes';
import type { TrailsNode } from './trailNodes';

/** Files of one day listed at most (100 pages): a day of 5-minute deliveries in one region is about 300. */
const MAX_DAY_PAGES = 100;
/** Organizations, accounts, kinds, regions: whole levels, at most 10 pages (10,000 accounts). */
const MAX_LEVEL_PAGES = 10;
/** How long a listing of accounts waits for their names before showing ids (names fill in when they come). */
const NAMES_WAIT_MS = 3_000;

export interface LevelContext {
  clients: AwsClients;
  pageSize: number;
  signal: AbortSignal;
  /** The caller's account, when known. */
  viewer?: string;
  /** Account names from Organizations (cached by the provider). */
  accountNames(): Promise<AccountNames>;
  /** Called when something shown changed after the listing returned (names arrived late). */
  changed(node: TrailsNode): void;
}

export interface Listed {
  nodes: TrailsNode[];
  more?: FolderMore;
}

function where(source: LogSource, prefix: string) {
  return { bucket: source.bucket, prefix, region: source.region };
}

function byName(a: LogFolder, b: LogFolder): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** The roles an account plays for the viewer: the organization's management account, the caller's own. */
function roles(account: string, source: LogSource, viewer: string | undefined): string[] {
  const out: string[] = [];
  if (source.trail?.isOrganizationTrail && source.trail.account === account) out.push(vscode.l10n.t('management account'));
  if (viewer === account) out.push(vscode.l10n.t('your account'));
  return out;
}

/** Organizations and accounts (AWSLogs/ or an organization folder), account names filled in where readable. */
async function accountLevel(parent: TrailsNode, source: LogSource, prefix: string, ctx: LevelContext): Promise<Listed> {
  const namesLoad = ctx.accountNames();
  const page = await listWholeFolder(ctx.clients, where(source, prefix), { signal: ctx.signal, maxPages: MAX_LEVEL_PAGES });
  const folders = [...page.folders].sort(byName);
  const organizations = folders.filter((f) => isOrganizationId(f.name));
  const accounts = folders.filter((f) => isAccountId(f.name));
  const others = folders.filter((f) => !isOrganizationId(f.name) && !isAccountId(f.name));
  const accountNodes = accounts.map((folder) => {
    const node = new FolderNode(parent, source, folder.prefix);
    node.account = { roles: roles(folder.name, source, ctx.viewer) } satisfies AccountFacts;
    return node;
  });
  const nodes: TrailsNode[] = [
    ...organizations.map((folder) => new FolderNode(parent, source, folder.prefix)),
    ...accountNodes,
    ...others.map((folder) => new FolderNode(parent, source, folder.prefix)),
    ...page.objects.map((object) => new ObjectNode(parent, source, object)),
  ];
  if (accountNodes.length > 0) {
    const apply = (names: AccountNames): InfoNode | undefined => {
      for (const node of accountNodes) {
        const name = names.names.get(node.name);
        if (name && node.account) node.account.name = name;
      }
      const unnamed = accountNodes.filter((node) => !node.account?.name).length;
      return names.unavailable && unnamed > 0
        ? new InfoNode(parent, vscode.l10n.t('Accounts shown by id: their names are not readable here'), names.unavailable)
        : undefined;
    };
    let timer: ReturnType<typeof setTimeout> | undefined;
    const early = await Promise.race([
      namesLoad.then(apply, () => undefined).then((info) => ({ info })),
      new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), NAMES_WAIT_MS))),
    ]);
    clearTimeout(timer);
    if (early?.info) nodes.unshift(early.info);
    else if (!early)
      void namesLoad.then((names) => {
        apply(names);
        for (const node of accountNodes) ctx.changed(node);
      });
  }
  return { nodes };
}

/** CloudTrail, CloudTrail-Digest, CloudTrail-Insight first (in that order), anything else after. */
async function kindLevel(parent: TrailsNode, source: LogSource, prefix: string, ctx: LevelContext): Promise<Listed> {
  const page = await listWholeFolder(ctx.clients, where(source, prefix), { signal: ctx.signal, maxPages: MAX_LEVEL_PAGES });
  const rank = (name: string): number => {
    const at = (LOG_KINDS as readonly string[]).indexOf(name);
    return at === -1 ? LOG_KINDS.length : at;
  };
  const folders = [...page.folders].sort((a, b) => rank(a.name) - rank(b.name) || byName(a, b));
  return {
    nodes: [
      ...folders.map((folder) => new FolderNode(parent, source, folder.prefix)),
      ...page.objects.map((object) => new ObjectNode(parent, source, object)),
    ],
  };
}

/** A page of a region's days, newest first (whole months: about 31 days or more). */
export async function dayPage(parent: FolderNode, pager: DayPager, signal: AbortSignal): Promise<Listed> {
  const page = await pager.next(31, signal);
  const nodes: TrailsNode[] = [
    ...page.days.map((day) => new FolderNode(parent, parent.source, day.prefix)),
    ...page.others.map((folder) => new FolderNode(parent, parent.source, folder.prefix)),
  ];
  return { nodes, ...(page.more ? { more: { kind: 'days' as const, pager } } : {}) };
}

/** The next `pageSize` files of a day listed already, with the rest kept for "Load more…". */
export function filePage(parent: FolderNode | TrailsNode, source: LogSource, files: LogObject[], pageSize: number): Listed {
  const shown = files.slice(0, pageSize);
  const shared = sharedMinutes(files);
  const nodes = shown.map(
    (object) => new ObjectNode(parent, source, object, shared.has(parseLogObjectKey(object.key)?.deliveryTime?.slice(0, 16) ?? '')),
  );
  const rest = files.slice(pageSize);
  return { nodes, ...(rest.length > 0 ? { more: { kind: 'files' as const, rest } } : {}) };
}

/** The files of a day, newest first (the whole day is listed: S3 lists oldest first), other folders after. */
async function dayLevel(parent: FolderNode, prefix: string, ctx: LevelContext): Promise<Listed> {
  const page = await listWholeFolder(ctx.clients, where(parent.source, prefix), { signal: ctx.signal, maxPages: MAX_DAY_PAGES });
  const listed = filePage(parent, parent.source, newestFirstObjects(page.objects), ctx.pageSize);
  listed.nodes.push(...page.folders.map((folder) => new FolderNode(parent, parent.source, folder.prefix)));
  if (page.nextToken)
    listed.nodes.push(
      new InfoNode(
        parent,
        vscode.l10n.t('Only the first {0} files of this folder were listed', page.objects.length),
        vscode.l10n.t(
          'The folder holds more than {0} objects; the newest of those listed come first. List it with the CLI (cloudtrail-kms ls) to see the rest.',
          page.objects.length,
        ),
        'warning',
      ),
    );
  return listed;
}

/** Years or months: newest first. */
async function digitLevel(parent: FolderNode, prefix: string, ctx: LevelContext): Promise<Listed> {
  const page = await listWholeFolder(ctx.clients, where(parent.source, prefix), { signal: ctx.signal, maxPages: MAX_LEVEL_PAGES });
  const folders = [...page.folders].sort((a, b) => byName(b, a));
  return {
    nodes: [
      ...folders.map((folder) => new FolderNode(parent, parent.source, folder.prefix)),
      ...page.objects.map((object) => new ObjectNode(parent, parent.source, object)),
    ],
  };
}

/** Any other folder: a page at a time in S3's order. */
export async function s3Page(
  parent: FolderNode | TrailsNode,
  source: LogSource,
  prefix: string,
  ctx: LevelContext,
  token?: string,
): Promise<Listed> {
  const page = await listLogFolder(ctx.clients, where(source, prefix), {
    pageSize: ctx.pageSize,
    signal: ctx.signal,
    ...(token ? { continuationToken: token } : {}),
  });
  return {
    nodes: [
      ...page.folders.map((folder) => new FolderNode(parent, source, folder.prefix)),
      ...page.objects.map((object) => new ObjectNode(parent, source, object)),
    ],
    ...(page.nextToken ? { more: { kind: 's3' as const, token: page.nextToken } } : {}),
  };
}

/** The children of the folder at `prefix`, shown under `parent` (the folder itself, or a trail or location standing for it). */
export async function levelChildren(parent: TrailsNode, source: LogSource, prefix: string, ctx: LevelContext): Promise<Listed> {
  const level = describeLogPrefix(prefix).level;
  if (level === 'awsLogs' || level === 'organization') return accountLevel(parent, source, prefix, ctx);
  if (level === 'account') return kindLevel(parent, source, prefix, ctx);
  if (level === 'kind') return kindLevel(parent, source, prefix, ctx);
  if (parent instanceof FolderNode && parent.prefix === prefix) {
    if (level === 'region') return dayPage(parent, new DayPager(ctx.clients, where(source, prefix)), ctx.signal);
    if (level === 'day') return dayLevel(parent, prefix, ctx);
    if (level === 'year' || level === 'month') return digitLevel(parent, prefix, ctx);
  }
  return s3Page(parent, source, prefix, ctx);
}
