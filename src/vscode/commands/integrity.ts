/**
 * Validate Log File Integrity: which trail, which window, which account and region (asked where the tree node or the
 * arguments do not say), then the shared workflow of src/aws/integrity.ts under a cancellable progress; the verdicts
 * stream into the Results view (what is wrong first, then valid files per day) and the problems into Problems.
 */
import * as vscode from 'vscode';
import { digestRegions, trailOrganizationId, validateTrail } from '../../aws/integrity';
import { isAccountId, isRegionName } from '../../core/arn';
import { isCancelled } from '../../core/errors';
import { display, type DigestTrail } from '../../core/integrity/digestChain';
import { validationFailed, type ValidationCounts } from '../../core/integrity/digestReport';
import { verdictResult, verdictSummary } from '../../core/integrity/verdictResults';
import { digestTrailFor } from '../../core/integrity/trailDigests';
import { parseDay } from '../../core/logs/logLayout';
import type { TrailInfo } from '../../core/model';
import { parseIsoTime, wholeSeconds } from '../../core/time';
import type { ResultItem } from '../../core/results/model';
import { errorHeadline } from '../errorText';
import { anySignal, withCancellableProgress } from '../progress';
import type { ResultsView } from '../results/resultsView';
import type { AwsSession } from '../session';
import { TrailNode } from '../tree/trailNodes';
import type { TrailsView } from '../tree/trailsView';
import { Commands } from './commandIds';
import { registerCommand } from './command';
import { IntegrityProblems } from './integrityProblems';
import { isPlainTrailArgs, NO_TRAILS, pickTrail, trailArnArgument, trailByArn } from './trailArgument';

const DAY = 86_400_000;
const TITLE = vscode.l10n.t('Validate Log File Integrity');

export interface ValidateResult {
  ok: boolean;
  /** The id of the result set in the Results view. */
  results?: number;
  /** How many files went to the Problems panel. */
  problems?: number;
  counts?: ValidationCounts;
  cancelled?: boolean;
  error?: string;
}

/** Arguments a caller (a test, a link) may give instead of answering the quick picks; checked before use. */
interface ValidateArgs {
  trailArn: string;
  start: Date;
  end: Date;
  region?: string;
  accountId?: string;
}

function timeArgument(value: unknown, name: string): Date {
  const date = value instanceof Date ? wholeSeconds(value) : typeof value === 'string' ? parseIsoTime(value) : undefined;
  if (!date) throw new Error(vscode.l10n.t('{0} must be an ISO-8601 time such as 2026-11-24T00:00:00Z.', name));
  return date;
}

export function validateArgs(arg: Record<string, unknown>): ValidateArgs {
  const trailArn = trailArnArgument(arg);
  const start = timeArgument(arg.startTime, 'startTime');
  const end = arg.endTime === undefined ? wholeSeconds(new Date()) : timeArgument(arg.endTime, 'endTime');
  if (end < start) throw new Error(vscode.l10n.t('endTime must not be before startTime.'));
  if (arg.region !== undefined && (typeof arg.region !== 'string' || !isRegionName(arg.region)))
    throw new Error(vscode.l10n.t('region must be a region name such as us-west-2.'));
  if (arg.accountId !== undefined && (typeof arg.accountId !== 'string' || !isAccountId(arg.accountId)))
    throw new Error(vscode.l10n.t('accountId must be a 12-digit account id.'));
  return {
    trailArn,
    start,
    end,
    ...(arg.region ? { region: arg.region as string } : {}),
    ...(arg.accountId ? { accountId: arg.accountId as string } : {}),
  };
}

/** A YYYY-MM-DD the user typed: a real day, not in the future. Undefined when fine, else what is wrong. */
export function startDateProblem(text: string, now = new Date()): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text.trim())) return vscode.l10n.t('Type a date as YYYY-MM-DD, e.g. 2026-11-24 (UTC).');
  if (!parseDay(text)) return vscode.l10n.t('{0} is not a real date.', text.trim());
  if (new Date(`${text.trim()}T00:00:00Z`) > now) return vscode.l10n.t('The start date is in the future.');
  return undefined;
}

async function pickWindow(): Promise<{ start: Date; end: Date } | undefined> {
  const end = wholeSeconds(new Date());
  const choice = await vscode.window.showQuickPick(
    [
      { label: vscode.l10n.t('Last 24 hours'), ms: DAY },
      { label: vscode.l10n.t('Last 7 days'), ms: 7 * DAY },
      { label: vscode.l10n.t('Since a date…'), ms: 0 },
    ],
    { title: TITLE, placeHolder: vscode.l10n.t('Which digests? (by delivery time, UTC)'), ignoreFocusOut: true },
  );
  if (!choice) return undefined;
  if (choice.ms > 0) return { start: new Date(end.getTime() - choice.ms), end };
  const text = await vscode.window.showInputBox({
    title: TITLE,
    prompt: vscode.l10n.t('Start date (UTC). Digests from then until now are validated.'),
    placeHolder: vscode.l10n.t('YYYY-MM-DD'),
    ignoreFocusOut: true,
    validateInput: (value) => startDateProblem(value, end),
  });
  if (text === undefined) return undefined;
  return { start: new Date(`${text.trim()}T00:00:00Z`), end };
}

/** The member account of an organization trail whose digests to check (the trail's own account by default). */
async function pickAccount(trail: TrailInfo): Promise<string | undefined> {
  const typed = await vscode.window.showInputBox({
    title: TITLE,
    prompt: vscode.l10n.t("{0} is an organization trail: which member account's digests?", trail.name),
    value: trail.account,
    ignoreFocusOut: true,
    validateInput: (value) => (isAccountId(value.trim()) ? undefined : vscode.l10n.t('A 12-digit account id.')),
  });
  return typed?.trim();
}

/** The region whose digest chain to walk; asks when a multi-region trail has digests in several. */
async function pickRegion(session: AwsSession, trail: TrailInfo, account: string, organizationId?: string): Promise<string | undefined> {
  if (!trail.isMultiRegion) return trail.homeRegion;
  const folders = await digestRegions(session.clients(), trail, account, organizationId);
  if (folders.length <= 1) return folders[0] ?? trail.homeRegion;
  const ordered = [...folders].sort((a, b) => Number(b === trail.homeRegion) - Number(a === trail.homeRegion) || a.localeCompare(b));
  const picked = await vscode.window.showQuickPick(
    ordered.map((region) => ({ label: region, description: region === trail.homeRegion ? vscode.l10n.t('home region') : undefined })),
    { title: TITLE, placeHolder: vscode.l10n.t('Digests of which region? (each region has its own chain)'), ignoreFocusOut: true },
  );
  return picked?.label;
}

interface Run {
  trail: TrailInfo;
  digestTrail: DigestTrail;
  region: string;
  start: Date;
  end: Date;
}

/** Validates one digest chain into a result set (items stream in while it runs), then its problems into Problems. */
async function runValidation(session: AwsSession, results: ResultsView, problems: IntegrityProblems, run: Run): Promise<ValidateResult> {
  const { trail, region, start, end } = run;
  const handle = results.show({
    kind: 'validation',
    title: vscode.l10n.t('Integrity of {0} · {1} · {2} – {3}', trail.name, region, display(start).slice(0, 10), display(end).slice(0, 10)),
    summary: vscode.l10n.t('starting…'),
    groupOrder: 'newest',
  });
  const items: ResultItem[] = [];
  let counts: ValidationCounts | undefined;
  try {
    await withCancellableProgress(vscode.l10n.t('Validating {0} ({1})', trail.name, region), async (cancel, report) => {
      const signal = anySignal(cancel, handle.signal);
      try {
        counts = await validateTrail(
          session.clients(),
          { trail, digestTrail: run.digestTrail, start, end },
          (line) => {
            const item = verdictResult(line);
            if (!item) return;
            items.push(item);
            handle.add([item]);
            if (line.kind !== 'gap') report({ message: vscode.l10n.t('{0} files checked', items.length) });
            handle.setSummary(vscode.l10n.t('{0} files checked so far', items.length));
          },
          signal,
        );
      } catch (error) {
        if (!isCancelled(error)) throw error; // cancelled: the results show what was checked before
      }
    });
  } catch (error) {
    handle.done(vscode.l10n.t('failed after {0} files: {1}', items.length, errorHeadline(error)));
    throw error;
  }
  const where = vscode.l10n.t('validated for trail {0}, digests of {1}, {2} – {3}', trail.name, region, display(start), display(end));
  const problemCount = problems.replace(`${trail.arn} ${region}`, items, where);
  if (!counts) {
    handle.done(vscode.l10n.t('cancelled after {0} files: these results are incomplete', items.length));
    return { ok: false, cancelled: true, results: handle.id, problems: problemCount };
  }
  const summary = verdictSummary(counts);
  handle.done(summary);
  const digests = counts.validDigests + counts.validBackfillDigests + counts.invalidDigests + counts.invalidBackfillDigests;
  if (digests === 0) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t(
        'No digest files of {0} in {1} between {2} and {3}: nothing was validated. Choose a longer window, or another region.',
        trail.name,
        region,
        display(start),
        display(end),
      ),
    );
  } else if (validationFailed(counts)) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('Log file integrity of {0} ({1}): {2}. The Results view and Problems list the files.', trail.name, region, summary),
    );
  } else {
    void vscode.window.showInformationMessage(vscode.l10n.t('Log file integrity of {0} ({1}): {2}.', trail.name, region, summary));
  }
  return { ok: !validationFailed(counts) && digests > 0, counts, results: handle.id, problems: problemCount };
}

async function validateLogs(
  session: AwsSession,
  trails: TrailsView,
  results: ResultsView,
  problems: IntegrityProblems,
  arg: unknown,
): Promise<ValidateResult> {
  const args = isPlainTrailArgs(arg) ? validateArgs(arg) : undefined;
  const trail = args
    ? await trailByArn(trails, args.trailArn)
    : arg instanceof TrailNode
      ? arg.trail
      : await pickTrail(
          trails,
          TITLE,
          () => true,
          NO_TRAILS,
          (t) =>
            vscode.l10n.t(
              '{0} · log file validation {1}',
              t.kmsKeyArn ? `SSE-KMS ${t.kmsKeyArn}` : 'SSE-S3',
              t.logFileValidation ? vscode.l10n.t('on') : vscode.l10n.t('off'),
            ),
        );
  if (!trail) return { ok: false, cancelled: true };
  if (!trail.logFileValidation) {
    const message = vscode.l10n.t(
      'Log file validation is off for trail {0}, so CloudTrail delivers no digest files to check its logs against. Turn it on in the CloudTrail console (trail → General details → Edit → Log file validation); logs delivered from then on can be validated.',
      trail.name,
    );
    void vscode.window.showWarningMessage(message);
    return { ok: false, error: message };
  }
  const window = args ?? (await pickWindow());
  if (!window) return { ok: false, cancelled: true };
  const { start, end } = window;

  const organizationId = await trailOrganizationId(session.clients(), trail);
  const account = args?.accountId ?? (trail.isOrganizationTrail && !args ? await pickAccount(trail) : trail.account);
  if (!account) return { ok: false, cancelled: true };
  const region = args ? (args.region ?? trail.homeRegion) : await pickRegion(session, trail, account, organizationId);
  if (!region) return { ok: false, cancelled: true };
  const digestTrail = digestTrailFor(trail, { account, sourceRegion: region, organizationId });
  return runValidation(session, results, problems, { trail, digestTrail, region, start, end });
}

export function registerIntegrity(
  context: vscode.ExtensionContext,
  session: AwsSession,
  trails: TrailsView,
  results: ResultsView,
): IntegrityProblems {
  const problems = new IntegrityProblems();
  context.subscriptions.push(problems);
  registerCommand(
    context,
    Commands.validateLogs,
    { area: 'integrity', failure: vscode.l10n.t('Could not validate log files') },
    (arg?: unknown) => validateLogs(session, trails, results, problems, arg),
  );
  return problems;
}
