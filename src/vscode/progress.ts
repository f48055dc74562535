/** Progress notifications for long work: one place that ties the Cancel button to an AbortSignal. */
import * as vscode from 'vscode';

export interface ProgressUpdate {
  message?: string;
  /** Percent of the whole, added to what was reported before. */
  increment?: number;
}

/**
 * Runs `work` under a cancellable progress notification. Cancel aborts `signal`; the work passes it to the AWS layer
 * (which then throws CancelledError) or checks it between steps.
 */
export function withCancellableProgress<T>(
  title: string,
  work: (signal: AbortSignal, report: (update: ProgressUpdate) => void) => Promise<T>,
): Promise<T> {
  return Promise.resolve(
    vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
      const abort = new AbortController();
      const subscription = token.onCancellationRequested(() => abort.abort());
      try {
        return await work(abort.signal, (update) => progress.report(update));
      } finally {
        subscription.dispose();
      }
    }),
  );
}

/** Runs short work (a few calls) under a progress notification without Cancel. */
export function withProgress<T>(title: string, work: () => Promise<T>): Promise<T> {
  return Promise.resolve(vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, work));
}

/** Aborts when any of the signals aborts (e.g. a progress notification's Cancel and the Results view's Stop). */
export function anySignal(...signals: AbortSignal[]): AbortSignal {
  const any = new AbortController();
  const abort = (): void => any.abort();
  for (const signal of signals) {
    if (signal.aborted) any.abort();
    else signal.addEventListener('abort', abort, { once: true });
  }
  return any.signal;
}
