import * as vscode from 'vscode';
import { parseArn } from '../core/arn';
import { LOG_SCHEME } from '../core/logs/logUri';
import { Commands } from './commands/commandIds';
import { decryptionFacts, onDidChangeDecryptionFacts } from './documents/decryptionFacts';
import { sseOnlyMarkdown } from './language/hoverMarkdown';
import type { AwsSession } from './session';

/** Profile and regions, always visible while the extension is active; click to switch profile. */
function registerConnectionItem(context: vscode.ExtensionContext, session: AwsSession): void {
  const item = vscode.window.createStatusBarItem('cloudtrailKms.connection', vscode.StatusBarAlignment.Left, 50);
  item.name = vscode.l10n.t('CloudTrail profile and regions');
  item.command = Commands.selectProfile;
  const update = async (): Promise<void> => {
    const settings = session.settings();
    const regions = settings.regions.length > 0 ? settings.regions : [await session.clients().defaultRegion()];
    const more = regions.length > 1 ? ` +${regions.length - 1}` : '';
    item.text = `$(cloud) ${session.profileLabel()} · ${regions[0]}${more}`;
    item.tooltip = settings.endpointUrl
      ? vscode.l10n.t(
          'CloudTrail KMS: profile {0}, regions {1}, endpoint {2}. Click to choose another profile.',
          session.profileLabel(),
          regions.join(', '),
          settings.endpointUrl,
        )
      : vscode.l10n.t(
          'CloudTrail KMS: profile {0}, regions {1}. Click to choose another profile.',
          session.profileLabel(),
          regions.join(', '),
        );
    item.show();
  };
  void update();
  context.subscriptions.push(
    item,
    session.onDidChange(() => void update()),
  );
}

/** While a decrypted log is the active editor: which KMS key decrypted it (click reveals the key). */
function registerDecryptionItem(context: vscode.ExtensionContext): void {
  const item = vscode.window.createStatusBarItem('cloudtrailKms.decryptedBy', vscode.StatusBarAlignment.Right, 100);
  item.name = vscode.l10n.t('CloudTrail log decrypted by');
  const update = (): void => {
    const uri = vscode.window.activeTextEditor?.document.uri;
    const sse = uri?.scheme === LOG_SCHEME ? decryptionFacts(uri) : undefined;
    if (!sse) return item.hide();
    const keyArn = sse.kmsKeyId && parseArn(sse.kmsKeyId) ? sse.kmsKeyId : undefined;
    const short = sse.kmsKeyId ? sse.kmsKeyId.split('/').pop() : undefined;
    item.text = sse.kmsKeyId
      ? `$(key) ${short?.slice(0, 8)}…`
      : `$(lock) ${sse.algorithm === 'AES256' ? 'SSE-S3' : (sse.algorithm ?? vscode.l10n.t('unencrypted'))}`;
    item.tooltip = sseOnlyMarkdown(sse);
    item.command = keyArn ? { command: Commands.revealKey, title: vscode.l10n.t('Reveal key'), arguments: [{ arn: keyArn }] } : undefined;
    item.show();
  };
  context.subscriptions.push(item, vscode.window.onDidChangeActiveTextEditor(update), onDidChangeDecryptionFacts(update));
  update();
}

export function registerStatusBar(context: vscode.ExtensionContext, session: AwsSession): void {
  registerConnectionItem(context, session);
  registerDecryptionItem(context);
}
