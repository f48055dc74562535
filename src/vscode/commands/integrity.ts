import * as vscode from 'vscode';
import { bucketRegion } from '../../aws/buckets';
import { getKeyPolicy } from '../../aws/keyPolicy';
import { listLogFolder, organizationIds } from '../../aws/logObjects';
import { hashLogObject, s3DigestStore } from '../../aws/integrity';
import { display, type DigestStore, type DigestTrail } from '../../core/integrity/digestChain';
import {
  formatSummary,
  formatVerdictLine,
  validateTrailLogs,
  validationFailed,
  type LogHasher,
  type ValidationCounts,
} from '../../core/integrity/digestReport';
import { CancelledError, ExplainedError } from '../../core/errors';
import { checkKeyPolicy, formatKeyPolicyReport, PolicyFormatError, type PolicyCheck } from '../../core/keyPolicy';
import { trailLogRoot } from '../../core/logs/logLayout';
import type { TrailInfo } from '../../core/model';
import { Commands } from './commandIds';
import { errorText, isCancelled } from '../errorText';
import type { ReportDocuments } from '../documents/memoryDocuments';
import type { AwsSession } from '../session';
import { TrailNode } from '../tree/trailNodes';
import type { TrailsView } from '../tree/trailsView';

const DAY = 86_400_000;
const TRAIL_ARN = /^arn:aws[a-z-]*:cloudtrail:[a-z0-9-]+:\d{12}:trail\/[A-Za-z0-9._-]{1,128}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;

export interface ValidateResult {
  ok: boolean;
  uri?: string;
  counts?: ValidationCounts;
  cancelled?: boolean;
  error?: string;
}
export interface KeyPolicyResult {
  ok: boolean;
  uri?: string;
  answers?: { encrypt: string; describe: string; decrypt: string };
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

function parseTime(value: unknown, name: string): Date {
  const text = value instanceof Date ? value.toISOString() : value;
  if (typeof text !== 'string' || !/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([zZ]|[+-]\d{2}:?\d{2})?)?$/.test(text)) {
    throw new Error(`${name} must be an ISO-8601 time such as 2026-11-24T00:00:00Z.`);
  }
  const withZone = /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : /([zZ]|[+-]\d{2}:?\d{2})$/.test(text) ? text : `${text}Z`;
  const date = new Date(withZone);
  if (Number.isNaN(date.getTime())) throw new Error(`${name} is not a real date: ${text}.`);
  // Whole seconds, as the aws CLI and the digest key names count.
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}

export function validateArgs(arg: unknown): ValidateArgs {
  const given = arg as Record<string, unknown>;
  if (typeof given.trailArn !== 'string' || !TRAIL_ARN.test(given.trailArn))
    throw new Error('trailArn must be a trail ARN (arn:aws:cloudtrail:<region>:<account>:trail/<name>).');
  const start = parseTime(given.startTime, 'startTime');
  const end = given.endTime === undefined ? new Date(Math.floor(Date.now() / 1000) * 1000) : parseTime(given.endTime, 'endTime');
  if (end < start) throw new Error('endTime must not be before startTime.');
  if (given.region !== undefined && (typeof given.region !== 'string' || !REGION.test(given.region)))
    throw new Error('region must be a region name such as us-west-2.');
  if (given.accountId !== undefined && (typeof given.accountId !== 'string' || !/^\d{12}$/.test(given.accountId)))
    throw new Error('accountId must be a 12-digit account id.');
  return {
    trailArn: given.trailArn,
    start,
    end,
    ...(given.region ? { region: given.region as string } : {}),
    ...(given.accountId ? { accountId: given.accountId as string } : {}),
  };
}

/** A YYYY-MM-DD the user typed: a real day, not in the future. Undefined when fine, else what is wrong. */
export function startDateProblem(text: string, now = new Date()): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text.trim())) return 'Type a date as YYYY-MM-DD, e.g. 2026-11-24 (UTC).';
  const date = new Date(`${text.trim()}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text.trim()) return `${text.trim()} is not a real date.`;
  if (date > now) return 'The start date is in the future.';
  return undefined;
}

function isPlainArgs(arg: unknown): arg is Record<string, unknown> {
  return typeof arg === 'object' && arg !== null && !(arg instanceof TrailNode) && 'trailArn' in arg;
}

async function pickTrail(
  trails: TrailsView,
  title: string,
  filter: (trail: TrailInfo) => boolean,
  none: string,
): Promise<TrailInfo | undefined> {
  const all = (await trails.provider.trails()).filter(filter);
  if (all.length === 0) {
    void vscode.window.showInformationMessage(none);
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    all.map((trail) => ({
      label: trail.name,
      description: `${trail.homeRegion} · s3://${trail.bucket}`,
      detail: `${trail.kmsKeyArn ? `SSE-KMS ${trail.kmsKeyArn}` : 'SSE-S3'} · log file validation ${trail.logFileValidation ? 'on' : 'off'}`,
      trail,
    })),
    { title, placeHolder: 'Which trail?', ignoreFocusOut: true, matchOnDescription: true },
  );
  return picked?.trail;
}

async function findTrailByArn(trails: TrailsView, arn: string): Promise<TrailInfo> {
  const trail = (await trails.provider.trails()).find((t) => t.arn === arn);
  if (!trail) {
    throw new ExplainedError(
      'TrailNotFound',
      `Trail ${arn} is not among the trails of the current profile and regions.`,
      undefined,
      'Choose its profile and home region with CloudTrail: Select Profile… / Select Regions….',
    );
  }
  return trail;
}

async function pickWindow(): Promise<{ start: Date; end: Date } | undefined> {
  const end = new Date(Math.floor(Date.now() / 1000) * 1000);
  const choice = await vscode.window.showQuickPick(
    [
      { label: 'Last 24 hours', ms: DAY },
      { label: 'Last 7 days', ms: 7 * DAY },
      { label: 'Since a date…', ms: 0 },
    ],
    { title: 'Validate Log File Integrity', placeHolder: 'Which digests? (by delivery time, UTC)', ignoreFocusOut: true },
  );
  if (!choice) return undefined;
  if (choice.ms > 0) return { start: new Date(end.getTime() - choice.ms), end };
  const text = await vscode.window.showInputBox({
    title: 'Validate Log File Integrity',
    prompt: 'Start date (UTC). Digests from then until now are validated.',
    placeHolder: 'YYYY-MM-DD',
    ignoreFocusOut: true,
    validateInput: (value) => startDateProblem(value, end),
  });
  if (text === undefined) return undefined;
  return { start: new Date(`${text.trim()}T00:00:00Z`), end };
}

/** The regions that have digests of this trail; asks when there are several (multi-region trails). */
async function pickRegion(
  session: AwsSession,
  trail: TrailInfo,
  organizationId: string | undefined,
  account: string,
): Promise<string | undefined> {
  if (!trail.isMultiRegion) return trail.homeRegion;
  const root = `${trailLogRoot({ account, ...(trail.keyPrefix ? { keyPrefix: trail.keyPrefix } : {}), ...(organizationId ? { organizationId } : {}) })}CloudTrail-Digest/`;
  const folders = (
    await listLogFolder(session.clients(), { bucket: trail.bucket, prefix: root, region: trail.homeRegion }, { pageSize: 1000 })
  ).folders.map((f) => f.name);
  if (folders.length <= 1) return folders[0] ?? trail.homeRegion;
  const ordered = [...folders].sort((a, b) => Number(b === trail.homeRegion) - Number(a === trail.homeRegion) || a.localeCompare(b));
  const picked = await vscode.window.showQuickPick(
    ordered.map((region) => ({ label: region, description: region === trail.homeRegion ? 'home region' : undefined })),
    { title: 'Validate Log File Integrity', placeHolder: 'Digests of which region? (each region has its own chain)', ignoreFocusOut: true },
  );
  return picked?.label;
}

/** Makes the walk stop between files once the user cancels: the store throws, log hashes are skipped. */
function cancellable(store: DigestStore, hashLog: LogHasher, token: vscode.CancellationToken): { store: DigestStore; hashLog: LogHasher } {
  const check = () => {
    if (token.isCancellationRequested) throw new CancelledError('Validation cancelled.');
  };
  return {
    store: {
      async *listKeys(bucket, prefix, marker) {
        for await (const key of store.listKeys(bucket, prefix, marker)) {
          check();
          yield key;
        }
      },
      async fetchDigest(bucket, key) {
        check();
        return store.fetchDigest(bucket, key);
      },
      async publicKeys(start, end) {
        check();
        return store.publicKeys(start, end);
      },
    },
    hashLog: async (bucket, key) =>
      token.isCancellationRequested ? { status: 'error', message: 'not checked (cancelled)' } : hashLog(bucket, key),
  };
}

function countsText(counts: ValidationCounts): string {
  const digests = counts.validDigests + counts.validBackfillDigests;
  const badDigests = counts.invalidDigests + counts.invalidBackfillDigests;
  const parts = [
    `${digests}/${digests + badDigests} digest files valid`,
    `${counts.validLogs}/${counts.validLogs + counts.invalidLogs + counts.unreadLogs} log files valid`,
  ];
  if (badDigests + counts.invalidLogs > 0) parts.push(`${badDigests + counts.invalidLogs} INVALID`);
  if (counts.unreadLogs > 0) parts.push(`${counts.unreadLogs} could not be read`);
  return parts.join(', ');
}

async function validateLogs(session: AwsSession, trails: TrailsView, reports: ReportDocuments, arg: unknown): Promise<ValidateResult> {
  const title = 'Validate Log File Integrity';
  try {
    let trail: TrailInfo | undefined;
    let window: { start: Date; end: Date } | undefined;
    let args: ValidateArgs | undefined;
    if (isPlainArgs(arg)) {
      args = validateArgs(arg);
      trail = await findTrailByArn(trails, args.trailArn);
      window = { start: args.start, end: args.end };
    } else {
      trail =
        arg instanceof TrailNode
          ? arg.trail
          : await pickTrail(
              trails,
              title,
              () => true,
              'No trails found for the current profile and regions. Choose them with CloudTrail: Select Profile… / Select Regions….',
            );
    }
    if (!trail) return { ok: false, cancelled: true };
    if (!trail.logFileValidation) {
      const message =
        `Log file validation is off for trail ${trail.name}, so CloudTrail delivers no digest files to check its logs against. ` +
        `Turn it on in the CloudTrail console (trail → General details → Edit → Log file validation) or with "aws cloudtrail update-trail --name ${trail.arn} --enable-log-file-validation"; logs delivered from then on can be validated.`;
      void vscode.window.showWarningMessage(message);
      return { ok: false, error: message };
    }
    window ??= await pickWindow();
    if (!window) return { ok: false, cancelled: true };

    let organizationId: string | undefined;
    let account = args?.accountId ?? trail.account;
    if (trail.isOrganizationTrail) {
      const found = await organizationIds(session.clients(), {
        bucket: trail.bucket,
        ...(trail.keyPrefix ? { keyPrefix: trail.keyPrefix } : {}),
        region: trail.homeRegion,
      });
      if (found.length !== 1) {
        throw new ExplainedError(
          'OrganizationIdUnknown',
          `Could not tell the organization id of ${trail.arn} from s3://${trail.bucket}/${trail.keyPrefix ? `${trail.keyPrefix}/` : ''}AWSLogs/.`,
          found.length === 0 ? 'There is no o-… folder there.' : `There are several: ${found.join(', ')}.`,
          'Use "aws cloudtrail validate-logs --account-id" for this trail.',
        );
      }
      organizationId = found[0];
      if (!args?.accountId) {
        const typed = await vscode.window.showInputBox({
          title,
          prompt: `${trail.name} is an organization trail: which member account's digests?`,
          value: trail.account,
          ignoreFocusOut: true,
          validateInput: (value) => (/^\d{12}$/.test(value.trim()) ? undefined : 'A 12-digit account id.'),
        });
        if (typed === undefined) return { ok: false, cancelled: true };
        account = typed.trim();
      }
    }
    const region = args ? (args.region ?? trail.homeRegion) : await pickRegion(session, trail, organizationId, account);
    if (!region) return { ok: false, cancelled: true };
    const chosen = trail;
    const { start, end } = window;
    const digestTrail: DigestTrail = {
      account,
      name: chosen.arn.slice(chosen.arn.lastIndexOf('/') + 1),
      homeRegion: chosen.homeRegion,
      sourceRegion: region,
      ...(chosen.keyPrefix ? { keyPrefix: chosen.keyPrefix } : {}),
      ...(organizationId ? { organizationId } : {}),
    };

    const lines: string[] = [];
    let counts: ValidationCounts | undefined;
    let cancelled = false;
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Validating ${chosen.name} (${region})`, cancellable: true },
      async (progress, token) => {
        const clients = session.clients();
        const guarded = cancellable(
          s3DigestStore(clients, region, chosen.arn),
          (bucket, key) => hashLogObject(clients, bucket, key, chosen.arn),
          token,
        );
        let files = 0;
        try {
          counts = await validateTrailLogs(guarded.store, guarded.hashLog, chosen.bucket, digestTrail, start, end, (line) => {
            lines.push(formatVerdictLine(line));
            if (line.kind !== 'gap') progress.report({ message: `${++files} files checked` });
          });
        } catch (error) {
          if (!isCancelled(error)) throw error;
          cancelled = true;
        }
      },
    );

    const header = `Validating log files for trail ${chosen.arn} between ${display(start)} and ${display(end)}\nDigests of region ${region}, bucket s3://${chosen.bucket}\n\n`;
    const body = lines.length > 0 ? `${lines.join('\n')}\n\n` : '';
    const tail =
      cancelled || !counts ? `Cancelled after ${lines.length} lines: these results are incomplete.\n` : formatSummary(counts, start, end);
    const uri = await reports.show(`validate-${chosen.name}-${region}`, `${header}${body}${tail}`);
    if (cancelled || !counts) {
      void vscode.window.showInformationMessage(`Validation of ${chosen.name} cancelled; the report shows what was checked before.`);
      return { ok: false, uri: uri.toString(), cancelled: true };
    }
    const digests = counts.validDigests + counts.validBackfillDigests + counts.invalidDigests + counts.invalidBackfillDigests;
    if (digests === 0) {
      void vscode.window.showWarningMessage(
        `No digest files of ${chosen.name} in ${region} between ${display(start)} and ${display(end)}: nothing was validated. Choose a longer window, or another region.`,
      );
    } else if (validationFailed(counts)) {
      void vscode.window.showWarningMessage(
        `Log file integrity of ${chosen.name} (${region}): ${countsText(counts)}. See the report for which files.`,
      );
    } else {
      void vscode.window.showInformationMessage(`Log file integrity of ${chosen.name} (${region}): ${countsText(counts)}.`);
    }
    return { ok: !validationFailed(counts) && digests > 0, uri: uri.toString(), counts };
  } catch (error) {
    void vscode.window.showErrorMessage(`Could not validate log files: ${errorText(error)}`);
    return { ok: false, error: errorText(error) };
  }
}

const ANSWER = (check: PolicyCheck): string => check.answer.toUpperCase();

async function checkTrailKeyPolicy(
  session: AwsSession,
  trails: TrailsView,
  reports: ReportDocuments,
  arg: unknown,
): Promise<KeyPolicyResult> {
  try {
    let trail: TrailInfo | undefined;
    if (isPlainArgs(arg)) {
      const arn = arg.trailArn;
      if (typeof arn !== 'string' || !TRAIL_ARN.test(arn))
        throw new Error('trailArn must be a trail ARN (arn:aws:cloudtrail:<region>:<account>:trail/<name>).');
      trail = await findTrailByArn(trails, arn);
    } else {
      trail =
        arg instanceof TrailNode
          ? arg.trail
          : await pickTrail(
              trails,
              'Check Key Policy',
              (t) => !!t.kmsKeyArn,
              'No trail of the current profile and regions uses SSE-KMS, so there is no key policy to check.',
            );
    }
    if (!trail) return { ok: false };
    const keyArn = trail.kmsKeyArn;
    if (!keyArn) {
      const message = `Trail ${trail.name} encrypts its logs with SSE-S3 (S3-managed keys): there is no KMS key policy to check.`;
      void vscode.window.showInformationMessage(message);
      return { ok: false, error: message };
    }
    const clients = session.clients();
    const chosen = trail;
    const [policy, caller, region] = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Reading the key policy of ${keyArn}` },
      () =>
        Promise.all([getKeyPolicy(clients, keyArn), clients.callerIdentity(), bucketRegion(clients, chosen.bucket).catch(() => undefined)]),
    );
    let report;
    try {
      report = checkKeyPolicy(policy, {
        trailArn: trail.arn,
        keyArn,
        callerArn: caller.arn,
        callerAccount: caller.account,
        ...(region ? { bucketRegion: region } : {}),
      });
    } catch (error) {
      if (error instanceof PolicyFormatError)
        throw new ExplainedError('BadKeyPolicy', `The policy of ${keyArn} could not be read: ${error.message}.`);
      throw error;
    }
    const answers = {
      encrypt: ANSWER(report.cloudTrailEncrypt),
      describe: ANSWER(report.cloudTrailDescribe),
      decrypt: ANSWER(report.callerDecrypt),
    };
    const text =
      `Trail  ${trail.arn}\nKey    ${keyArn}\nCaller ${caller.arn}\n\n` +
      `CloudTrail may encrypt:  ${answers.encrypt}\nCloudTrail may describe: ${answers.describe}\nYou may decrypt:         ${answers.decrypt}\n\n` +
      `${formatKeyPolicyReport(report)}\nCANNOT TELL means IAM policies, grants or conditions this check does not evaluate decide.\n`;
    const uri = await reports.show(`key-policy-${trail.name}`, text);
    const summary = `Key policy of ${trail.name}'s key: CloudTrail may encrypt: ${answers.encrypt} · may describe: ${answers.describe} · you may decrypt: ${answers.decrypt}.`;
    const anyNo = [answers.encrypt, answers.describe, answers.decrypt].includes('NO');
    if (anyNo) void vscode.window.showWarningMessage(`${summary} See the report for the reasons.`);
    else void vscode.window.showInformationMessage(summary);
    return { ok: !anyNo, uri: uri.toString(), answers };
  } catch (error) {
    void vscode.window.showErrorMessage(`Could not check the key policy: ${errorText(error)}`);
    return { ok: false, error: errorText(error) };
  }
}

export function registerIntegrityCommands(
  context: vscode.ExtensionContext,
  session: AwsSession,
  trails: TrailsView,
  reports: ReportDocuments,
): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.validateLogs, (arg?: unknown) => validateLogs(session, trails, reports, arg)),
    vscode.commands.registerCommand(Commands.checkKeyPolicy, (arg?: unknown) => checkTrailKeyPolicy(session, trails, reports, arg)),
  );
}
