/** Show KMS Activity: what CloudTrail recorded about a key (LookupEvents), as a read-only JSON document with hovers. */
import * as vscode from 'vscode';
import { DEFAULT_MAX_EVENTS, lookupKeyActivity } from '../../aws/keyActivity';
import { parseArn } from '../../core/arn';
import { ExplainedError } from '../../core/errors';
import { ACTIVITY_DOCUMENTS, registerMemoryDocuments, type MemoryDocuments } from '../documents/memoryDocuments';
import { log } from '../log';
import { withCancellableProgress } from '../progress';
import type { AwsSession } from '../session';
import { KeyNode } from '../tree/trailNodes';
import { Commands } from './commandIds';
import { registerCommand } from './command';

export interface KeyActivityResult {
  ok: boolean;
  uri?: string;
  events?: number;
  truncated?: boolean;
  cancelled?: boolean;
  error?: string;
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

async function showKeyActivity(session: AwsSession, documents: MemoryDocuments, arg: unknown): Promise<KeyActivityResult> {
  const key = keyOf(arg);
  const arn = key ? parseArn(key.keyArn) : undefined;
  if (!key || !arn || arn.service !== 'kms' || !arn.resource.startsWith('key/')) {
    throw new ExplainedError(
      'NoKeyGiven',
      vscode.l10n.t('Show KMS Activity works on a key in the CloudTrail view: right-click a key and choose "Show KMS Activity".'),
    );
  }
  const region = key.region || arn.region;
  const activity = await withCancellableProgress(vscode.l10n.t('Looking up CloudTrail events of KMS key {0}', key.label), (signal) =>
    lookupKeyActivity(session.clients(), { keyArn: key.keyArn, region }, { signal }),
  );
  const uri = await documents.show(`${key.label}-activity`, `${JSON.stringify({ Events: activity.events }, null, 2)}\n`);
  log().info(
    `[cloudtrail] LookupEvents for ${key.keyArn} in ${region}: ${activity.events.length} events${activity.truncated ? ' (stopped at the cap)' : ''}`,
  );
  if (activity.events.length === 0) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('CloudTrail has no management events of KMS key {0} in {1} in the last 90 days.', key.label, region),
    );
  } else if (activity.truncated) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        "Showing the newest {0} CloudTrail events of KMS key {1}; older ones exist (the CLI's activity command takes --max).",
        DEFAULT_MAX_EVENTS,
        key.label,
      ),
    );
  }
  return { ok: true, uri: uri.toString(), events: activity.events.length, truncated: activity.truncated };
}

export function registerKeyActivity(context: vscode.ExtensionContext, session: AwsSession): void {
  const documents = registerMemoryDocuments(context, ACTIVITY_DOCUMENTS);
  registerCommand(
    context,
    Commands.showKeyActivity,
    { area: 'cloudtrail', failure: vscode.l10n.t('Could not look up the activity of the KMS key') },
    (arg?: unknown) => showKeyActivity(session, documents, arg),
  );
}
