/**
 * CodeLenses in a results document: above the first line, what the search is doing or found and what can be done
 * (Cancel while it runs; Run Again, Edit Query…, Save Results… when it ended; the files not searched); above each
 * record, the log file and record it came from — click to open that file at that record.
 */
import * as vscode from 'vscode';
import { Commands } from '../commands/commandIds';
import { analysed } from '../language/documentAnalysis';
import type { SearchRuns } from './searchRun';

const TOP = new vscode.Range(0, 0, 0, 0);

export class SearchCodeLenses implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.emitter.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly runs: SearchRuns) {
    this.subscription = runs.onDidChange(() => this.emitter.fire());
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const run = this.runs.get(document.uri);
    if (!run) return [];
    const uri = document.uri.toString();
    const lens = (title: string, command: string, args: unknown[] = [uri], range = TOP) =>
      new vscode.CodeLens(range, { title, command, arguments: args });
    const lenses = [lens(run.statusText(), Commands.showSearchDetails)];
    if (run.running) lenses.push(lens(`$(debug-stop) ${vscode.l10n.t('Cancel')}`, Commands.cancelSearch));
    else
      lenses.push(
        lens(`$(refresh) ${vscode.l10n.t('Run Again')}`, Commands.rerunSearch),
        lens(`$(edit) ${vscode.l10n.t('Edit Query…')}`, Commands.editSearch),
        lens(`$(save) ${vscode.l10n.t('Save Results…')}`, Commands.saveSearchResults),
      );
    if (run.failures.length)
      lenses.push(
        lens(
          `$(warning) ${run.failures.length === 1 ? vscode.l10n.t('1 file not searched') : vscode.l10n.t('{0} files not searched', run.failures.length)}`,
          Commands.showSearchDetails,
        ),
      );
    // Record lenses only when the document shows the text last written (the record i ⇄ hit i mapping holds).
    const data = document.getText() === run.renderedText ? analysed(document) : undefined;
    if (!data) return lenses;
    const count = Math.min(data.index.count, run.renderedHits.length);
    for (let i = 0; i < count; i++) {
      const { source, record } = run.renderedHits[i];
      if (!source) continue;
      const name = source.key.slice(source.key.lastIndexOf('/') + 1);
      const at = document.positionAt(data.index.starts[i]);
      // Athena rows carry their file but not their index there: the record is found in the file by its eventID.
      const eventID = typeof record.eventID === 'string' ? record.eventID : undefined;
      if (source.recordIndex !== undefined)
        lenses.push(
          lens(`$(go-to-file) ${name} · record ${source.recordIndex}`, Commands.openLogAtRecord, [{ ...source }], new vscode.Range(at, at)),
        );
      else if (eventID)
        lenses.push(lens(`$(go-to-file) ${name}`, Commands.openLogAtRecord, [{ ...source, eventID }], new vscode.Range(at, at)));
    }
    return lenses;
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}
