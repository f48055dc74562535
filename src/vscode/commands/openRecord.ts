/**
 * Opens a log file at one of its records (a search result's source, a results-view item): decrypts and shows it like
 * any log (openLogObject), then selects the start of record `recordIndex` of its `Records` and scrolls it to the top.
 * Arguments come from CodeLenses and views; they are checked (s3RecordTarget) before use.
 */
import * as vscode from 'vscode';
import { ExplainedError } from '../../core/errors';
import { analysed } from '../language/documentAnalysis';
import { openLogObject, type OpenResult } from './openLog';

export interface OpenRecordResult extends OpenResult {
  /** Zero-based line the record starts on. */
  line?: number;
}

export async function openLogAtRecord(target: {
  bucket: string;
  key: string;
  region?: string;
  recordIndex: number;
}): Promise<OpenRecordResult> {
  const opened = await openLogObject(target);
  const editor = vscode.window.visibleTextEditors.find((candidate) => candidate.document.uri.toString() === opened.uri);
  const data = editor ? analysed(editor.document) : undefined;
  if (!editor || !data) return opened;
  if (target.recordIndex >= data.index.count) {
    throw new ExplainedError(
      'NoSuchRecord',
      vscode.l10n.t('The log file has {0} records; record {1} is not there.', data.index.count, target.recordIndex),
      vscode.l10n.t('The object changed since the search read it.'),
      vscode.l10n.t('Search again.'),
    );
  }
  const start = editor.document.positionAt(data.index.starts[target.recordIndex]);
  const end = editor.document.positionAt(data.index.ends[target.recordIndex]);
  editor.selection = new vscode.Selection(start, start);
  editor.revealRange(new vscode.Range(start, end), vscode.TextEditorRevealType.AtTop);
  return { ...opened, line: start.line };
}
