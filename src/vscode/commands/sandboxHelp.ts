import * as vscode from 'vscode';
import { Commands } from './commandIds';
import { registerCommand } from './command';

/** Opens the short guide to the local sandbox (media/sandbox.md) as a rendered Markdown preview. */
export function registerSandboxHelp(context: vscode.ExtensionContext): void {
  registerCommand(
    context,
    Commands.showSandboxHelp,
    { area: 'ui', failure: vscode.l10n.t('Could not open the sandbox guide'), failed: () => undefined },
    async () => {
      const uri = vscode.Uri.joinPath(context.extensionUri, 'media', 'sandbox.md');
      try {
        await vscode.commands.executeCommand('markdown.showPreview', uri);
      } catch {
        await vscode.window.showTextDocument(uri, { preview: true });
      }
      return uri.toString();
    },
  );
}
