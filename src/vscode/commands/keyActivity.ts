/**
 * Show KMS Activity: what CloudTrail recorded about a key (LookupEvents, last 90 days) in the Results view — grouped by
 * who → operation → outcome, denied calls first, with counts and time spans; each event opens as a read-only JSON
 * record with hovers; "Load more" fetches the next events beyond the first 200.
 */
import * as vscode from 'vscode';
import { DEFAULT_MAX_EVENTS, lookupKeyActivity, type KeyActivityContinuation } from '../../aws/keyActivity';
import { parseArn } from '../../core/arn';
import { ExplainedError } from '../../core/errors';
import { activityResult, activitySummary } from '../../core/keyActivity/activityResults';
import type { ResultItem } from '../../core/results/model';
import { log } from '../log';
import { anySignal, withCancellableProgress } from '../progress';
import type { ResultsHandle, ResultsView } from '../results/resultsView';
import type { AwsSession } from '../session';
import { KeyNode } from '../tree/trailNodes';
import { Commands } from './commandIds';
import { registerCommand } from './command';

export interface KeyActivityResult {
  ok: boolean;
  /** The id of the result set in the Results view. */
  results?: number;
  events?: number;
  truncated?: boolean;
  cancelled?: boolean;
  error?: string;
}

interface KeyRef {
  keyArn: string;
  region?: string;
  label: string;
}

function keyOf(arg: unknown): KeyRef | undefined {
  if (arg instanceof KeyNode) {
    return {
      keyArn: arg.keyArn,
      region: arg.key?.region,
      label: arg.key?.alias ?? arg.key?.keyId ?? arg.keyArn.split('/').pop() ?? arg.keyArn,
    };
  }
  // Plain arguments (scripts, tests): { keyArn, alias? }.
  if (arg && typeof arg === 'object' && typeof (arg as { keyArn?: unknown }).keyArn === 'string') {
    const { keyArn, alias } = arg as { keyArn: string; alias?: unknown };
    const label = typeof alias === 'string' && /^alias\/[A-Za-z0-9/_-]{1,250}$/.test(alias) ? alias : (keyArn.split('/').pop() ?? keyArn);
    return { keyArn, label };
  }
  return undefined;
}

/** Fetches one page of events (200) into the set; offers the next page while there is one. */
async function fetchPage(
  session: AwsSession,
  key: { keyArn: string; region: string; label: string },
  handle: ResultsHandle,
  items: ResultItem[],
  signal: AbortSignal,
  continueFrom?: KeyActivityContinuation,
): Promise<{ events: number; truncated: boolean }> {
  const activity = await lookupKeyActivity(session.clients(), key, { signal, ...(continueFrom ? { continueFrom } : {}) });
  const page = activity.events.map(activityResult);
  items.push(...page);
  handle.add(page);
  const next = activity.next;
  handle.offerMore(
    next
      ? {
          label: vscode.l10n.t('Load {0} more events', DEFAULT_MAX_EVENTS),
          load: async (stop) => {
            await withCancellableProgress(vscode.l10n.t('Looking up more CloudTrail events of KMS key {0}', key.label), (cancel) =>
              fetchPage(session, key, handle, items, anySignal(cancel, stop), next),
            );
          },
        }
      : undefined,
  );
  handle.setSummary(activitySummary(items, !!next));
  log().info(`[cloudtrail] LookupEvents for ${key.keyArn} in ${key.region}: ${items.length} events${next ? ' so far (more exist)' : ''}`);
  return { events: activity.events.length, truncated: activity.truncated };
}

async function showKeyActivity(session: AwsSession, results: ResultsView, arg: unknown): Promise<KeyActivityResult> {
  const given = keyOf(arg);
  const arn = given ? parseArn(given.keyArn) : undefined;
  if (!given || !arn || arn.service !== 'kms' || !arn.resource.startsWith('key/')) {
    throw new ExplainedError(
      'NoKeyGiven',
      vscode.l10n.t('Show KMS Activity works on a key in the CloudTrail view: right-click a key and choose "Show KMS Activity".'),
    );
  }
  const key = { keyArn: given.keyArn, region: given.region || arn.region, label: given.label };
  const handle = results.show({
    kind: 'activity',
    title: vscode.l10n.t('KMS activity of {0} · {1} · last 90 days', key.label, key.region),
    summary: vscode.l10n.t('looking up…'),
  });
  const items: ResultItem[] = [];
  let page: { events: number; truncated: boolean };
  try {
    page = await withCancellableProgress(vscode.l10n.t('Looking up CloudTrail events of KMS key {0}', key.label), (cancel) =>
      fetchPage(session, key, handle, items, anySignal(cancel, handle.signal)),
    );
  } catch (error) {
    handle.done(items.length ? undefined : vscode.l10n.t('the lookup failed or was cancelled'));
    throw error;
  }
  handle.done();
  if (items.length === 0) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('CloudTrail has no management events of KMS key {0} in {1} in the last 90 days.', key.label, key.region),
    );
  }
  return { ok: true, results: handle.id, events: page.events, truncated: page.truncated };
}

export function registerKeyActivity(context: vscode.ExtensionContext, session: AwsSession, results: ResultsView): void {
  registerCommand(
    context,
    Commands.showKeyActivity,
    { area: 'cloudtrail', failure: vscode.l10n.t('Could not look up the activity of the KMS key') },
    (arg?: unknown) => showKeyActivity(session, results, arg),
  );
}
