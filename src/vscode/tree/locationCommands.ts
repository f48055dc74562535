/** "CloudTrail: Add Log Location…" and "Remove Log Location": pin `s3://bucket[/prefix]` in the Trails view, per profile. */
import * as vscode from 'vscode';
import { layoutSummary } from '../../core/logs/layoutHints';
import { Commands } from '../commands/commandIds';
import { registerCommand } from '../commands/command';
import type { AwsSession } from '../session';
import { LocationNode } from './locationNode';
import { pinnedLocation, type PinnedLocations } from './pinnedLocations';
import type { TrailsProvider } from './trailsTree';

export interface LocationResult {
  ok: boolean;
  uri?: string;
  /** Whether it was new (false: it was pinned already, or not pinned to remove). */
  changed?: boolean;
  /** The layout found under it: `organization o-… · 4 accounts · us-west-2`. */
  layout?: string;
  error?: string;
  cancelled?: boolean;
}

const EXAMPLE = 's3://aws-controltower-logs-123456789012-us-east-1/o-abcdefghij/';

async function askLocation(): Promise<string | undefined> {
  return vscode.window.showInputBox({
    title: vscode.l10n.t('Add Log Location'),
    prompt: vscode.l10n.t(
      'A bucket (and prefix) with CloudTrail logs, to browse without its trail — e.g. from a log-archive account. The layout under it (AWSLogs/, organization, accounts, regions) is found for you.',
    ),
    placeHolder: EXAMPLE,
    ignoreFocusOut: true,
    validateInput: (value) =>
      value.trim() === '' || pinnedLocation(value.trim())
        ? undefined
        : vscode.l10n.t('Type s3://bucket or s3://bucket/prefix, e.g. {0}', EXAMPLE),
  });
}

export function registerLocationCommands(
  context: vscode.ExtensionContext,
  session: AwsSession,
  provider: TrailsProvider,
  pinned: PinnedLocations,
): void {
  registerCommand(
    context,
    Commands.addLogLocation,
    { area: 'tree', failure: vscode.l10n.t('Could not add the log location') },
    async (given?: unknown): Promise<LocationResult> => {
      const text = typeof given === 'string' ? given : await askLocation();
      if (text === undefined || text.trim() === '') return { ok: false, cancelled: true };
      const location = pinnedLocation(text.trim());
      if (!location) throw new Error(vscode.l10n.t('Not an S3 location: {0}. Type s3://bucket or s3://bucket/prefix.', text.slice(0, 200)));
      const changed = await pinned.add(session.profileLabel(), location);
      const node = await provider.pinLocation(location);
      const children = await provider.getChildren(node);
      await provider.reveal(node, true);
      const error = children.find((child) => child.kind === 'error');
      return {
        ok: !error,
        uri: location.uri,
        changed,
        ...(node.layout ? { layout: layoutSummary(node.layout) } : {}),
        ...(error && error.kind === 'error' ? { error: error.message } : {}),
      };
    },
  );
  registerCommand(
    context,
    Commands.removeLogLocation,
    { area: 'tree', failure: vscode.l10n.t('Could not remove the log location') },
    async (given?: unknown): Promise<LocationResult> => {
      const profile = session.profileLabel();
      let uri = given instanceof LocationNode ? given.uri : typeof given === 'string' ? pinnedLocation(given)?.uri : undefined;
      if (!uri && given === undefined) {
        const all = pinned.list(profile);
        if (all.length === 0) {
          void vscode.window.showInformationMessage(vscode.l10n.t('No log locations are pinned for profile {0}.', profile));
          return { ok: false, cancelled: true };
        }
        uri =
          (await vscode.window.showQuickPick(
            all.map((l) => l.uri),
            { title: vscode.l10n.t('Remove Log Location'), placeHolder: vscode.l10n.t('Which location?') },
          )) ?? undefined;
        if (!uri) return { ok: false, cancelled: true };
      }
      if (!uri) throw new Error(vscode.l10n.t('Give a pinned log location (s3://bucket[/prefix]) to remove.'));
      const changed = await pinned.remove(profile, uri);
      provider.unpinLocation(uri);
      return { ok: true, uri, changed };
    },
  );
}
