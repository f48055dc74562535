/**
 * Opening logs: a log object from a link or the tree (decrypted by the cloudtrail-log file system), the Open Log File…
 * wizard (trail → region → day → file), Open S3 URI or ARN…, and the targets of document links.
 */
import * as vscode from 'vscode';
import { listLogFolder, listWholeFolder } from '../../aws/logObjects';
import { ExplainedError, isCancelled } from '../../core/errors';
import { checkedTarget, s3ObjectTarget, targetFromText, type LinkTarget } from '../../core/explain/linkTargets';
import { formatBytes } from '../../core/formatBytes';
import { awsLogsRoot, parseLogObjectKey, trailLogRoot } from '../../core/logs/logLayout';
import type { LogFolder, TrailInfo } from '../../core/model';
import { LOG_SCHEME } from '../../core/logs/logUri';
import { isTooLargeForExtensions, locationOf, logUri, rememberBucketRegion, takeReadFailure } from '../documents/logFileSystem';
import { errorText, splitFirstSentence } from '../errorText';
import type { AwsSession } from '../session';
import { readSettings } from '../settings';
import { ObjectNode } from '../tree/trailNodes';
import type { TrailsView } from '../tree/trailsView';
import { Commands } from './commandIds';
import { registerCommand, type CommandSpec } from './command';
import { NO_TRAILS, pickTrail } from './trailArgument';

export interface OpenResult {
  opened: boolean;
  uri?: string;
  /** Shown by the editor alone: too large for VS Code to pass to the extension (no hovers, outline, links). */
  withoutExtension?: boolean;
  error?: string;
}

/**
 * The tab of this object's document as `profile` read it, if there is one (its URI may be an older form with a region).
 * A tab another profile's credentials decrypted is not it.
 */
function openTabOf(
  location: { bucket: string; key: string },
  profile: string | undefined,
): { uri: vscode.Uri; viewColumn: vscode.ViewColumn } | undefined {
  for (const group of vscode.window.tabGroups.all) {
    for (const tab of group.tabs) {
      const uri = tab.input instanceof vscode.TabInputText ? tab.input.uri : undefined;
      if (uri?.scheme !== LOG_SCHEME) continue;
      try {
        const open = locationOf(uri);
        if (open.bucket === location.bucket && open.key === location.key && open.profile === profile)
          return { uri, viewColumn: group.viewColumn };
      } catch {
        // not one of ours after all
      }
    }
  }
  return undefined;
}

/**
 * Decrypts and shows one log object in a read-only editor — or, when it is open already, shows its tab: one document
 * per object. Throws the file system's explanation of a failure (with its actions), not VS Code's wrapping of it.
 */
export async function openLogObject(location: { bucket: string; key: string; region?: string }): Promise<OpenResult> {
  rememberBucketRegion(location.bucket, location.region);
  const profile = readSettings().profile || undefined;
  const open = openTabOf(location, profile);
  const uri = open?.uri ?? logUri(location, profile);
  try {
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { preview: false, ...(open ? { viewColumn: open.viewColumn } : {}) });
    return { opened: true, uri: uri.toString() };
  } catch (error) {
    if (isTooLargeForExtensions(uri)) {
      // VS Code refuses the extension documents above 50 MiB, but its editor shows them (the read told the user why
      // hovers, outline and links are off).
      await vscode.commands.executeCommand('vscode.open', uri, { preview: false, ...(open ? { viewColumn: open.viewColumn } : {}) });
      return { opened: true, uri: uri.toString(), withoutExtension: true };
    }
    const original = takeReadFailure(uri);
    if (original instanceof ExplainedError || isCancelled(original)) throw original;
    // The file system's explanation (its own [s3] log line has it too), without VS Code's wrapping.
    const [what, rest] = splitFirstSentence(errorText(original ?? error));
    throw new ExplainedError('OpenFailed', what, rest || undefined, undefined, original ?? error);
  }
}

async function listFolders(session: AwsSession, trail: TrailInfo, prefix: string): Promise<LogFolder[]> {
  const page = await listLogFolder(session.clients(), { bucket: trail.bucket, prefix, region: trail.homeRegion }, { pageSize: 1000 });
  return page.folders;
}

/** The most recent days with logs in one region: years, months and days listed newest first. */
async function recentDays(session: AwsSession, trail: TrailInfo, regionPrefix: string, limit = 31): Promise<LogFolder[]> {
  const days: LogFolder[] = [];
  for (const year of (await listFolders(session, trail, regionPrefix)).reverse()) {
    for (const month of (await listFolders(session, trail, year.prefix)).reverse()) {
      for (const day of (await listFolders(session, trail, month.prefix)).reverse()) {
        days.push(day);
        if (days.length >= limit) return days;
      }
    }
  }
  return days;
}

function dayLabel(prefix: string): string {
  const match = /(\d{4})\/(\d{2})\/(\d{2})\/$/.exec(prefix);
  return match ? `${match[1]}-${match[2]}-${match[3]}` : prefix;
}

async function pick<T extends vscode.QuickPickItem>(items: T[] | Promise<T[]>, placeHolder: string, title: string): Promise<T | undefined> {
  return vscode.window.showQuickPick(items, { placeHolder, title, ignoreFocusOut: true, matchOnDescription: true });
}

/** Open Log File…: trail → region → day (recent first) → file. */
async function openLogFileWizard(session: AwsSession, trails: TrailsView): Promise<OpenResult | undefined> {
  const title = vscode.l10n.t('Open CloudTrail Log File');
  const trail = await pickTrail(trails, title, () => true, NO_TRAILS);
  if (!trail) return undefined;
  const root = trail.isOrganizationTrail ? awsLogsRoot(trail.keyPrefix) : trailLogRoot(trail);
  const regions = await listFolders(session, trail, `${root}CloudTrail/`);
  if (regions.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No log files under {0} yet.', `s3://${trail.bucket}/${root}CloudTrail/`));
    return undefined;
  }
  const region =
    regions.length === 1
      ? regions[0]
      : (
          await pick(
            regions.map((r) => ({ label: r.name, folder: r })),
            vscode.l10n.t("Which region's logs?"),
            title,
          )
        )?.folder;
  if (!region) return undefined;
  const dayPick = await pick(
    recentDays(session, trail, region.prefix).then((days) =>
      days.map((d) => ({ label: dayLabel(d.prefix), description: region.name, folder: d })),
    ),
    vscode.l10n.t('Which day? (most recent first)'),
    title,
  );
  if (!dayPick) return undefined;
  // The whole day (⌈n/1000⌉ requests): the newest files are on the last page, and they are the ones people want.
  const files = await listWholeFolder(session.clients(), {
    bucket: trail.bucket,
    prefix: dayPick.folder.prefix,
    region: trail.homeRegion,
  });
  const fileItems = [...files.objects].reverse().map((o) => {
    const parsed = parseLogObjectKey(o.key);
    const time = parsed?.deliveryTime?.slice(11, 16);
    return {
      label: time ? vscode.l10n.t('{0} UTC', time) : o.name,
      description: `${formatBytes(o.size)}${time ? ` · ${o.name}` : ''}`,
      key: o.key,
    };
  });
  const filePick = await pick(fileItems, vscode.l10n.t('Which file of {0}? (most recent first)', dayLabel(dayPick.folder.prefix)), title);
  if (!filePick) return undefined;
  return openLogObject({ bucket: trail.bucket, key: filePick.key, region: trail.homeRegion });
}

/** Opens an object, or reveals a trail, key or folder, from a validated target. */
async function followTarget(target: LinkTarget): Promise<OpenResult | unknown> {
  switch (target.kind) {
    case 's3Object':
      return openLogObject(target);
    case 'trail':
      return vscode.commands.executeCommand(Commands.revealTrail, target);
    case 'kmsKey':
      return vscode.commands.executeCommand(Commands.revealKey, target);
    case 's3Prefix':
      return vscode.commands.executeCommand(Commands.revealS3Prefix, target);
  }
}

const OPEN: CommandSpec<OpenResult> = {
  area: 's3',
  failure: vscode.l10n.t('Could not open the log file'),
  failed: (error) => ({ opened: false, ...(error !== undefined ? { error } : {}) }),
};

async function openS3Location(given: unknown): Promise<OpenResult | unknown> {
  const text =
    typeof given === 'string'
      ? given
      : await vscode.window.showInputBox({
          title: vscode.l10n.t('Open S3 URI or ARN'),
          prompt: vscode.l10n.t(
            'An s3:// URI or S3 object ARN opens and decrypts that log file; a folder, trail ARN or KMS key ARN is revealed in the Trails view.',
          ),
          placeHolder: 's3://bucket/AWSLogs/111122223333/CloudTrail/us-east-1/2026/01/31/….json.gz',
          ignoreFocusOut: true,
          validateInput: (value) =>
            value.trim() === '' || targetFromText(value)
              ? undefined
              : vscode.l10n.t('Paste s3://bucket/key, arn:aws:s3:::bucket/key, a trail ARN or a KMS key ARN.'),
        });
  if (text === undefined) return undefined;
  const target = targetFromText(text);
  if (!target) throw new ExplainedError('NotALocation', vscode.l10n.t('Not an S3 URI or ARN: {0}', text.slice(0, 200)));
  return followTarget(target);
}

export function registerOpenLog(context: vscode.ExtensionContext, session: AwsSession, trails: TrailsView): void {
  registerCommand(context, Commands.openLog, OPEN, (arg: unknown) => openLogObject(s3ObjectTarget(arg)));
  registerCommand(context, Commands.openTreeItem, OPEN, (node?: unknown) => {
    const target = node ?? trails.view.selection[0];
    if (!(target instanceof ObjectNode))
      return void vscode.window.showInformationMessage(vscode.l10n.t('Select a log file in the Trails view to open it.'));
    return openLogObject({ bucket: target.bucket, key: target.object.key, region: target.region });
  });
  registerCommand(context, Commands.openLogFile, OPEN, () => openLogFileWizard(session, trails));
  registerCommand(context, Commands.openS3Location, OPEN, (given?: unknown) => openS3Location(given));
  registerCommand(context, Commands.openTarget, OPEN, (arg: unknown) => followTarget(checkedTarget(arg)));
}
