/**
 * "CloudTrail: Find Events…" (palette, trail / key / log-folder nodes) and the hover links "Find events with this …":
 * a query box prefilled from where it was started, then a search whose results fill a read-only CloudTrail JSON
 * document (hovers, links and the outline work in it) sorted by event time; CodeLenses open each result's log at its
 * record. The results document's own commands: Cancel, Run Again, Edit Query…, Save Results… (JSON or JSON Lines).
 */
import { homedir } from 'node:os';
import * as vscode from 'vscode';
import { ExplainedError } from '../../core/errors';
import { findEventsTarget, s3RecordTarget } from '../../core/explain/linkTargets';
import { resultsToJsonLines } from '../../core/results/model';
import { formatQuery, parseQuery, pointAtQueryError, QueryError, quoteQueryValue, type SearchQuery } from '../../core/search';
import { registerMemoryDocuments, SEARCH_DOCUMENTS } from '../documents/memoryDocuments';
import { log } from '../log';
import { askQuery } from '../search/queryInput';
import { prefillFor, prefillForLink } from '../search/prefillFrom';
import { RecentSearches } from '../search/recentSearches';
import { executeRun, type FindEventsResult } from '../search/runSearch';
import { SearchCodeLenses } from '../search/searchCodeLens';
import { resultsDocumentText, SearchRuns, type SearchEngine, type SearchRun } from '../search/searchRun';
import type { AwsSession } from '../session';
import type { TrailsView } from '../tree/trailsView';
import { Commands } from './commandIds';
import { registerCommand, type CommandSpec } from './command';
import { openLogAtRecord } from './openRecord';
import { NO_TRAILS, pickTrail } from './trailArgument';

const TITLE = vscode.l10n.t('CloudTrail: Find Events');
const SEARCH: CommandSpec<FindEventsResult> = {
  area: 'search',
  failure: vscode.l10n.t('Could not find events'),
  notices: { NoSearchScope: 'info', SearchTooWide: 'warning', BadQuery: 'warning' },
};

/** Plain arguments (tests, scripts): `{ query: 'trail:x from:-1h name:Decrypt', confirmed?: true }` runs without the box. */
function plainQuery(arg: unknown): { query: string; confirmed: boolean } | undefined {
  if (!arg || typeof arg !== 'object' || typeof (arg as { query?: unknown }).query !== 'string') return undefined;
  const { query, confirmed } = arg as { query: string; confirmed?: unknown };
  return { query, confirmed: confirmed === true };
}

/** A tab name that says what was searched: `events-name-Decrypt-principal-AKIA…-142530`. */
function documentName(query: SearchQuery): string {
  const filters = formatQuery({ ...query, scope: undefined, from: undefined, to: undefined, accounts: [], regions: [] });
  const slug =
    filters
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'all';
  return `events-${slug}-${new Date().toISOString().slice(11, 19).replace(/:/g, '')}`;
}

/** A query that does not parse, as an error whose details point at the bad token. */
function checkedQuery(text: string): ReturnType<typeof parseQuery> {
  try {
    return parseQuery(text);
  } catch (error) {
    if (!(error instanceof QueryError)) throw error;
    throw new ExplainedError(
      'BadQuery',
      vscode.l10n.t('The query cannot be read: {0}.', error.problem),
      pointAtQueryError(text, error),
      undefined,
      error,
    );
  }
}

/** How other commands start a Find Events run (Find Events with Athena starts one with the athena engine). */
export interface FindEvents {
  runs: SearchRuns;
  start(text: string, options?: { confirmed?: boolean; engine?: SearchEngine; createTable?: boolean }): Promise<FindEventsResult>;
}

/** Options of Run Again from plain arguments: `{ createTable: true }` ("Create Table and Run Again"). */
function rerunOptions(arg: unknown): { createTable?: boolean } {
  return typeof arg === 'object' && arg !== null && (arg as { createTable?: unknown }).createTable === true ? { createTable: true } : {};
}

export function registerFindEvents(context: vscode.ExtensionContext, session: AwsSession, trails: TrailsView): FindEvents {
  const documents = registerMemoryDocuments(context, SEARCH_DOCUMENTS);
  const runs = new SearchRuns(documents);
  const lenses = new SearchCodeLenses(runs);
  const recent = new RecentSearches(context.globalState);
  const updateContext = (): void => {
    const run = runs.get(vscode.window.activeTextEditor?.document.uri);
    void vscode.commands.executeCommand('setContext', 'cloudtrailKms.searchRunning', !!run?.running);
  };
  context.subscriptions.push(
    runs,
    lenses,
    vscode.languages.registerCodeLensProvider({ scheme: SEARCH_DOCUMENTS.scheme }, lenses),
    runs.onDidChange(updateContext),
    vscode.window.onDidChangeActiveTextEditor(updateContext),
  );

  /** The run of a results document: the URI given (editor title, lenses), else the active editor's. */
  const runOf = (uri: unknown): SearchRun => {
    const run = runs.get(typeof uri === 'string' || uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri);
    if (!run)
      throw new ExplainedError(
        'NoSearch',
        vscode.l10n.t('This is not a Find Events results document, or its search is no longer in memory.'),
      );
    return run;
  };

  const show = async (run: SearchRun): Promise<void> => {
    const document = await vscode.workspace.openTextDocument(run.uri);
    await vscode.window.showTextDocument(document, { preview: false });
  };

  /** Runs the query text into a new results document (asking for a trail when it names no scope). */
  const start: FindEvents['start'] = async (given, { confirmed = false, engine = 'files', createTable = false } = {}) => {
    let text = given.trim();
    let query = checkedQuery(text);
    if (!query.scope) {
      const trail = await pickTrail(trails, `${TITLE}: where?`, () => true, NO_TRAILS);
      if (!trail) return { ok: false, cancelled: true };
      text = `trail:${quoteQueryValue(trail.arn)} ${text}`;
      query = checkedQuery(text);
    }
    await recent.remember(text);
    runs.prune(20);
    const run = runs.create(documentName(query), text, engine);
    await show(run);
    return executeRun(run, session, { confirmed, createTable });
  };

  registerCommand(context, Commands.findEvents, SEARCH, async (arg?: unknown) => {
    const plain = plainQuery(arg);
    if (plain) return start(plain.query, { confirmed: plain.confirmed });
    const text = await askQuery(prefillFor(arg, runs, recent), recent, TITLE);
    return text === undefined ? { ok: false, cancelled: true } : start(text);
  });
  registerCommand(context, Commands.findEventsFromLink, SEARCH, async (arg: unknown) => {
    // From a hover: the link's arguments are checked again, and the search is only run once the user confirms the box.
    const text = await askQuery(prefillForLink(findEventsTarget(arg), runs), recent, TITLE);
    return text === undefined ? { ok: false, cancelled: true } : start(text);
  });
  registerCommand(
    context,
    Commands.openLogAtRecord,
    {
      area: 's3',
      failure: vscode.l10n.t('Could not open the log file'),
      failed: (error) => ({ opened: false, ...(error ? { error } : {}) }),
    },
    (arg: unknown) => openLogAtRecord(s3RecordTarget(arg)),
  );
  const results = { area: 'search', failure: vscode.l10n.t('Could not do that with the search results') };
  registerCommand(context, Commands.cancelSearch, results, (uri?: unknown) => {
    const run = runOf(uri);
    run.abort.abort();
    return { ok: true, cancelled: run.running };
  });
  registerCommand(context, Commands.rerunSearch, SEARCH, async (uri?: unknown, options?: unknown) => {
    const run = runOf(uri);
    if (run.running) return { ok: false, error: vscode.l10n.t('The search is still running.') };
    run.reset();
    await show(run);
    return executeRun(run, session, rerunOptions(options));
  });
  registerCommand(context, Commands.editSearch, SEARCH, async (uri?: unknown) => {
    const run = runOf(uri);
    const text = await askQuery(run.text, recent, TITLE);
    return text === undefined ? { ok: false, cancelled: true } : start(text, { engine: run.engine });
  });
  registerCommand(context, Commands.saveSearchResults, results, async (uri?: unknown, path?: unknown) => {
    const run = runOf(uri);
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(homedir());
    const target =
      typeof path === 'string'
        ? vscode.Uri.file(path)
        : await vscode.window.showSaveDialog({
            title: vscode.l10n.t('Save Search Results'),
            defaultUri: vscode.Uri.joinPath(folder, `${run.uri.path.slice(1).replace(/\.json$/, '')}.json`),
            filters: {
              [vscode.l10n.t('CloudTrail JSON (the records)')]: ['json'],
              [vscode.l10n.t('JSON Lines (one result per line, with its source)')]: ['jsonl'],
            },
          });
    if (!target) return { ok: false, cancelled: true };
    const lines = target.path.endsWith('.jsonl');
    // The user's explicit export: decrypted records go where the user chose, as the user asked.
    const text = lines ? resultsToJsonLines(run.resultSet().items) : resultsDocumentText(run.hits);
    await vscode.workspace.fs.writeFile(target, Buffer.from(text, 'utf8'));
    log().info(`[search] saved ${run.hits.length} results (${lines ? 'JSON Lines' : 'JSON'}) to ${target.fsPath}`);
    return { ok: true, path: target.fsPath, format: lines ? 'jsonl' : 'json', results: run.hits.length };
  });
  registerCommand(context, Commands.showSearchDetails, results, (uri?: unknown) => {
    log().info(`[search] ${runOf(uri).detailText()}`);
    log().show(true);
    return { ok: true };
  });
  return { runs, start };
}
