/**
 * Opens a log file at one of its records (a search result's source, a results-view item): decrypts and shows it like
 * any log (openLogObject), then selects the start of record `recordIndex` of its `Records` and scrolls it to the top.
 * Arguments come from CodeLenses and views; they are checked (s3RecordTarget) before use.
 */
import * as vscode from 'vscode';
import { ExplainedError } from '../../core/errors';
import { recordIndexOfEventId } from '../../core/logs/recordOfEvent';
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
  recordIndex?: number;
  /** The record by its eventID, when the index is not known (Athena rows). */
  eventID?: string;
}): Promise<OpenRecordResult> {
  const opened = await openLogObject(target);
  const editor = vscode.window.visibleTextEditors.find((candidate) => candidate.document.uri.toString() === opened.uri);
  const data = editor ? analysed(editor.document) : undefined;
  if (!editor || !data) return opened;
  const index =
    target.recordIndex ??
    (target.eventID !== undefined
      ? recordIndexOfEventId(editor.document.getText(), data.index.starts, data.index.count, target.eventID)
      : undefined);
  if (index === undefined) {
    throw new ExplainedError(
      'NoSuchRecord',
      vscode.l10n.t('The log file has no event {0}.', target.eventID ?? '?'),
      vscode.l10n.t('The object changed since the search read it.'),
      vscode.l10n.t('Search again.'),
    );
  }
  if (index >= data.index.count) {
    throw new ExplainedError(
      'NoSuchRecord',
      vscode.l10n.t('The log file has {0} records; record {1} is not there.', data.index.count, index),
      vscode.l10n.t('The object changed since the search read it.'),
      vscode.l10n.t('Search again.'),
    );
  }
  const start = editor.document.positionAt(data.index.starts[index]);
  const end = editor.document.positionAt(data.index.ends[index]);
  editor.selection = new vscode.Selection(start, start);
  editor.revealRange(new vscode.Range(start, end), vscode.TextEditorRevealType.AtTop);
  return { ...opened, line: start.line };
}
