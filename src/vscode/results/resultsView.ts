/**
 * The one Results view (`cloudtrailKms.results`, in the CloudTrail KMS container): every answer that is a list of
 * findings — integrity verdicts, KMS activity, Find Events hits, Athena rows — is a ResultSet shown here. A producer
 * calls `results.show({ kind, title })` and fills the set through the handle it gets (see resultsModel.ts and
 * docs/architecture.md, "The Results view"). The commands here act on sets and items: open, load more, save as JSON
 * Lines, open as a document, stop, remove.
 */
import * as vscode from 'vscode';
import { resultsReport } from '../../core/results/report';
import { resultsToJsonLines, type ResultSet } from '../../core/results/model';
import { Commands } from '../commands/commandIds';
import { registerCommand } from '../commands/command';
import { registerMemoryDocuments, type MemoryDocuments } from '../documents/memoryDocuments';
import { log } from '../log';
import { EVENT_DOCUMENTS, openResult } from './openResult';
import { LiveResultSet, ResultSets, type NewResultSet, type ResultsHandle } from './resultsModel';
import { ItemNode, MoreNode, ResultsProvider, type ResultsNode } from './resultsTree';

export type { MoreResults, NewResultSet, ResultsHandle } from './resultsModel';

export interface ResultsView {
  /** Adds a set at the top of the view, shows the view, and returns the handle that fills it. */
  show(init: NewResultSet): ResultsHandle;
  /** The sets shown, newest first (plain copies). */
  sets(): ResultSet[];
  /** The set a handle fills, as shown (for tests and the API). */
  set(id: number): ResultSet | undefined;
  view: vscode.TreeView<ResultsNode>;
  provider: ResultsProvider;
}

function setArgument(sets: ResultSets, arg: unknown): LiveResultSet | undefined {
  if (arg instanceof LiveResultSet) return arg;
  const id = (arg as { set?: unknown } | undefined)?.set;
  if (typeof id === 'number') return sets.byId(id);
  return arg === undefined ? sets.all()[0] : undefined;
}

/** An item from a tree node or from plain arguments `{ set: <id>, item: <index> }` (tests, scripts). */
function itemArgument(sets: ResultSets, arg: unknown): ItemNode['item'] | undefined {
  if (arg instanceof ItemNode) return arg.item;
  const { set, item } = (arg ?? {}) as { set?: unknown; item?: unknown };
  if (typeof set !== 'number' || typeof item !== 'number' || !Number.isInteger(item)) return undefined;
  return sets.byId(set)?.items[item];
}

function fileName(set: ResultSet): string {
  const stamp = new Date().toISOString().slice(0, 16).replace(/[-:T]/g, '');
  return `${set.kind}-${set.title.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 60)}-${stamp}.jsonl`;
}

async function saveResults(set: LiveResultSet, target: unknown): Promise<{ saved: boolean; uri?: string; items?: number }> {
  let uri: vscode.Uri | undefined;
  if (typeof target === 'string') uri = vscode.Uri.parse(target, true);
  else {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    uri = await vscode.window.showSaveDialog({
      title: vscode.l10n.t('Save "{0}" as JSON Lines (records from decrypted logs are written as plain text)', set.title),
      saveLabel: vscode.l10n.t('Save JSON Lines'),
      filters: { 'JSON Lines': ['jsonl'] },
      ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, fileName(set)) } : {}),
    });
  }
  if (!uri) return { saved: false };
  await vscode.workspace.fs.writeFile(uri, Buffer.from(resultsToJsonLines(set.items), 'utf8'));
  log().info(`[results] saved ${set.items.length} results of "${set.title}" to ${uri.scheme === 'file' ? uri.fsPath : uri.toString()}`);
  return { saved: true, uri: uri.toString(), items: set.items.length };
}

export function registerResultsView(context: vscode.ExtensionContext, reports: MemoryDocuments): ResultsView {
  const sets = new ResultSets();
  const provider = new ResultsProvider(sets);
  const view = vscode.window.createTreeView('cloudtrailKms.results', { treeDataProvider: provider, showCollapseAll: true });
  const events = registerMemoryDocuments(context, EVENT_DOCUMENTS);
  context.subscriptions.push(sets, provider, view);

  const noSet = () =>
    void vscode.window.showInformationMessage(
      vscode.l10n.t('There are no results yet: validate a trail or show the KMS activity of a key.'),
    );
  const spec = { area: 'results', failure: vscode.l10n.t('Could not do that in the Results view'), failed: () => undefined };
  registerCommand(
    context,
    Commands.openResult,
    {
      area: 'results',
      failure: vscode.l10n.t('Could not open the result'),
      failed: (error) => ({ opened: false, ...(error !== undefined ? { error } : {}) }),
    },
    async (arg: unknown) => {
      const item = itemArgument(sets, arg);
      if (!item) throw new Error(vscode.l10n.t('Choose a result in the Results view to open it.'));
      return openResult(events, item);
    },
  );
  const loadMore = { area: 'results', failure: vscode.l10n.t('Could not load more results') };
  registerCommand(context, Commands.loadMoreResults, loadMore, async (arg: unknown) => {
    if (!(arg instanceof MoreNode)) return { ok: false };
    if (arg.group) provider.showMore(arg);
    else await sets.loadMore(arg.set);
    return { ok: true };
  });
  registerCommand(
    context,
    Commands.saveResults,
    {
      area: 'results',
      failure: vscode.l10n.t('Could not save the results'),
      failed: (error) => ({ saved: false, ...(error !== undefined ? { error } : {}) }),
    },
    async (arg?: unknown, target?: unknown) => {
      const set = setArgument(sets, arg);
      if (!set) return noSet();
      return saveResults(set, target);
    },
  );
  registerCommand(context, Commands.openResultsDocument, spec, async (arg?: unknown) => {
    const set = setArgument(sets, arg);
    if (!set) return noSet();
    const uri = await reports.show(`${set.kind}-${set.title}`, resultsReport(set.snapshot()));
    return { opened: true, uri: uri.toString() };
  });
  registerCommand(context, Commands.stopResults, spec, (arg?: unknown) => {
    const set = setArgument(sets, arg);
    if (set && !set.done) sets.stop(set);
  });
  registerCommand(context, Commands.removeResults, spec, (arg?: unknown) => {
    const set = setArgument(sets, arg);
    if (set) sets.remove(set);
  });
  registerCommand(context, Commands.clearResults, spec, () => sets.clear());

  return {
    show(init) {
      const { set, handle } = sets.create(init);
      // Show the view with the new set at the top; the tree may not be visible yet, which is fine.
      void Promise.resolve(view.reveal(set, { expand: true, select: false, focus: false })).catch(() => undefined);
      return handle;
    },
    sets: () => sets.all().map((set) => ({ ...set.snapshot(), id: set.id }) as ResultSet),
    set: (id) => sets.byId(id)?.snapshot(),
    view,
    provider,
  };
}
