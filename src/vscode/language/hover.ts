import * as vscode from 'vscode';
import { explain } from '../../core/explain';
import { LOG_SCHEME } from '../../core/logs/logUri';
import { analysed } from './documentAnalysis';
import { decryptionFacts } from '../documents/decryptionFacts';
import { explanationMarkdown, sseOnlyMarkdown } from './hoverMarkdown';

/** Hovers that explain CloudTrail fields, in our decrypted documents and in any JSON file holding CloudTrail records. */
export class CloudTrailHoverProvider implements vscode.HoverProvider {
  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const sse = document.uri.scheme === LOG_SCHEME ? decryptionFacts(document.uri) : undefined;
    const data = analysed(document);
    if (!data) return undefined;
    const explanation = explain(data.text, document.offsetAt(position), data.index);
    if (!explanation) {
      if (sse && position.line === 0) return new vscode.Hover(sseOnlyMarkdown(sse), document.lineAt(0).range);
      return undefined;
    }
    const range = new vscode.Range(document.positionAt(explanation.range.start), document.positionAt(explanation.range.end));
    return new vscode.Hover(explanationMarkdown(explanation, position.line === 0 ? sse : undefined), range);
  }
}

export const CLOUDTRAIL_SELECTOR: vscode.DocumentSelector = [{ language: 'json' }, { scheme: LOG_SCHEME }];

export function registerHover(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.languages.registerHoverProvider(CLOUDTRAIL_SELECTOR, new CloudTrailHoverProvider()));
}
