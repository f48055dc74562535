import * as vscode from 'vscode';
import { outline } from '../../core/explain';
import { analysed } from './documentAnalysis';
import { CLOUDTRAIL_SELECTOR } from './hover';

/** The record outline: each record as `eventTime eventName principal`. */
export class CloudTrailSymbolProvider implements vscode.DocumentSymbolProvider {
  provideDocumentSymbols(document: vscode.TextDocument): vscode.DocumentSymbol[] {
    const data = analysed(document);
    if (!data) return [];
    return outline(data.text, data.index).map((entry) => {
      const range = new vscode.Range(document.positionAt(entry.range.start), document.positionAt(entry.range.end));
      const selection = new vscode.Range(document.positionAt(entry.selectionRange.start), document.positionAt(entry.selectionRange.end));
      return new vscode.DocumentSymbol(entry.label, '', vscode.SymbolKind.Event, range, range.contains(selection) ? selection : range);
    });
  }
}

export function registerOutline(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.languages.registerDocumentSymbolProvider(CLOUDTRAIL_SELECTOR, new CloudTrailSymbolProvider(), {
      label: vscode.l10n.t('CloudTrail records'),
    }),
  );
}
