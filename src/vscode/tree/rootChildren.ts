/** The top level of the Trails view: trails (with the caller's view of them), pinned log locations, each region's keys. */
import * as vscode from 'vscode';
import type { AwsClients } from '../../aws/clients';
import { listTrails } from '../../aws/trails';
import { CancelledError } from '../../core/errors';
import { errorText, isCredentialsError } from '../errorText';
import { log } from '../log';
import type { AwsSession } from '../session';
import { KeysNode } from './keyNodes';
import { LocationNode } from './locationNode';
import type { PinnedLocations } from './pinnedLocations';
import { ErrorNode, NoTrailsNode } from './statusNodes';
import { TrailNode, type TrailsNode } from './trailNodes';

const NO_CREDENTIALS = 'cloudtrailKms.noCredentials';
export const TRAILS_VIEW_ID = 'cloudtrailKms.trails';

export interface Roots {
  nodes: TrailsNode[];
  /** The caller's account, when GetCallerIdentity answered. */
  viewer?: string;
  /** Not to be kept: the next expand loads again (no credentials: the welcome view shows instead). */
  retry?: boolean;
}

export async function callerAccount(clients: AwsClients): Promise<string | undefined> {
  return (await clients.callerIdentity().catch(() => undefined))?.account || undefined;
}

/** Trails of the profile's regions, the profile's pinned locations, a key list per region; a failure becomes an error row. */
export async function loadRoots(session: AwsSession, pinned: PinnedLocations): Promise<Roots> {
  const clients = session.clients();
  const locations = pinned.list(session.profileLabel()).map((l) => new LocationNode(l.uri, l.bucket, l.prefix));
  let regions: string[] = [];
  try {
    regions = await clients.regions();
    log().info(`[cloudtrail] listing trails in ${regions.join(', ')} (profile ${session.profileLabel()})`);
    const regionErrors: string[] = [];
    const [trails, viewer] = await Promise.all([
      listTrails(clients, regions, { onRegionError: (region, error) => regionErrors.push(`${region}: ${errorText(error)}`) }),
      callerAccount(clients),
    ]);
    await vscode.commands.executeCommand('setContext', NO_CREDENTIALS, false);
    const nodes: TrailsNode[] = trails.map((trail) => new TrailNode(trail, viewer));
    for (const message of regionErrors) nodes.push(new ErrorNode(undefined, message));
    if (trails.length === 0 && locations.length === 0)
      nodes.push(
        new NoTrailsNode(
          vscode.l10n.t('No trails in {0}', regions.join(', ')),
          vscode.l10n.t(
            'Choose other regions (CloudTrail: Select Regions…) or another profile; or, to read a log bucket without its trail (a log-archive account), add it with CloudTrail: Add Log Location….',
          ),
        ),
      );
    return { nodes: [...nodes, ...locations, ...regions.map((region) => new KeysNode(region, viewer))], viewer };
  } catch (error) {
    log().warn(`[cloudtrail] listing trails failed: ${errorText(error)}`);
    if (isCredentialsError(error)) {
      await vscode.commands.executeCommand('setContext', NO_CREDENTIALS, true);
      return { nodes: [], retry: true }; // the welcome view explains how to pick a profile
    }
    // A log-archive reader may not call CloudTrail at all: its pinned locations still show, and the top level is kept
    // (so the locations keep what they learned); the error row reloads it on click.
    const viewer = await callerAccount(clients);
    return {
      nodes: [new ErrorNode(undefined, errorText(error)), ...locations, ...regions.map((region) => new KeysNode(region, viewer))],
      viewer,
    };
  }
}

/** Rejects with CancelledError when the signal aborts (for calls that take no signal themselves). */
export function abortable<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new CancelledError());
  return new Promise<T>((resolve, reject) => {
    const stop = (): void => reject(new CancelledError());
    signal.addEventListener('abort', stop, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', stop));
  });
}

/** Runs `work` with the Trails view's progress bar showing. */
export function withViewProgress<T>(work: Promise<T>): Promise<T> {
  return Promise.resolve(vscode.window.withProgress({ location: { viewId: TRAILS_VIEW_ID } }, () => work));
}

/** What a "Loading…" row stands for, in words. */
export function loadingText(node: TrailsNode): string {
  switch (node.kind) {
    case 'trail':
      return vscode.l10n.t('Listing the logs of trail {0}.', node.trail.name);
    case 'keys':
      return vscode.l10n.t('Listing the KMS keys of {0}.', node.region);
    case 'location':
      return vscode.l10n.t('Finding the CloudTrail layout under {0}.', node.uri);
    case 'folder':
      return vscode.l10n.t('Listing {0}.', node.uri);
    default:
      return vscode.l10n.t('Loading.');
  }
}
