/**
 * The actions a failure notification offers (the command wrapper shows those that apply to the error):
 * - Show Details: the whole explanation (what, why, what to do, the statement to ask for) in a read-only document;
 * - Copy Policy Statement: the statement that would allow what was refused, with the real principal, action and
 *   resource (key, bucket, account) filled in, for a denial;
 * - Select Profile…: for missing or expired credentials, denials and trails not found (another profile may have the
 *   permission or see the trail), then the failed command runs again with the chosen profile;
 * - Retry: for failures that may pass on their own (throttling, network, server errors, expired credentials after a
 *   sign-in, a truncated download).
 */
import * as vscode from 'vscode';
import type { PolicyRemedy } from '../../core/errors';
import type { MemoryDocuments } from '../documents/memoryDocuments';
import { errorHeadline, errorText, explained, wrapText } from '../errorText';
import type { AwsSession } from '../session';
import { Commands } from './commandIds';
import { setErrorActions, type ErrorAction, type Invocation } from './command';

const PROFILE_CODES = new Set(['Credentials', 'AccessDenied', 'KmsDecryptDenied', 'TrailNotFound']);
const RETRY_CODES = new Set(['Throttled', 'Network', 'ServiceError', 'Credentials', 'TruncatedGzip', 'Timeout']);

function remedyOf(error: unknown): PolicyRemedy | undefined {
  return explained(error)?.remedy;
}

/** Where the statement goes, in words. */
export function remedyPlace(remedy: PolicyRemedy): string {
  if (remedy.policy === 'identity')
    return remedy.principalArn
      ? vscode.l10n.t('an IAM policy of {0} (your IAM administrator adds it)', remedy.principalArn)
      : vscode.l10n.t('an IAM policy (your IAM administrator adds it)');
  if (remedy.policy === 'key')
    return remedy.resource === '*'
      ? vscode.l10n.t("the key policy of the key (the key's administrator adds it)")
      : vscode.l10n.t("the key policy of {0} (the key's administrator adds it)", remedy.resource);
  return vscode.l10n.t(
    "the bucket policy of {0} (the bucket's owner adds it)",
    remedy.resource.split(':::')[1]?.split('/')[0] ?? remedy.resource,
  );
}

/** The text of the Show Details document. */
export function errorDetails(error: unknown, invocation: Invocation, profile: string): string {
  const found = explained(error);
  const sections: string[] = [`${invocation.failure}: ${errorHeadline(error)}`, ''];
  const add = (title: string, text: string | undefined): void => {
    if (text) sections.push(title, wrapText(text), '');
  };
  if (found) {
    add(vscode.l10n.t('What happened'), found.what);
    add(vscode.l10n.t('Why'), found.why);
    add(vscode.l10n.t('What to do'), found.editorTodo ?? found.todo);
    if (found.remedy) {
      sections.push(vscode.l10n.t('The statement to ask for (Copy Policy Statement copies it), for {0}:', remedyPlace(found.remedy)));
      sections.push(JSON.stringify(found.remedy.statement, null, 2), '');
    }
  } else add(vscode.l10n.t('What happened'), errorText(error));
  const at = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  sections.push(vscode.l10n.t('Profile: {0} · Command: {1} · {2}', profile, invocation.command, at));
  return `${sections.join('\n')}\n`;
}

export function registerErrorActions(session: AwsSession, reports: MemoryDocuments): void {
  const showDetails: ErrorAction = {
    title: vscode.l10n.t('Show Details'),
    appliesTo: () => true,
    run: (error, invocation) => reports.show('error-details', errorDetails(error, invocation, session.profileLabel())),
  };
  const copyStatement: ErrorAction = {
    title: vscode.l10n.t('Copy Policy Statement'),
    appliesTo: (error) => !!remedyOf(error),
    run: async (error) => {
      const remedy = remedyOf(error);
      if (!remedy) return;
      await vscode.env.clipboard.writeText(`${JSON.stringify(remedy.statement, null, 2)}\n`);
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Copied a statement that allows {0} on {1}: it belongs in {2}.', remedy.action, remedy.resource, remedyPlace(remedy)),
      );
    },
  };
  const selectProfile: ErrorAction = {
    title: vscode.l10n.t('Select Profile…'),
    appliesTo: (error) => PROFILE_CODES.has(explained(error)?.code ?? ''),
    run: async (_error, invocation) => {
      const picked = await vscode.commands.executeCommand<string | undefined>(Commands.selectProfile);
      if (picked !== undefined) await vscode.commands.executeCommand(invocation.command, ...invocation.args);
    },
  };
  const retry: ErrorAction = {
    title: vscode.l10n.t('Retry'),
    appliesTo: (error) => RETRY_CODES.has(explained(error)?.code ?? ''),
    run: (_error, invocation) => vscode.commands.executeCommand(invocation.command, ...invocation.args),
  };
  setErrorActions([showDetails, copyStatement, selectProfile, retry]);
}
