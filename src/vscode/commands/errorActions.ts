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
  const who = remedy.principalArn ? ` of ${remedy.principalArn}` : '';
  if (remedy.policy === 'identity') return `an IAM policy${who} (your IAM administrator adds it)`;
  if (remedy.policy === 'key')
    return `the key policy of ${remedy.resource === '*' ? 'the key' : remedy.resource} (the key's administrator adds it)`;
  return `the bucket policy of ${remedy.resource.split(':::')[1]?.split('/')[0] ?? remedy.resource} (the bucket's owner adds it)`;
}

/** The text of the Show Details document. */
export function errorDetails(error: unknown, invocation: Invocation, profile: string): string {
  const found = explained(error);
  const sections: string[] = [`${invocation.failure}: ${errorHeadline(error)}`, ''];
  const add = (title: string, text: string | undefined): void => {
    if (text) sections.push(title, wrapText(text), '');
  };
  if (found) {
    add('What happened', found.what);
    add('Why', found.why);
    add('What to do', found.editorTodo ?? found.todo);
    if (found.remedy) {
      sections.push(`The statement to ask for (Copy Policy Statement copies it), for ${remedyPlace(found.remedy)}:`);
      sections.push(JSON.stringify(found.remedy.statement, null, 2), '');
    }
  } else add('What happened', errorText(error));
  sections.push(`Profile: ${profile} · Command: ${invocation.command} · ${new Date().toISOString().replace(/\.\d{3}Z$/, 'Z')}`);
  return `${sections.join('\n')}\n`;
}

export function registerErrorActions(session: AwsSession, reports: MemoryDocuments): void {
  const showDetails: ErrorAction = {
    title: 'Show Details',
    appliesTo: () => true,
    run: (error, invocation) => reports.show('error-details', errorDetails(error, invocation, session.profileLabel())),
  };
  const copyStatement: ErrorAction = {
    title: 'Copy Policy Statement',
    appliesTo: (error) => !!remedyOf(error),
    run: async (error) => {
      const remedy = remedyOf(error);
      if (!remedy) return;
      await vscode.env.clipboard.writeText(`${JSON.stringify(remedy.statement, null, 2)}\n`);
      void vscode.window.showInformationMessage(
        `Copied a statement that allows ${remedy.action} on ${remedy.resource}: it belongs in ${remedyPlace(remedy)}.`,
      );
    },
  };
  const selectProfile: ErrorAction = {
    title: 'Select Profile…',
    appliesTo: (error) => PROFILE_CODES.has(explained(error)?.code ?? ''),
    run: async (_error, invocation) => {
      const picked = await vscode.commands.executeCommand<string | undefined>(Commands.selectProfile);
      if (picked !== undefined) await vscode.commands.executeCommand(invocation.command, ...invocation.args);
    },
  };
  const retry: ErrorAction = {
    title: 'Retry',
    appliesTo: (error) => RETRY_CODES.has(explained(error)?.code ?? ''),
    run: (_error, invocation) => vscode.commands.executeCommand(invocation.command, ...invocation.args),
  };
  setErrorActions([showDetails, copyStatement, selectProfile, retry]);
}
