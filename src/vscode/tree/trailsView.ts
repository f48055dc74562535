import * as vscode from 'vscode';
import { s3Arn, s3Uri } from '../../core/arn';
import { keyConsoleUrl, s3ConsoleUrl, trailConsoleUrl } from '../../core/consoleUrls';
import { kmsKeyTarget, s3ObjectTarget, s3PrefixTarget, trailTarget } from '../../core/explain/linkTargets';
import { Commands } from '../commands/commandIds';
import { registerCommand, type CommandSpec } from '../commands/command';
import { decryptionFacts, onDidChangeDecryptionFacts } from '../documents/decryptionFacts';
import { locationOf } from '../documents/logFileSystem';
import { LOG_SCHEME } from '../../core/logs/logUri';
import { log } from '../log';
import type { AwsSession } from '../session';
import { translateLabels } from './labels';
import { registerLocationCommands } from './locationCommands';
import { noteDecryption } from './locationKeys';
import { PinnedLocations } from './pinnedLocations';
import {
  ErrorNode,
  FolderNode,
  KeyNode,
  KeysNode,
  LoadingNode,
  LoadMoreNode,
  LocationNode,
  ObjectNode,
  TrailNode,
  type TrailsNode,
} from './trailNodes';
import { TrailsRevealer, type RevealResult } from './trailsReveal';
import { TRAILS_VIEW_ID, TrailsProvider } from './trailsTree';

export interface TrailsView {
  provider: TrailsProvider;
  view: vscode.TreeView<TrailsNode>;
  revealer: TrailsRevealer;
}

function arnOf(node: TrailsNode | undefined): string | undefined {
  if (node instanceof TrailNode) return node.trail.arn;
  if (node instanceof KeyNode) return node.keyArn;
  if (node instanceof ObjectNode) return s3Arn({ bucket: node.bucket, key: node.object.key });
  if (node instanceof FolderNode) return s3Arn({ bucket: node.bucket, key: node.prefix });
  if (node instanceof LocationNode) return s3Arn({ bucket: node.bucket, key: node.prefix });
  return undefined;
}

function s3UriOf(node: TrailsNode | undefined): string | undefined {
  if (node instanceof ObjectNode) return s3Uri({ bucket: node.bucket, key: node.object.key });
  if (node instanceof FolderNode) return s3Uri({ bucket: node.bucket, key: node.prefix });
  if (node instanceof TrailNode) return s3Uri({ bucket: node.trail.bucket, key: node.trail.keyPrefix ? `${node.trail.keyPrefix}/` : '' });
  if (node instanceof LocationNode) return node.uri;
  return undefined;
}

function consoleUrlOf(node: TrailsNode | undefined): string | undefined {
  if (node instanceof TrailNode) return trailConsoleUrl(node.trail.arn);
  if (node instanceof KeyNode) return keyConsoleUrl(node.keyArn);
  if (node instanceof ObjectNode) return s3ConsoleUrl(node.bucket, node.object.key, node.region);
  if (node instanceof FolderNode) return s3ConsoleUrl(node.bucket, node.prefix, node.region);
  if (node instanceof LocationNode) return s3ConsoleUrl(node.bucket, node.prefix);
  return undefined;
}

/** The sidebar tree `cloudtrailKms.trails`, its context-menu commands and the reveal commands used by links. */
export function registerTrailsView(context: vscode.ExtensionContext, session: AwsSession): TrailsView {
  translateLabels(vscode.l10n);
  const pinned = new PinnedLocations(context.globalState);
  const provider = new TrailsProvider(session, pinned);
  const view = vscode.window.createTreeView(TRAILS_VIEW_ID, { treeDataProvider: provider.viewProvider(), showCollapseAll: true });
  provider.view = view;
  const revealer = new TrailsRevealer(provider, view);
  const selected = (node: TrailsNode | undefined): TrailsNode | undefined => node ?? view.selection[0];
  // The key that decrypted a log opened from a pinned location is shown under that location.
  const noteKey = (uri: vscode.Uri): void => {
    const sse = uri.scheme === LOG_SCHEME ? decryptionFacts(uri) : undefined;
    if (!sse) return;
    void noteDecryption(provider, session, locationOf(uri), sse).catch((error: unknown) => log().warn(`[tree] ${String(error)}`));
  };
  context.subscriptions.push(
    provider,
    view,
    session.onDidChange(() => provider.refresh()),
    onDidChangeDecryptionFacts(noteKey),
    // A log still in memory is shown again without being read (no decryption event): note its key when it is shown.
    vscode.window.onDidChangeActiveTextEditor((editor) => editor && noteKey(editor.document.uri)),
  );
  const tree = { area: 'tree', failure: vscode.l10n.t('Could not do that in the Trails view'), failed: () => undefined };
  // From a node's menu: that node again. From the title bar (no node): the whole view, with progress in the view.
  registerCommand(context, Commands.refresh, tree, (node?: TrailsNode) =>
    node instanceof TrailNode || node instanceof FolderNode || node instanceof KeysNode || node instanceof LocationNode
      ? provider.refresh(node)
      : provider.reloadAll(),
  );
  registerCommand(context, Commands.cancelLoading, tree, (node: unknown) =>
    node instanceof LoadingNode ? provider.cancel(node) : undefined,
  );
  registerLocationCommands(context, session, provider, pinned);
  registerCommand(context, Commands.loadMore, tree, (node: unknown) =>
    node instanceof LoadMoreNode ? provider.loadMore(node) : undefined,
  );
  registerCommand(context, Commands.retry, tree, (node: unknown) =>
    node instanceof ErrorNode ? provider.retry(node) : provider.refresh(),
  );
  // The whole explanation of an error row was logged when it failed (area [tree], [s3], …): show it there.
  registerCommand(context, Commands.showTreeErrorDetails, tree, (node: unknown) => {
    log().show(true);
    return node instanceof ErrorNode ? node.message : undefined;
  });
  registerCommand(context, Commands.copyArn, tree, async (node?: TrailsNode) => {
    const arn = arnOf(selected(node));
    if (!arn)
      return void vscode.window.showInformationMessage(
        vscode.l10n.t('Select a trail, key, folder or log file in the Trails view to copy its ARN.'),
      );
    await vscode.env.clipboard.writeText(arn);
    return arn;
  });
  registerCommand(context, Commands.copyS3Uri, tree, async (node?: TrailsNode) => {
    const uri = s3UriOf(selected(node));
    if (!uri) return void vscode.window.showInformationMessage(vscode.l10n.t('Select a trail, folder or log file to copy its S3 URI.'));
    await vscode.env.clipboard.writeText(uri);
    return uri;
  });
  registerCommand(context, Commands.openInConsole, tree, async (node?: TrailsNode) => {
    const url = consoleUrlOf(selected(node));
    if (!url)
      return void vscode.window.showInformationMessage(
        vscode.l10n.t('Select a trail, key, folder or log file to open it in the AWS Console.'),
      );
    await vscode.env.openExternal(vscode.Uri.parse(url, true));
    return url;
  });
  // Reveals come from hover and document links: a forged argument is refused (BadLinkError), never followed.
  const reveal: CommandSpec<RevealResult> = {
    area: 'tree',
    failure: vscode.l10n.t('Could not reveal that in the Trails view'),
    failed: (message) => ({ revealed: false, ...(message !== undefined ? { message } : {}) }),
  };
  registerCommand(context, Commands.revealTrail, reveal, (arg: unknown) => revealer.reveal(trailTarget(arg)));
  registerCommand(context, Commands.revealKey, reveal, (arg: unknown) => revealer.reveal(kmsKeyTarget(arg)));
  registerCommand(context, Commands.revealS3Prefix, reveal, (arg: unknown) => revealer.reveal(s3PrefixTarget(arg)));
  registerCommand(context, Commands.revealS3Object, reveal, (arg: unknown) => revealer.reveal(s3ObjectTarget(arg)));
  return { provider, view, revealer };
}
