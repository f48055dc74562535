/**
 * A decrypted log as large as VS Code's large-file threshold (20 MiB or 300,000 lines: tokenization, folding and
 * wrapping are off there anyway) is given the language `cloudtrail-log` instead of `json`, so that the built-in JSON
 * language server does not parse tens of megabytes again for every hover and outline request: in the real editor it
 * made our hovers wait (issue 19: p99 129–136 ms as JSON, 29–43 ms without it, same document and positions). Our
 * hovers, outline and links still answer: their selector names our scheme. Smaller logs stay `json`.
 */
import * as vscode from 'vscode';
import { LOG_SCHEME } from '../../core/logs/logUri';

export const LARGE_LOG_LANGUAGE = 'cloudtrail-log';
/** VS Code's own thresholds for large-file optimizations (textModel.ts: 20 MB or 300K lines). */
const LARGE_FILE_CHARS = 20 * 1024 * 1024;
const LARGE_FILE_LINES = 300 * 1000;

/** Is this one of our decrypted logs, as JSON, large enough for VS Code's large-file mode? (No getText: cheap.) */
export function isLargeJsonLog(document: vscode.TextDocument): boolean {
  if (document.uri.scheme !== LOG_SCHEME || document.languageId !== 'json') return false;
  if (document.lineCount >= LARGE_FILE_LINES) return true;
  const last = document.lineAt(document.lineCount - 1);
  return document.offsetAt(last.range.end) >= LARGE_FILE_CHARS;
}

async function relabel(document: vscode.TextDocument): Promise<void> {
  if (!isLargeJsonLog(document)) return;
  try {
    await vscode.languages.setTextDocumentLanguage(document, LARGE_LOG_LANGUAGE);
  } catch {
    // closed meanwhile: nothing to do
  }
}

export function registerLargeLogLanguage(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument((document) => void relabel(document)));
  for (const document of vscode.workspace.textDocuments) void relabel(document);
}
