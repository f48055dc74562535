import * as vscode from 'vscode';
import { listLogFolder, listWholeFolder } from '../../aws/logObjects';
import { formatBytes } from '../../core/formatBytes';
import { kmsKeyTarget, s3ObjectTarget, s3PrefixTarget, targetFromText, trailTarget, type LinkTarget } from '../../core/explain/linkTargets';
import { parseLogObjectKey, trailLogRoot, awsLogsRoot } from '../../core/logs/logLayout';
import type { LogFolder, TrailInfo } from '../../core/model';
import { Commands } from './commandIds';
import { errorText } from '../errorText';
import { logUri } from '../documents/logFileSystem';
import type { AwsSession } from '../session';
import { ObjectNode } from '../tree/trailNodes';
import type { TrailsView } from '../tree/trailsView';

export interface OpenResult {
  opened: boolean;
  uri?: string;
  error?: string;
}

/** Decrypts and shows one log object in a read-only editor. Failures are shown with their explanation. */
export async function openLogObject(session: AwsSession, location: { bucket: string; key: string; region?: string }): Promise<OpenResult> {
  const uri = logUri({ ...location, profile: session.settings().profile });
  try {
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { preview: false });
    return { opened: true, uri: uri.toString() };
  } catch (error) {
    const message = errorText(error)
      .replace(/^Unable to (read|resolve) (file|text model content) .*?\((.*)\)$/s, '$3')
      .replace(/^[A-Za-z]+ \(FileSystemError\): /, '');
    void vscode.window.showErrorMessage(`Could not open s3://${location.bucket}/${location.key}: ${message}`);
    return { opened: false, uri: uri.toString(), error: message };
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
  const title = 'Open CloudTrail Log File';
  try {
    const all = await trails.provider.trails();
    if (all.length === 0) {
      void vscode.window.showInformationMessage(
        'No trails found for the current profile and regions. Choose them with CloudTrail: Select Profile… / Select Regions…',
      );
      return undefined;
    }
    const trailPick = await pick(
      all.map((trail) => ({
        label: trail.name,
        description: `${trail.homeRegion} · s3://${trail.bucket}`,
        detail: trail.kmsKeyArn ? `SSE-KMS ${trail.kmsKeyArn}` : 'SSE-S3',
        trail,
      })),
      'Which trail?',
      title,
    );
    if (!trailPick) return undefined;
    const trail = trailPick.trail;
    const root = trail.isOrganizationTrail ? awsLogsRoot(trail.keyPrefix) : trailLogRoot(trail);
    const regions = await listFolders(session, trail, `${root}CloudTrail/`);
    if (regions.length === 0) {
      void vscode.window.showInformationMessage(`No log files under s3://${trail.bucket}/${root}CloudTrail/ yet.`);
      return undefined;
    }
    const region =
      regions.length === 1
        ? regions[0]
        : (
            await pick(
              regions.map((r) => ({ label: r.name, folder: r })),
              "Which region's logs?",
              title,
            )
          )?.folder;
    if (!region) return undefined;
    const dayPick = await pick(
      recentDays(session, trail, region.prefix).then((days) =>
        days.map((d) => ({ label: dayLabel(d.prefix), description: region.name, folder: d })),
      ),
      'Which day? (most recent first)',
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
      return { label: time ? `${time} UTC` : o.name, description: `${formatBytes(o.size)}${time ? ` · ${o.name}` : ''}`, key: o.key };
    });
    const filePick = await pick(fileItems, `Which file of ${dayLabel(dayPick.folder.prefix)}? (most recent first)`, title);
    if (!filePick) return undefined;
    return openLogObject(session, { bucket: trail.bucket, key: filePick.key, region: trail.homeRegion });
  } catch (error) {
    void vscode.window.showErrorMessage(errorText(error));
    return { opened: false, error: errorText(error) };
  }
}

/** Opens an object, or reveals a trail, key or folder, from a validated target. */
async function followTarget(session: AwsSession, target: LinkTarget): Promise<OpenResult | unknown> {
  switch (target.kind) {
    case 's3Object':
      return openLogObject(session, target);
    case 'trail':
      return vscode.commands.executeCommand(Commands.revealTrail, target);
    case 'kmsKey':
      return vscode.commands.executeCommand(Commands.revealKey, target);
    case 's3Prefix':
      return vscode.commands.executeCommand(Commands.revealS3Prefix, target);
  }
}

/** A target object from a document link, validated again by kind. */
function validateTarget(arg: unknown): LinkTarget {
  const kind = (arg as { kind?: unknown } | undefined)?.kind;
  switch (kind) {
    case 'trail':
      return trailTarget(arg);
    case 'kmsKey':
      return kmsKeyTarget(arg);
    case 's3Object':
      return s3ObjectTarget(arg);
    case 's3Prefix':
      return s3PrefixTarget(arg);
    default:
      throw new Error('This link names nothing the CloudTrail view can show.');
  }
}

export function registerLogCommands(context: vscode.ExtensionContext, session: AwsSession, trails: TrailsView): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.openLog, (arg: unknown) => {
      try {
        const target = s3ObjectTarget(arg);
        return openLogObject(session, target);
      } catch (error) {
        void vscode.window.showErrorMessage(errorText(error));
        return { opened: false, error: errorText(error) };
      }
    }),
    vscode.commands.registerCommand(Commands.openTreeItem, (node?: unknown) => {
      const target = node ?? trails.view.selection[0];
      if (!(target instanceof ObjectNode))
        return void vscode.window.showInformationMessage('Select a log file in the Trails view to open it.');
      return openLogObject(session, { bucket: target.bucket, key: target.object.key, region: target.trail.homeRegion });
    }),
    vscode.commands.registerCommand(Commands.openLogFile, () => openLogFileWizard(session, trails)),
    vscode.commands.registerCommand(Commands.openS3Location, async (given?: unknown) => {
      const text =
        typeof given === 'string'
          ? given
          : await vscode.window.showInputBox({
              title: 'Open S3 URI or ARN',
              prompt:
                'An s3:// URI or S3 object ARN opens and decrypts that log file; a folder, trail ARN or KMS key ARN is revealed in the Trails view.',
              placeHolder: 's3://bucket/AWSLogs/111122223333/CloudTrail/us-east-1/2026/01/31/….json.gz',
              ignoreFocusOut: true,
              validateInput: (value) =>
                value.trim() === '' || targetFromText(value)
                  ? undefined
                  : 'Paste s3://bucket/key, arn:aws:s3:::bucket/key, a trail ARN or a KMS key ARN.',
            });
      if (text === undefined) return undefined;
      const target = targetFromText(text);
      if (!target) {
        void vscode.window.showErrorMessage(`Not an S3 URI or ARN: ${text.slice(0, 200)}`);
        return { opened: false, error: 'not an S3 URI or ARN' };
      }
      return followTarget(session, target);
    }),
    vscode.commands.registerCommand(Commands.openTarget, (arg: unknown) => {
      try {
        return followTarget(session, validateTarget(arg));
      } catch (error) {
        void vscode.window.showErrorMessage(errorText(error));
        return { opened: false, error: errorText(error) };
      }
    }),
  );
}
