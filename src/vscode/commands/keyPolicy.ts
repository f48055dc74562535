/** Check Key Policy: may CloudTrail encrypt with the trail's key, may it describe it, may you decrypt — as a report. */
import * as vscode from 'vscode';
import { checkTrailKeyPolicy } from '../../aws/keyPolicy';
import { formatKeyPolicyReport, keyPolicyAnswers, keyPolicyRefuses } from '../../core/keyPolicy';
import type { MemoryDocuments } from '../documents/memoryDocuments';
import { withProgress } from '../progress';
import type { AwsSession } from '../session';
import { TrailNode } from '../tree/trailNodes';
import type { TrailsView } from '../tree/trailsView';
import { Commands } from './commandIds';
import { registerCommand } from './command';
import { isPlainTrailArgs, pickTrail, trailArnArgument, trailByArn } from './trailArgument';

export interface KeyPolicyResult {
  ok: boolean;
  uri?: string;
  answers?: { encrypt: string; describe: string; decrypt: string };
  error?: string;
}

async function checkKeyPolicy(session: AwsSession, trails: TrailsView, reports: MemoryDocuments, arg: unknown): Promise<KeyPolicyResult> {
  const trail = isPlainTrailArgs(arg)
    ? await trailByArn(trails, trailArnArgument(arg))
    : arg instanceof TrailNode
      ? arg.trail
      : await pickTrail(
          trails,
          vscode.l10n.t('Check Key Policy'),
          (t) => !!t.kmsKeyArn,
          vscode.l10n.t('No trail of the current profile and regions uses SSE-KMS, so there is no key policy to check.'),
        );
  if (!trail) return { ok: false };
  const clients = session.clients();
  const { keyArn, callerArn, report } = await withProgress(
    vscode.l10n.t('Reading the key policy of {0}', trail.kmsKeyArn ?? trail.name),
    () => checkTrailKeyPolicy(clients, trail),
  );
  const answers = keyPolicyAnswers(report);
  // l10n-ignore: the report is English like the CLI's and the knowledge base it quotes (README, Localization)
  const text =
    `Trail  ${trail.arn}\nKey    ${keyArn}\nCaller ${callerArn}\n\n` +
    `CloudTrail may encrypt:  ${answers.encrypt}\nCloudTrail may describe: ${answers.describe}\nYou may decrypt:         ${answers.decrypt}\n\n` +
    `${formatKeyPolicyReport(report)}\nWhere the key policy leaves it to IAM, your IAM policies were asked (IAM policy simulation). CANNOT TELL: ` +
    `something this check could not read decides it (the reasons say what); KMS grants are not checked.\n`;
  const uri = await reports.show(`key-policy-${trail.name}`, text);
  const summary = vscode.l10n.t(
    "Key policy of {0}'s key: CloudTrail may encrypt: {1} · may describe: {2} · you may decrypt: {3}.",
    trail.name,
    answers.encrypt,
    answers.describe,
    answers.decrypt,
  );
  const refuses = keyPolicyRefuses(report);
  if (refuses) void vscode.window.showWarningMessage(vscode.l10n.t('{0} See the report for the reasons.', summary));
  else void vscode.window.showInformationMessage(summary);
  return { ok: !refuses, uri: uri.toString(), answers };
}

export function registerKeyPolicy(
  context: vscode.ExtensionContext,
  session: AwsSession,
  trails: TrailsView,
  reports: MemoryDocuments,
): void {
  registerCommand(
    context,
    Commands.checkKeyPolicy,
    // A trail without a KMS key is an answer (there is no key policy), not a failure.
    { area: 'kms', failure: vscode.l10n.t('Could not check the key policy'), notices: { NoKmsKey: 'info' } },
    (arg?: unknown) => checkKeyPolicy(session, trails, reports, arg),
  );
}
