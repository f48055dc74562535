import * as vscode from 'vscode';
import { buildRecordIndex, looksLikeCloudTrail, type RecordIndex } from '../../core/explain';
import { LOG_SCHEME } from '../../core/logs/logUri';

/**
 * Per document version: is it CloudTrail JSON, and its record index. The check reads only the start of the
 * document, so other JSON files pay a few microseconds once per edit; the index is built only when needed.
 */
interface Entry {
  version: number;
  isCloudTrail: boolean;
  index?: RecordIndex;
  text?: string;
}

const HEAD_CHARS = 16 * 1024;
const entries = new Map<string, Entry>();

function entryFor(document: vscode.TextDocument): Entry {
  const id = document.uri.toString();
  const cached = entries.get(id);
  if (cached && cached.version === document.version) return cached;
  const head = document.getText(new vscode.Range(new vscode.Position(0, 0), document.positionAt(HEAD_CHARS)));
  const entry: Entry = { version: document.version, isCloudTrail: document.uri.scheme === LOG_SCHEME || looksLikeCloudTrail(head) };
  entries.set(id, entry);
  return entry;
}

export function isCloudTrailDocument(document: vscode.TextDocument): boolean {
  return entryFor(document).isCloudTrail;
}

/** The text and record index of a CloudTrail document, or undefined for other documents. */
export function analysed(document: vscode.TextDocument): { text: string; index: RecordIndex } | undefined {
  const entry = entryFor(document);
  if (!entry.isCloudTrail) return undefined;
  if (!entry.index || entry.text === undefined) {
    entry.text = document.getText();
    entry.index = buildRecordIndex(entry.text);
  }
  return { text: entry.text, index: entry.index };
}

export function registerDocumentAnalysis(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.workspace.onDidCloseTextDocument((document) => entries.delete(document.uri.toString())),
    { dispose: () => entries.clear() },
  );
}
