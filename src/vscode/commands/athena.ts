/**
 * Athena in the editor: "Copy Athena Table DDL" (the trail's CREATE EXTERNAL TABLE to the clipboard) and "Find Events
 * with Athena…" (the search query language run as SQL on Athena). Its answer is a Find Events run with the athena
 * engine: the same results document, CodeLenses, Run Again, Edit Query… and Save Results… as Find Events
 * (../search/athenaRun.ts). The workflow is src/aws/athena; this file asks for the trail and the query.
 */
import * as vscode from 'vscode';
import { resolveAthenaTable, type AthenaSettings } from '../../aws/athena';
import { AthenaTableMissingError } from '../../core/athena';
import { ExplainedError } from '../../core/errors';
import type { TrailInfo } from '../../core/model';
import { parseQuery, pointAtQueryError, QueryError, quoteQueryValue } from '../../core/search';
import { log } from '../log';
import { withCancellableProgress } from '../progress';
import type { FindEvents } from './findEvents';
import type { AwsSession } from '../session';
import { readAthenaSettings } from '../settings';
import { TrailNode } from '../tree/trailNodes';
import type { TrailsView } from '../tree/trailsView';
import { addErrorAction, registerCommand } from './command';
import { Commands } from './commandIds';
import { isPlainTrailArgs, NO_TRAILS, pickTrail, trailArnArgument, trailByArn } from './trailArgument';

const DEFAULT_QUERY = 'from:-1d ';

/** Athena failures a cloudtrailKms.athena.* setting fixes (failures.ts): no output location, a missing or disabled workgroup. */
const FIXED_IN_SETTINGS = new Set(['AthenaNoOutputLocation', 'AthenaWorkgroupMissing', 'AthenaWorkgroupDisabled']);

function athenaSettings(): AthenaSettings {
  const { maxResults: _maxResults, ...settings } = readAthenaSettings();
  return settings;
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

/** The query text (with the trail as its scope) of plain arguments (tests, links), else what the user types (checked as they type). */
async function askQuery(trail: TrailInfo, arg: unknown): Promise<string | undefined> {
  const scope = `scope:${quoteQueryValue(trail.arn)} `;
  const given = isPlainTrailArgs(arg) ? arg.query : undefined;
  if (given !== undefined) {
    if (typeof given !== 'string') throw new Error(vscode.l10n.t('query must be a string in the search language.'));
    parseQuery(scope + given);
    return scope + given;
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
  return text === undefined ? undefined : scope + text;
}

export function registerAthena(context: vscode.ExtensionContext, session: AwsSession, trails: TrailsView, findEvents: FindEvents): void {
  addErrorAction({
    title: vscode.l10n.t('Open Athena Settings'),
    appliesTo: (error) => error instanceof ExplainedError && FIXED_IN_SETTINGS.has(error.code),
    run: async () => {
      await vscode.commands.executeCommand('workbench.action.openSettings', 'cloudtrailKms.athena');
    },
  });
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
    // The run that just failed on the missing table (newest first), run again in its document with createTable.
    run: async () => {
      const failed = findEvents.runs.all().find((run) => run.engine === 'athena' && run.state === 'failed');
      if (failed) await vscode.commands.executeCommand(Commands.rerunSearch, failed.uri.toString(), { createTable: true });
    },
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
    async (arg?: unknown) => {
      const trail = await trailOf(trails, arg, vscode.l10n.t('Find Events with Athena'));
      if (!trail) return { ok: false, cancelled: true };
      const text = await askQuery(trail, arg);
      if (text === undefined) return { ok: false, cancelled: true };
      return findEvents.start(text, { engine: 'athena' });
    },
  );
}
