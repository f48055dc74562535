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
import type { SearchRun } from './searchRun';
import { readSearchSettings } from './searchSettings';

export interface FindEventsResult {
  ok: boolean;
  uri?: string;
  matches?: number;
  filesPlanned?: number;
  filesRead?: number;
  failures?: number;
  truncated?: boolean;
  cancelled?: boolean;
  error?: string;
}

/** The modal before a large search: Search, or Cancel. */
async function askToSearch(estimate: SearchEstimate, threshold: number): Promise<boolean> {
  const choice = await vscode.window.showWarningMessage(
    `Search ${estimate.files.toLocaleString('en-US')} log files?`,
    {
      modal: true,
      detail:
        `This search would read ${estimateText(estimate)} ` +
        `Narrow the time range, accounts or regions to read fewer. (You are asked above ${threshold.toLocaleString('en-US')} files: setting cloudtrailKms.search.confirmAboveFiles.)`,
    },
    'Search',
  );
  return choice === 'Search';
}

export async function executeRun(run: SearchRun, session: AwsSession, options: { confirmed?: boolean } = {}): Promise<FindEventsResult> {
  const settings = readSearchSettings();
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
        confirm: (estimate) => askToSearch(estimate, settings.confirmAboveFiles),
        onPlanned: (estimate) => {
          run.estimate = estimate;
          report({ message: `${estimate.files.toLocaleString('en-US')} log files to read` });
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
    if (!summary.cancelled && summary.failures.length > 0) {
      void vscode.window
        .showWarningMessage(
          `${summary.failures.length} of ${summary.filesPlanned.toLocaleString('en-US')} log files could not be searched; the results hold the rest.`,
          'Show Details',
        )
        .then((picked) => picked && log().show(true));
    } else if (!summary.cancelled && summary.matches === 0) {
      void vscode.window.showInformationMessage(
        `No events matched in ${summary.filesRead.toLocaleString('en-US')} log file${summary.filesRead === 1 ? '' : 's'}.`,
      );
    }
    return {
      ok: true,
      uri: run.uri.toString(),
      matches: summary.matches,
      filesPlanned: summary.filesPlanned,
      filesRead: summary.filesRead,
      failures: summary.failures.length,
      truncated: summary.truncated,
      cancelled: summary.cancelled,
    };
  } catch (error) {
    if (isCancelled(error)) {
      // Declined at the cost question (the plan was made, nothing read), or cancelled while listing.
      run.finish({ state: run.estimate && !abort.signal.aborted ? 'declined' : 'cancelled' });
      throw error instanceof CancelledError ? error : new CancelledError('The search was cancelled.');
    }
    run.finish({ state: 'failed', error: errorHeadline(error) });
    throw error;
  }
}
