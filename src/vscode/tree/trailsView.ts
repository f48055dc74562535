import * as vscode from 'vscode';
import { s3Arn, s3Uri } from '../../core/arn';
import { keyConsoleUrl, s3ConsoleUrl, trailConsoleUrl } from '../../core/consoleUrls';
import { kmsKeyTarget, s3ObjectTarget, s3PrefixTarget, trailTarget } from '../../core/explain/linkTargets';
import { Commands } from '../commands/commandIds';
import { registerCommand, type CommandSpec } from '../commands/command';
import type { AwsSession } from '../session';
import { ErrorNode, FolderNode, KeyNode, KeysNode, LoadMoreNode, ObjectNode, TrailNode, type TrailsNode } from './trailNodes';
import { TrailsRevealer, type RevealResult } from './trailsReveal';
import { TrailsProvider } from './trailsTree';

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
  return undefined;
}

function s3UriOf(node: TrailsNode | undefined): string | undefined {
  if (node instanceof ObjectNode) return s3Uri({ bucket: node.bucket, key: node.object.key });
  if (node instanceof FolderNode) return s3Uri({ bucket: node.bucket, key: node.prefix });
  if (node instanceof TrailNode) return s3Uri({ bucket: node.trail.bucket, key: node.trail.keyPrefix ? `${node.trail.keyPrefix}/` : '' });
  return undefined;
}

function consoleUrlOf(node: TrailsNode | undefined): string | undefined {
  if (node instanceof TrailNode) return trailConsoleUrl(node.trail.arn);
  if (node instanceof KeyNode) return keyConsoleUrl(node.keyArn);
  if (node instanceof ObjectNode) return s3ConsoleUrl(node.bucket, node.object.key, node.trail.homeRegion);
  if (node instanceof FolderNode) return s3ConsoleUrl(node.bucket, node.prefix, node.trail.homeRegion);
  return undefined;
}

/** The sidebar tree `cloudtrailKms.trails`, its context-menu commands and the reveal commands used by links. */
export function registerTrailsView(context: vscode.ExtensionContext, session: AwsSession): TrailsView {
  const provider = new TrailsProvider(session);
  const view = vscode.window.createTreeView('cloudtrailKms.trails', { treeDataProvider: provider, showCollapseAll: true });
  const revealer = new TrailsRevealer(provider, view);
  const selected = (node: TrailsNode | undefined): TrailsNode | undefined => node ?? view.selection[0];
  context.subscriptions.push(
    provider,
    view,
    session.onDidChange(() => provider.refresh()),
  );
  const tree = { area: 'tree', failure: vscode.l10n.t('Could not do that in the Trails view'), failed: () => undefined };
  registerCommand(context, Commands.refresh, tree, (node?: TrailsNode) =>
    provider.refresh(node instanceof TrailNode || node instanceof FolderNode || node instanceof KeysNode ? node : undefined),
  );
  registerCommand(context, Commands.loadMore, tree, (node: unknown) =>
    node instanceof LoadMoreNode ? provider.loadMore(node) : undefined,
  );
  registerCommand(context, Commands.retry, tree, (node: unknown) =>
    node instanceof ErrorNode ? provider.retry(node) : provider.refresh(),
  );
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
