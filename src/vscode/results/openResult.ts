/**
 * Opening what a result names: the log or digest file (decrypted, one tab per object), the record in it (the cursor
 * on its first line), or — for an event that has no file (LookupEvents) — the record alone as a read-only JSON
 * document with hovers, one document per event.
 */
import * as vscode from 'vscode';
import type { ResultItem } from '../../core/results/model';
import { openLogObject, type OpenResult } from '../commands/openLog';
import type { MemoryDocuments, MemoryDocumentsOptions } from '../documents/memoryDocuments';
import { analysed } from '../language/documentAnalysis';

/** Single CloudTrail records (from LookupEvents) as JSON documents: hovers and links work in them like in logs. */
export const EVENT_DOCUMENTS: MemoryDocumentsOptions = {
  scheme: 'cloudtrail-event',
  extension: '.json',
  keepClosed: 20,
  gone: `// ${vscode.l10n.t('This event is no longer in memory: open it again from the Results view.')}\n`,
};

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Puts the cursor on the first line of record `index` of an open log document and scrolls it to the top. */
async function revealRecord(uri: string, index: number): Promise<boolean> {
  const editor = vscode.window.visibleTextEditors.find((candidate) => candidate.document.uri.toString() === uri);
  if (!editor) return false;
  const found = analysed(editor.document);
  if (!found || index < 0 || index >= found.index.count) return false;
  const start = editor.document.positionAt(found.index.starts[index]);
  editor.selection = new vscode.Selection(start, start);
  editor.revealRange(new vscode.Range(start, start), vscode.TextEditorRevealType.AtTop);
  return true;
}

export async function openResult(events: MemoryDocuments, item: ResultItem): Promise<OpenResult> {
  if (item.source) {
    const opened = await openLogObject(item.source);
    if (opened.opened && opened.uri && item.source.recordIndex !== undefined) await revealRecord(opened.uri, item.source.recordIndex);
    return opened;
  }
  if (item.record !== undefined && item.record !== null && typeof item.record === 'object') {
    const record = item.record as Record<string, unknown>;
    const id = text(record.eventID) ?? `${text(record.eventTime) ?? ''}-${text(record.eventName) ?? ''}`;
    const name = `${text(record.eventName) ?? 'event'}-${text(record.eventTime)?.slice(0, 19) ?? id}`;
    const uri = await events.showOnce(id, name, () => `${JSON.stringify(record, null, 2)}\n`);
    return { opened: true, uri: uri.toString() };
  }
  return { opened: false, error: vscode.l10n.t('This result names no file or record to open.') };
}
