import * as vscode from 'vscode';
import { DEFAULT_MAX_EVENTS, lookupKeyActivity } from '../../aws/keyActivity';
import { parseArn } from '../../core/arn';
import { errorText, isCancelled } from '../errorText';
import { Commands } from './commandIds';
import { log } from '../log';
import type { AwsSession } from '../session';
import { KeyNode } from '../tree/trailNodes';

/** Read-only in-memory documents holding LookupEvents JSON; the path ends in .json so the JSON language and hovers apply. */
export const ACTIVITY_SCHEME = 'cloudtrail-kms-activity';

export interface KeyActivityResult {
  ok: boolean;
  uri?: string;
  events?: number;
  truncated?: boolean;
  cancelled?: boolean;
  error?: string;
}

/**
 * The texts live in memory only (event content never goes to disk), the newest few of them: VS Code may ask for a
 * document's text again after it closed a model (e.g. on a language change), so texts are not dropped on close.
 */
const KEPT_DOCUMENTS = 10;

class ActivityDocuments implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private counter = 0;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '// This activity is no longer in memory: run "Show KMS Activity" on the key again.\n';
  }

  add(name: string, text: string): vscode.Uri {
    const safeName = name.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 120) || 'key';
    const uri = vscode.Uri.from({ scheme: ACTIVITY_SCHEME, path: `/${safeName}-activity.json`, query: `run=${++this.counter}` });
    this.texts.set(uri.toString(), text);
    for (const old of this.texts.keys()) {
      if (this.texts.size <= KEPT_DOCUMENTS) break;
      this.texts.delete(old);
    }
    return uri;
  }
}

function keyOf(arg: unknown): { keyArn: string; region?: string; label: string } | undefined {
  if (arg instanceof KeyNode) {
    return {
      keyArn: arg.keyArn,
      region: arg.key?.region,
      label: arg.key?.alias ?? arg.key?.keyId ?? arg.keyArn.split('/').pop() ?? arg.keyArn,
    };
  }
  // Plain arguments (scripts, tests): { keyArn }.
  if (arg && typeof arg === 'object' && typeof (arg as { keyArn?: unknown }).keyArn === 'string') {
    const keyArn = (arg as { keyArn: string }).keyArn;
    return { keyArn, label: keyArn.split('/').pop() ?? keyArn };
  }
  return undefined;
}

async function showKeyActivity(session: AwsSession, documents: ActivityDocuments, arg: unknown): Promise<KeyActivityResult> {
  const key = keyOf(arg);
  const arn = key ? parseArn(key.keyArn) : undefined;
  if (!key || !arn || arn.service !== 'kms' || !arn.resource.startsWith('key/')) {
    const message = 'Show KMS Activity works on a key in the CloudTrail view: right-click a key and choose "Show KMS Activity".';
    void vscode.window.showErrorMessage(message);
    return { ok: false, error: message };
  }
  const region = key.region || arn.region;
  try {
    const activity = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Looking up CloudTrail events of KMS key ${key.label}`, cancellable: true },
      async (_progress, token) => {
        const abort = new AbortController();
        const subscription = token.onCancellationRequested(() => abort.abort());
        try {
          return await lookupKeyActivity(session.clients(), { keyArn: key.keyArn, region }, { signal: abort.signal });
        } finally {
          subscription.dispose();
        }
      },
    );
    const uri = documents.add(key.label, `${JSON.stringify({ Events: activity.events }, null, 2)}\n`);
    let document = await vscode.workspace.openTextDocument(uri);
    if (document.languageId !== 'json') document = await vscode.languages.setTextDocumentLanguage(document, 'json');
    await vscode.window.showTextDocument(document, { preview: false });
    log().info(
      `[cloudtrail] LookupEvents for ${key.keyArn} in ${region}: ${activity.events.length} events${activity.truncated ? ' (stopped at the cap)' : ''}`,
    );
    if (activity.events.length === 0) {
      void vscode.window.showInformationMessage(
        `CloudTrail has no management events of KMS key ${key.label} in ${region} in the last 90 days.`,
      );
    } else if (activity.truncated) {
      void vscode.window.showInformationMessage(
        `Showing the newest ${DEFAULT_MAX_EVENTS} CloudTrail events of KMS key ${key.label}; older ones exist (the CLI's activity command takes --max).`,
      );
    }
    return { ok: true, uri: uri.toString(), events: activity.events.length, truncated: activity.truncated };
  } catch (error) {
    if (isCancelled(error)) return { ok: false, cancelled: true };
    log().warn(`[cloudtrail] LookupEvents for ${key.keyArn} failed: ${errorText(error)}`);
    void vscode.window.showErrorMessage(`Could not look up the activity of KMS key ${key.label}: ${errorText(error)}`);
    return { ok: false, error: errorText(error) };
  }
}

export function registerKeyActivity(context: vscode.ExtensionContext, session: AwsSession): void {
  const documents = new ActivityDocuments();
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(ACTIVITY_SCHEME, documents),
    vscode.commands.registerCommand(Commands.showKeyActivity, (arg?: unknown) => showKeyActivity(session, documents, arg)),
  );
}
