import * as vscode from 'vscode';
import { keyAlias } from '../aws/keys';
import { parseArn } from '../core/arn';
import { inlineCode } from '../core/markdownEscape';
import { LOG_SCHEME } from '../core/logs/logUri';
import { Commands } from './commands/commandIds';
import { decryptionFacts, onDidChangeDecryptionFacts } from './documents/decryptionFacts';
import { sseOnlyMarkdown } from './language/hoverMarkdown';
import { isCloudTrailDocument } from './language/documentAnalysis';
import type { AwsSession } from './session';

/**
 * Whether the extension is in use: the Trails view is visible or the active editor holds a CloudTrail document (a
 * decrypted log, or a JSON file with CloudTrail records). The extension activates on every JSON file; while the user
 * edits other JSON, nothing of it shows.
 */
export function inUse(trailsView: vscode.TreeView<unknown>): boolean {
  const document = vscode.window.activeTextEditor?.document;
  return trailsView.visible || (document !== undefined && isCloudTrailDocument(document));
}

/** Profile and regions, while the extension is in use (see inUse); click to switch profile. */
function registerConnectionItem(context: vscode.ExtensionContext, session: AwsSession, trailsView: vscode.TreeView<unknown>): void {
  const item = vscode.window.createStatusBarItem('cloudtrailKms.connection', vscode.StatusBarAlignment.Left, 50);
  item.name = vscode.l10n.t('CloudTrail profile and regions');
  item.command = Commands.selectProfile;
  let generation = 0;
  const update = async (): Promise<void> => {
    const current = ++generation;
    if (!inUse(trailsView)) return item.hide();
    const settings = session.settings();
    const regions = settings.regions.length > 0 ? settings.regions : [await session.clients().defaultRegion()];
    if (current !== generation || !inUse(trailsView)) return;
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
    trailsView.onDidChangeVisibility(() => void update()),
    vscode.window.onDidChangeActiveTextEditor(() => void update()),
  );
}

/**
 * While a decrypted log is the active editor: which KMS key decrypted it, named by its alias (looked up once per key,
 * the key id until then or when there is none); click reveals the key.
 */
function registerDecryptionItem(context: vscode.ExtensionContext, session: AwsSession): void {
  const item = vscode.window.createStatusBarItem('cloudtrailKms.decryptedBy', vscode.StatusBarAlignment.Right, 100);
  item.name = vscode.l10n.t('CloudTrail log decrypted by');
  const aliases = new Map<string, string | undefined>();
  const update = (): void => {
    const uri = vscode.window.activeTextEditor?.document.uri;
    const sse = uri?.scheme === LOG_SCHEME ? decryptionFacts(uri) : undefined;
    if (!sse) return item.hide();
    const keyArn = sse.kmsKeyId && parseArn(sse.kmsKeyId) ? sse.kmsKeyId : undefined;
    if (keyArn && !aliases.has(keyArn)) {
      aliases.set(keyArn, undefined);
      void keyAlias(session.clients(), keyArn).then((alias) => {
        if (!alias) return;
        aliases.set(keyArn, alias);
        update();
      });
    }
    const alias = keyArn ? aliases.get(keyArn) : undefined;
    const keyId = sse.kmsKeyId ? sse.kmsKeyId.split('/').pop() : undefined;
    const encryption = sse.algorithm === 'AES256' ? 'SSE-S3' : (sse.algorithm ?? vscode.l10n.t('unencrypted'));
    item.text = sse.kmsKeyId ? `$(key) ${alias ?? vscode.l10n.t('key {0}…', keyId?.slice(0, 8) ?? '')}` : `$(lock) ${encryption}`;
    const tooltip = sseOnlyMarkdown(sse);
    if (alias) tooltip.appendMarkdown(`\n\n${vscode.l10n.t('Alias: {0}', inlineCode(alias))}`);
    item.tooltip = tooltip;
    item.accessibilityInformation = {
      label: sse.kmsKeyId
        ? vscode.l10n.t('Decrypted with KMS key {0}', alias ?? keyId ?? '')
        : vscode.l10n.t('Encryption: {0}', encryption),
    };
    item.command = keyArn ? { command: Commands.revealKey, title: vscode.l10n.t('Reveal key'), arguments: [{ arn: keyArn }] } : undefined;
    item.show();
  };
  context.subscriptions.push(
    item,
    vscode.window.onDidChangeActiveTextEditor(update),
    onDidChangeDecryptionFacts(update),
    session.onDidChange(() => aliases.clear()),
  );
  update();
}

export function registerStatusBar(context: vscode.ExtensionContext, session: AwsSession, trailsView: vscode.TreeView<unknown>): void {
  registerConnectionItem(context, session, trailsView);
  registerDecryptionItem(context, session);
}
