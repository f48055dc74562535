import * as vscode from 'vscode';
import { s3Arn, s3Uri } from '../../core/arn';
import { keyConsoleUrl, s3ConsoleUrl, trailConsoleUrl } from '../../core/consoleUrls';
import { kmsKeyTarget, s3ObjectTarget, s3PrefixTarget, trailTarget, type LinkTarget } from '../../core/explain/linkTargets';
import { Commands } from '../commands/commandIds';
import { errorText } from '../errorText';
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

function consoleUrlOf(node: TrailsNode | undefined): string | undefined {
  if (node instanceof TrailNode) return trailConsoleUrl(node.trail.arn);
  if (node instanceof KeyNode) return keyConsoleUrl(node.keyArn);
  if (node instanceof ObjectNode) return s3ConsoleUrl(node.bucket, node.object.key, node.trail.homeRegion);
  if (node instanceof FolderNode) return s3ConsoleUrl(node.bucket, node.prefix, node.trail.homeRegion);
  return undefined;
}

/** Runs a reveal with validated arguments; a forged argument is reported, not followed. */
async function revealValidated(revealer: TrailsRevealer, validate: () => LinkTarget): Promise<RevealResult> {
  let target: LinkTarget;
  try {
    target = validate();
  } catch (error) {
    void vscode.window.showErrorMessage(errorText(error));
    return { revealed: false, message: errorText(error) };
  }
  return revealer.reveal(target);
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
    vscode.commands.registerCommand(Commands.refresh, (node?: TrailsNode) =>
      provider.refresh(node instanceof TrailNode || node instanceof FolderNode || node instanceof KeysNode ? node : undefined),
    ),
    vscode.commands.registerCommand(Commands.loadMore, (node: unknown) =>
      node instanceof LoadMoreNode ? provider.loadMore(node) : undefined,
    ),
    vscode.commands.registerCommand(Commands.retry, (node: unknown) =>
      node instanceof ErrorNode ? provider.retry(node) : provider.refresh(),
    ),
    vscode.commands.registerCommand(Commands.copyArn, async (node?: TrailsNode) => {
      const arn = arnOf(selected(node));
      if (!arn)
        return void vscode.window.showInformationMessage('Select a trail, key, folder or log file in the Trails view to copy its ARN.');
      await vscode.env.clipboard.writeText(arn);
      return arn;
    }),
    vscode.commands.registerCommand(Commands.copyS3Uri, async (node?: TrailsNode) => {
      const target = selected(node);
      const uri =
        target instanceof ObjectNode
          ? s3Uri({ bucket: target.bucket, key: target.object.key })
          : target instanceof FolderNode
            ? s3Uri({ bucket: target.bucket, key: target.prefix })
            : target instanceof TrailNode
              ? s3Uri({ bucket: target.trail.bucket, key: target.trail.keyPrefix ? `${target.trail.keyPrefix}/` : '' })
              : undefined;
      if (!uri) return void vscode.window.showInformationMessage('Select a trail, folder or log file to copy its S3 URI.');
      await vscode.env.clipboard.writeText(uri);
      return uri;
    }),
    vscode.commands.registerCommand(Commands.openInConsole, async (node?: TrailsNode) => {
      const url = consoleUrlOf(selected(node));
      if (!url) return void vscode.window.showInformationMessage('Select a trail, key, folder or log file to open it in the AWS Console.');
      await vscode.env.openExternal(vscode.Uri.parse(url, true));
      return url;
    }),
    vscode.commands.registerCommand(Commands.revealTrail, (arg: unknown) => revealValidated(revealer, () => trailTarget(arg))),
    vscode.commands.registerCommand(Commands.revealKey, (arg: unknown) => revealValidated(revealer, () => kmsKeyTarget(arg))),
    vscode.commands.registerCommand(Commands.revealS3Prefix, (arg: unknown) => revealValidated(revealer, () => s3PrefixTarget(arg))),
    vscode.commands.registerCommand(Commands.revealS3Object, (arg: unknown) => revealValidated(revealer, () => s3ObjectTarget(arg))),
  );
  return { provider, view, revealer };
}
