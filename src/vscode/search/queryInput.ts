/**
 * The Find Events query box: a quick input holding the query text (prefilled from where the search was started),
 * checked as the user types — a bad query shows what is wrong at which token — and a button that offers the recent
 * searches. Resolves to the text, or undefined when the user backs out.
 */
import * as vscode from 'vscode';
import { parseQuery, QueryError } from '../../core/search';
import type { RecentSearches } from './recentSearches';

const PROMPT = vscode.l10n.t(
  'Fields AND, commas OR: name:Decrypt,Encrypt principal:ARN|AKIA… key:alias/x error:any ctx:K=V ip:10.0.* request:ID "free text" — from:-2h|2026-11-24 to:… (without from: the last hour); trail:NAME or scope:s3://bucket/prefix says where.',
);

/** What is wrong with the text, pointing at the token; undefined when it parses. */
export function queryProblem(text: string): string | undefined {
  if (text.trim() === '') return vscode.l10n.t('Type a query, e.g. name:Decrypt from:-1h');
  try {
    parseQuery(text);
    return undefined;
  } catch (error) {
    if (!(error instanceof QueryError)) return (error as Error).message;
    if (error.start < 0) return error.message;
    const token = text.slice(error.start, Math.max(error.end, error.start + 1));
    const shown = token.length > 40 ? `${token.slice(0, 40)}…` : token;
    return vscode.l10n.t('Column {0}, at “{1}”: {2}; expected {3}.', error.start + 1, shown, error.problem, error.expected);
  }
}

export function askQuery(initial: string, recent: RecentSearches, title: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    const input = vscode.window.createInputBox();
    const history: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('history'), tooltip: vscode.l10n.t('Recent searches') };
    let picking = false;
    let settled = false;
    const finish = (value: string | undefined): void => {
      if (settled) return;
      settled = true;
      resolve(value);
      input.dispose();
    };
    input.title = title;
    input.prompt = PROMPT;
    // l10n-ignore: an example query in the search language, not words
    input.placeholder = 'trail:management from:-1h name:Decrypt principal:arn:aws:iam::111122223333:role/Admin';
    input.value = initial;
    input.valueSelection = [initial.length, initial.length];
    input.ignoreFocusOut = true;
    input.buttons = recent.list().length ? [history] : [];
    input.validationMessage = initial ? queryProblem(initial) : undefined;
    input.onDidChangeValue((value) => (input.validationMessage = queryProblem(value)));
    input.onDidAccept(() => {
      const problem = queryProblem(input.value);
      input.validationMessage = problem;
      if (!problem) finish(input.value.trim());
    });
    input.onDidHide(() => {
      if (!picking) finish(undefined);
    });
    input.onDidTriggerButton(async () => {
      picking = true;
      const picked = await vscode.window.showQuickPick(
        recent.list().map((item) => ({ label: item.text, description: item.at.slice(0, 16).replace('T', ' ') })),
        {
          title: vscode.l10n.t('Recent searches'),
          placeHolder: vscode.l10n.t('Pick a search to edit and run again'),
          ignoreFocusOut: true,
        },
      );
      picking = false;
      if (settled) return;
      if (picked) {
        input.value = picked.label;
        input.valueSelection = [picked.label.length, picked.label.length];
        input.validationMessage = queryProblem(picked.label);
      }
      input.show();
    });
    input.show();
  });
}
