/**
 * Runs one Find Events search into its results document: under a cancellable progress notification (its Cancel and
 * the document's Cancel lens abort the same signal), with the cost question as a modal before a large search, hits
 * added to the document as they arrive, and one sentence at the end when files could not be searched or nothing matched.
 */
import * as vscode from 'vscode';
import { searchLogs } from '../../aws/search';
import { CancelledError, isCancelled } from '../../core/errors';
import { DEFAULT_FROM, estimateText, parseQuery, progressText, resolveTimeRange, type SearchEstimate } from '../../core/search';
import { errorHeadline } from '../errorText';
import { log } from '../log';
import { withCancellableProgress } from '../progress';
import type { AwsSession } from '../session';
import { executeAthenaRun } from './athenaRun';
import type { SearchRun } from './searchRun';
import { readSearchSettings } from './searchSettings';

export interface FindEventsResult {
  ok: boolean;
  /** Who answered: the files read here, or Athena (after "Run in Athena", or Find Events with Athena). */
  engine?: 'files' | 'athena';
  uri?: string;
  matches?: number;
  filesPlanned?: number;
  filesRead?: number;
  failures?: number;
  truncated?: boolean;
  cancelled?: boolean;
  error?: string;
}

/** The modal before a large search: Search anyway, Run in Athena (the same query, SQL over the trail's table), or Cancel. */
async function askToSearch(estimate: SearchEstimate, threshold: number): Promise<'files' | 'athena' | undefined> {
  const search = vscode.l10n.t('Search Anyway');
  const athena = vscode.l10n.t('Run in Athena');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('Search {0} log files?', estimate.files.toLocaleString('en-US')),
    {
      modal: true,
      detail: vscode.l10n.t(
        'This search would read {0} Narrow the time range, accounts or regions to read fewer, or run the same query in Amazon Athena (billed by the data scanned, about $5 per TB; settings cloudtrailKms.athena.*). (You are asked above {1} files: setting cloudtrailKms.search.confirmAboveFiles.)',
        estimateText(estimate),
        threshold.toLocaleString('en-US'),
      ),
    },
    search,
    athena,
  );
  return choice === search ? 'files' : choice === athena ? 'athena' : undefined;
}

export async function executeRun(
  run: SearchRun,
  session: AwsSession,
  options: { confirmed?: boolean; createTable?: boolean } = {},
): Promise<FindEventsResult> {
  if (run.engine === 'athena') return executeAthenaRun(run, session, options);
  const settings = readSearchSettings();
  let toAthena = false;
  const query = parseQuery(run.text);
  const range = resolveTimeRange(query, Date.now(), { from: DEFAULT_FROM });
  const abort = run.abort;
  try {
    const summary = await withCancellableProgress(run.title, (signal, report) => {
      signal.addEventListener('abort', () => abort.abort(), { once: true });
      return searchLogs(session.clients(), query, range, {
        signal: abort.signal,
        concurrency: settings.concurrency,
        lateMinutes: settings.lateMinutes,
        maxResults: settings.maxResults,
        confirmAboveFiles: options.confirmed ? Number.POSITIVE_INFINITY : settings.confirmAboveFiles,
        confirm: async (estimate) => {
          const choice = await askToSearch(estimate, settings.confirmAboveFiles);
          toAthena = choice === 'athena';
          return choice === 'files';
        },
        onPlanned: (estimate) => {
          run.estimate = estimate;
          report({ message: vscode.l10n.t('{0} log files to read', estimate.files.toLocaleString('en-US')) });
        },
        onHit: (hit) => run.addHit(hit),
        onFailure: (failure) => run.addFailure(failure),
        onProgress: (progress) => {
          run.setProgress(progress);
          report({ message: progressText(progress) });
        },
      });
    });
    run.finish({ summary, state: summary.cancelled ? 'cancelled' : 'done' });
    log().info(`[search] ${run.detailText()}`);
    const details = vscode.l10n.t('Show Details');
    if (!summary.cancelled && summary.failures.length > 0) {
      void vscode.window
        .showWarningMessage(
          vscode.l10n.t(
            '{0} of {1} log files could not be searched; the results hold the rest.',
            summary.failures.length,
            summary.filesPlanned.toLocaleString('en-US'),
          ),
          details,
        )
        .then((picked) => picked === details && log().show(true));
    } else if (!summary.cancelled && summary.matches === 0) {
      void vscode.window.showInformationMessage(
        summary.filesRead === 1
          ? vscode.l10n.t('No events matched in 1 log file.')
          : vscode.l10n.t('No events matched in {0} log files.', summary.filesRead.toLocaleString('en-US')),
      );
    }
    return {
      ok: true,
      engine: 'files',
      uri: run.uri.toString(),
      matches: summary.matches,
      filesPlanned: summary.filesPlanned,
      filesRead: summary.filesRead,
      failures: summary.failures.length,
      truncated: summary.truncated,
      cancelled: summary.cancelled,
    };
  } catch (error) {
    if (isCancelled(error) && toAthena && !abort.signal.aborted) {
      // "Run in Athena" at the cost question: the same document answers with the Athena engine (its lenses rerun it).
      run.engine = 'athena';
      run.reset();
      return executeAthenaRun(run, session, options);
    }
    if (isCancelled(error)) {
      // Declined at the cost question (the plan was made, nothing read), or cancelled while listing.
      run.finish({ state: run.estimate && !abort.signal.aborted ? 'declined' : 'cancelled' });
      throw error instanceof CancelledError ? error : new CancelledError(vscode.l10n.t('The search was cancelled.'));
    }
    run.finish({ state: 'failed', error: errorHeadline(error) });
    throw error;
  }
}
