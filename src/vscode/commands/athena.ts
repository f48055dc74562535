/**
 * Athena in the editor: "Copy Athena Table DDL" (the trail's CREATE EXTERNAL TABLE to the clipboard) and "Find Events
 * with Athena…" (the search query language run as SQL on Athena; the events open as a read-only CloudTrail JSON
 * document with hovers and outline). The workflow is src/aws/athena; this file asks, shows progress, and shows answers.
 */
import * as vscode from 'vscode';
import { findEventsWithAthena, resolveAthenaTable, type AthenaSettings } from '../../aws/athena';
import { AthenaTableMissingError, athenaCostText } from '../../core/athena';
import type { TrailInfo } from '../../core/model';
import { parseQuery, pointAtQueryError, QueryError, quoteQueryValue, type SearchQuery } from '../../core/search';
import { registerMemoryDocuments, type MemoryDocumentsOptions } from '../documents/memoryDocuments';
import { log } from '../log';
import { withCancellableProgress } from '../progress';
import type { AwsSession } from '../session';
import { readAthenaSettings } from '../settings';
import { TrailNode } from '../tree/trailNodes';
import type { TrailsView } from '../tree/trailsView';
import { addErrorAction, registerCommand } from './command';
import { Commands } from './commandIds';
import { isPlainTrailArgs, NO_TRAILS, pickTrail, trailArnArgument, trailByArn } from './trailArgument';

/** Athena answers as CloudTrail JSON (`{"Records": […]}`), so hovers, links and the outline work in them. */
export const ATHENA_DOCUMENTS: MemoryDocumentsOptions = {
  scheme: 'cloudtrail-athena',
  extension: '.json',
  keepClosed: 10,
  gone: `// ${vscode.l10n.t('These Athena results are no longer in memory: run "Find Events with Athena…" again.')}\n`,
};

const DEFAULT_QUERY = 'from:-1d ';

function athenaSettings(): AthenaSettings {
  const { maxResults: _maxResults, ...settings } = readAthenaSettings();
  return settings;
}

function maxRows(): number {
  return readAthenaSettings().maxResults;
}

async function trailOf(trails: TrailsView, arg: unknown, title: string): Promise<TrailInfo | undefined> {
  if (arg instanceof TrailNode) return arg.trail;
  if (isPlainTrailArgs(arg)) return trailByArn(trails, trailArnArgument(arg));
  return pickTrail(
    trails,
    title,
    () => true,
    NO_TRAILS,
    (trail) => `s3://${trail.bucket}/${trail.keyPrefix ? `${trail.keyPrefix}/` : ''}`,
  );
}

/** The query of plain arguments (tests, links), else what the user types (checked as they type). */
async function askQuery(trail: TrailInfo, arg: unknown): Promise<SearchQuery | undefined> {
  const scope = `scope:${quoteQueryValue(trail.arn)} `;
  const given = isPlainTrailArgs(arg) ? arg.query : undefined;
  if (given !== undefined) {
    if (typeof given !== 'string') throw new Error(vscode.l10n.t('query must be a string in the search language.'));
    return parseQuery(scope + given);
  }
  const check = (text: string): string | undefined => {
    try {
      const query = parseQuery(scope + text);
      return query.from ? undefined : vscode.l10n.t('Say from when: from:-1d, from:2026-11-24, …');
    } catch (error) {
      if (error instanceof QueryError)
        return pointAtQueryError(
          text,
          new QueryError(error.problem, error.expected, Math.max(0, error.start - scope.length), Math.max(0, error.end - scope.length)),
        );
      throw error;
    }
  };
  const text = await vscode.window.showInputBox({
    title: vscode.l10n.t('Find Events with Athena in {0}', trail.name),
    prompt: vscode.l10n.t(
      'The search language: from:-7d name:Decrypt key:alias/… error:any account:… region:…  (Athena bills about $5 per TB scanned)',
    ),
    placeHolder: vscode.l10n.t('Athena query, e.g. from:-7d name:Decrypt error:any'),
    value: DEFAULT_QUERY,
    valueSelection: [DEFAULT_QUERY.length, DEFAULT_QUERY.length],
    ignoreFocusOut: true,
    validateInput: check,
  });
  return text === undefined ? undefined : parseQuery(scope + text);
}

export function registerAthena(context: vscode.ExtensionContext, session: AwsSession, trails: TrailsView): void {
  const documents = registerMemoryDocuments(context, ATHENA_DOCUMENTS);
  let lastQuery: { trailArn: string; query: SearchQuery } | undefined;
  addErrorAction({
    title: vscode.l10n.t('Copy Table DDL'),
    appliesTo: (error) => error instanceof AthenaTableMissingError && !!error.ddl,
    run: async (error) => {
      await vscode.env.clipboard.writeText((error as AthenaTableMissingError).ddl ?? '');
    },
  });
  addErrorAction({
    title: vscode.l10n.t('Create Table and Run Again'),
    appliesTo: (error) => error instanceof AthenaTableMissingError,
    run: (_error, invocation) => vscode.commands.executeCommand(invocation.command, invocation.args[0], { createTable: true }),
  });

  registerCommand(
    context,
    Commands.copyAthenaDdl,
    { area: 'athena', failure: vscode.l10n.t('Could not build the Athena table DDL') },
    async (arg?: unknown) => {
      const trail = await trailOf(trails, arg, vscode.l10n.t('Copy Athena Table DDL'));
      if (!trail) return { ok: false, cancelled: true };
      const settings = athenaSettings();
      const resolved = await withCancellableProgress(vscode.l10n.t('Reading the log layout of {0}', trail.name), () =>
        resolveAthenaTable(session.clients(), { kind: 'trail', trail: trail.arn }, settings),
      );
      await vscode.env.clipboard.writeText(resolved.ddl);
      const name = `${resolved.table.database}.${resolved.table.table}`;
      log().info(`[athena] DDL for ${trail.arn}: ${name}, accounts ${resolved.table.accounts.join(', ') || 'injected'}`);
      void vscode.window.showInformationMessage(
        [
          vscode.l10n.t('Copied CREATE EXTERNAL TABLE {0} (partition projection over {1}).', name, resolved.table.root),
          ...resolved.notes,
        ].join(' '),
      );
      return { ok: true, ddl: resolved.ddl, database: resolved.table.database, table: resolved.table.table };
    },
  );

  registerCommand(
    context,
    Commands.findEventsWithAthena,
    { area: 'athena', failure: vscode.l10n.t('The Athena query failed') },
    async (arg?: unknown, options?: unknown) => {
      const createTable = typeof options === 'object' && options !== null && (options as { createTable?: unknown }).createTable === true;
      const trail =
        createTable && arg === undefined && lastQuery
          ? await trailByArn(trails, lastQuery.trailArn)
          : await trailOf(trails, arg, vscode.l10n.t('Find Events with Athena'));
      if (!trail) return { ok: false, cancelled: true };
      // "Create Table and Run Again" runs the query that just failed, not a new question.
      const again = createTable && !isPlainTrailArgs(arg) && lastQuery?.trailArn === trail.arn ? lastQuery.query : undefined;
      const query = again ?? (await askQuery(trail, arg));
      if (!query) return { ok: false, cancelled: true };
      lastQuery = { trailArn: trail.arn, query };
      const answer = await withCancellableProgress(vscode.l10n.t('Athena: {0}', trail.name), (signal, report) =>
        findEventsWithAthena(
          session.clients(),
          query,
          { ...athenaSettings(), createTable },
          {
            signal,
            maxRows: maxRows(),
            onProgress: (progress) => report({ message: `${progress.state.toLowerCase()} · ${Math.round(progress.elapsedMs / 1000)} s` }),
          },
        ),
      );
      for (const warning of answer.warnings) log().warn(`[athena] ${warning}`);
      log().info(`[athena] ${answer.queryExecutionId} in ${answer.place.region}: ${answer.results.summary ?? ''}`);
      const records = answer.results.items.map((item) => item.record);
      const uri = await documents.show(
        `athena-${trail.name}-${answer.queryExecutionId.slice(0, 8)}`,
        `${JSON.stringify({ Records: records }, null, 2)}\n`,
      );
      const found = answer.truncated
        ? vscode.l10n.t('{0}+ events', records.length)
        : records.length === 1
          ? vscode.l10n.t('1 event')
          : vscode.l10n.t('{0} events', records.length);
      void vscode.window.showInformationMessage(
        [
          vscode.l10n.t('Athena found {0} in {1}: {2}.', found, trail.name, athenaCostText(answer.cost)),
          ...answer.warnings.slice(0, 1),
        ].join(' '),
      );
      return {
        ok: true,
        uri: uri.toString(),
        events: records.length,
        truncated: answer.truncated,
        queryExecutionId: answer.queryExecutionId,
        parameters: answer.parameters,
      };
    },
  );
}
