/**
 * The one way a command is registered (modelled on the AWS Toolkit's commands2.ts; see docs/architecture.md, "How to
 * add a feature"). The handler does the work and returns its result; the wrapper catches what it throws:
 * - a cancellation is silent (returns the command's failed result with `cancelled`);
 * - an error whose code the command lists under `notices` is an answer, not a failure: shown as information or warning;
 * - any other error is logged with the command's area (`[kms] Could not check the key policy: …`, the whole
 *   explanation) and shown as one sentence with the actions that apply to it (errorActions.ts: Show Details, Copy
 *   Policy Statement, Select Profile…, Retry).
 * Callers (tests, links, other commands) always get a result, never a rejection.
 */
import * as vscode from 'vscode';
import { ExplainedError } from '../../core/errors';
import { errorHeadline, errorText, isCancelled } from '../errorText';
import { log } from '../log';
import type { CommandId } from './commandIds';

export interface CommandSpec<R> {
  /** The log area, e.g. `s3`, `kms`, `integrity`: log lines start with `[area]`. */
  area: string;
  /** What failed, as the notification starts it: "Could not check the key policy". */
  failure: string;
  /** The result of a run that failed or was cancelled (default `{ ok: false, error, cancelled }`). */
  failed?: (error: string | undefined, cancelled: boolean) => R;
  /** ExplainedError codes that answer the question rather than fail: shown at this level, not logged as errors. */
  notices?: Readonly<Record<string, 'info' | 'warning'>>;
}

/** The failed run a notification is about: which command, with which arguments, and what failed. */
export interface Invocation {
  command: CommandId;
  args: unknown[];
  /** The notification's first words, e.g. "Could not open the log file". */
  failure: string;
}

/** What a notification offers for an error; `appliesTo` decides whether it is shown for this error. */
export interface ErrorAction {
  title: string;
  appliesTo(error: unknown): boolean;
  run(error: unknown, invocation: Invocation): unknown;
}

const showDetailsInLog: ErrorAction = {
  title: vscode.l10n.t('Show Details'),
  appliesTo: () => true,
  // The whole explanation (what, why, what to do) was logged just before the notification.
  run: () => log().show(true),
};

/** The actions every failure notification considers, in button order. errorActions.ts sets the editor's. */
let errorActions: ErrorAction[] = [showDetailsInLog];

/** Actions a feature adds for its own errors (e.g. Athena's "Copy Table DDL"); offered after the general ones. */
const featureActions: ErrorAction[] = [];

export function setErrorActions(actions: ErrorAction[]): void {
  errorActions = [...actions];
}

export function addErrorAction(action: ErrorAction): void {
  featureActions.push(action);
}

/** A failure as it was logged and shown (the newest few are kept for the extension-host tests). */
export interface FailureReport {
  command: CommandId;
  /** The log line (without the level): `[area] failure: the whole explanation`. */
  logged: string;
  /** The notification's text. */
  shown: string;
  actions: string[];
}

const reports: FailureReport[] = [];

export function recentFailures(): readonly FailureReport[] {
  return reports;
}

function defaultFailed<R>(error: string | undefined, cancelled: boolean): R {
  return { ok: false, ...(error !== undefined ? { error } : {}), ...(cancelled ? { cancelled: true } : {}) } as R;
}

/** Shows a failure as one sentence with the actions that apply; runs the one the user picks. */
export function reportFailure(error: unknown, invocation: Invocation, logged: string): void {
  const actions = [...errorActions, ...featureActions].filter((action) => action.appliesTo(error));
  const shown = `${invocation.failure}: ${errorHeadline(error)}`;
  reports.push({ command: invocation.command, logged, shown, actions: actions.map((action) => action.title) });
  if (reports.length > 20) reports.shift();
  void vscode.window.showErrorMessage(shown, ...actions.map((action) => action.title)).then((picked) => {
    const action = actions.find((candidate) => candidate.title === picked);
    if (action) void Promise.resolve(action.run(error, invocation)).catch((problem: unknown) => log().error(`[ui] ${errorText(problem)}`));
  });
}

export function registerCommand<A extends unknown[], R>(
  context: vscode.ExtensionContext,
  id: CommandId,
  spec: CommandSpec<R>,
  handler: (...args: A) => Promise<R> | R,
): void {
  const failed = spec.failed ?? defaultFailed<R>;
  const wrapped = async (...args: A): Promise<R> => {
    try {
      return await handler(...args);
    } catch (error) {
      if (isCancelled(error)) {
        log().debug(`[${spec.area}] ${id} cancelled`);
        return failed(undefined, true);
      }
      const text = errorText(error);
      const notice = error instanceof ExplainedError ? spec.notices?.[error.code] : undefined;
      if (notice) {
        void (notice === 'warning' ? vscode.window.showWarningMessage(text) : vscode.window.showInformationMessage(text));
        return failed(text, false);
      }
      const logged = `[${spec.area}] ${spec.failure}: ${text}`;
      log().error(logged);
      // An explained error is the whole story; for anything else the stack says where it came from.
      if (error instanceof Error && !(error instanceof ExplainedError) && error.stack) log().debug(error.stack);
      reportFailure(error, { command: id, args, failure: spec.failure }, logged);
      return failed(text, false);
    }
  };
  context.subscriptions.push(vscode.commands.registerCommand(id, wrapped));
}
