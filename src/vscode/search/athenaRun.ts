/**
 * Runs one Find Events query on Amazon Athena into its results document (the same document, CodeLenses, Run Again,
 * Edit Query… and Save Results… as the files engine): under a cancellable progress notification (Cancel, or the
 * document's Cancel lens, sends StopQueryExecution), rows added as events sorted by time, one sentence at the end.
 * The workflow is src/aws/athena's findEventsWithAthena.
 */
import * as vscode from 'vscode';
import { findEventsWithAthena } from '../../aws/athena';
import { athenaCostText } from '../../core/athena';
import { CancelledError, isCancelled } from '../../core/errors';
import { DEFAULT_FROM, parseQuery } from '../../core/search';
import { errorHeadline } from '../errorText';
import { log } from '../log';
import { withCancellableProgress } from '../progress';
import type { AwsSession } from '../session';
import { readAthenaSettings } from '../settings';
import type { FindEventsResult } from './runSearch';
import type { SearchRun } from './searchRun';

export interface AthenaRunResult extends FindEventsResult {
  engine: 'athena';
  queryExecutionId?: string;
  parameters?: string[];
}

export async function executeAthenaRun(
  run: SearchRun,
  session: AwsSession,
  options: { createTable?: boolean } = {},
): Promise<AthenaRunResult> {
  const { maxResults, ...settings } = readAthenaSettings();
  const parsed = parseQuery(run.text);
  // The same default start as the files engine, so one query text means the same range on both.
  const query = parsed.from ? parsed : { ...parsed, from: DEFAULT_FROM };
  const abort = run.abort;
  try {
    const answer = await withCancellableProgress(run.title, (signal, report) => {
      signal.addEventListener('abort', () => abort.abort(), { once: true });
      return findEventsWithAthena(
        session.clients(),
        query,
        { ...settings, createTable: options.createTable === true },
        {
          signal: abort.signal,
          maxRows: maxResults,
          onProgress: (progress) => {
            run.setAthenaProgress(progress.state, progress.elapsedMs);
            report({ message: `${progress.state.toLowerCase()} · ${Math.round(progress.elapsedMs / 1000)} s` });
          },
        },
      );
    });
    for (const item of answer.results.items)
      run.addHit({ record: item.record as Record<string, unknown>, ...(item.source ? { source: item.source } : {}) });
    run.athena = {
      summary: answer.results.summary,
      notes: [...answer.warnings, answer.sql, `-- parameters: ${JSON.stringify(answer.parameters)}`],
    };
    run.finish({ state: 'done' });
    for (const warning of answer.warnings) log().warn(`[athena] ${warning}`);
    log().info(`[athena] ${answer.queryExecutionId} in ${answer.place.region}: ${answer.results.summary ?? ''}`);
    const count = answer.results.items.length;
    const found = answer.truncated
      ? vscode.l10n.t('{0}+ events', count)
      : count === 1
        ? vscode.l10n.t('1 event')
        : vscode.l10n.t('{0} events', count);
    const details = vscode.l10n.t('Show Details');
    void vscode.window
      .showInformationMessage(
        [vscode.l10n.t('Athena found {0}: {1}.', found, athenaCostText(answer.cost)), ...answer.warnings.slice(0, 1)].join(' '),
        details,
      )
      .then((picked) => {
        if (picked !== details) return;
        log().info(`[athena] ${run.detailText()}`);
        log().show(true);
      });
    return {
      ok: true,
      engine: 'athena',
      uri: run.uri.toString(),
      matches: count,
      truncated: answer.truncated,
      queryExecutionId: answer.queryExecutionId,
      parameters: answer.parameters,
    };
  } catch (error) {
    if (isCancelled(error)) {
      run.finish({ state: 'cancelled' });
      throw error instanceof CancelledError ? error : new CancelledError(vscode.l10n.t('The Athena query was cancelled.'));
    }
    run.finish({ state: 'failed', error: errorHeadline(error) });
    throw error;
  }
}
