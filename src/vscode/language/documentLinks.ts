import * as vscode from 'vscode';
import { findLinkTargets } from '../../core/explain/linkTargets';
import { commandUri } from '../../core/markdownEscape';
import { Commands } from '../commands/commandIds';
import { analysed } from './documentAnalysis';
import { CLOUDTRAIL_SELECTOR } from './hover';

const MAX_LINKS = 5000;

/** ARNs and s3:// URIs in CloudTrail documents become links to our reveal/open commands. */
export class CloudTrailLinkProvider implements vscode.DocumentLinkProvider {
  provideDocumentLinks(document: vscode.TextDocument): vscode.DocumentLink[] {
    // The text analysed for hovers (once per version): getText() joins every line again, 1-2 s on a 50 MB log.
    const data = analysed(document);
    if (!data) return [];
    return findLinkTargets(data.text, MAX_LINKS).map((found) => {
      const range = new vscode.Range(document.positionAt(found.start), document.positionAt(found.end));
      const link = new vscode.DocumentLink(range, vscode.Uri.parse(commandUri(Commands.openTarget, [found.target])));
      link.tooltip =
        found.target.kind === 's3Object'
          ? vscode.l10n.t('Open and decrypt this log file')
          : found.target.kind === 'trail'
            ? vscode.l10n.t('Reveal this trail')
            : found.target.kind === 'kmsKey'
              ? vscode.l10n.t('Reveal this key')
              : vscode.l10n.t('Reveal this S3 folder');
      return link;
    });
  }
}

export function registerDocumentLinks(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.languages.registerDocumentLinkProvider(CLOUDTRAIL_SELECTOR, new CloudTrailLinkProvider()));
}
