/**
 * Which trail a command works on: the tree node it was run on, plain arguments `{ trailArn }` (tests, links, scripts;
 * checked before use), or the user's pick. Shared by the commands that take a trail.
 */
import * as vscode from 'vscode';
import { isTrailArn } from '../../core/arn';
import { ExplainedError } from '../../core/errors';
import type { TrailInfo } from '../../core/model';
import { TrailNode } from '../tree/trailNodes';
import type { TrailsView } from '../tree/trailsView';

/** Plain arguments (not a tree node) that name a trail. */
export function isPlainTrailArgs(arg: unknown): arg is Record<string, unknown> {
  return typeof arg === 'object' && arg !== null && !(arg instanceof TrailNode) && 'trailArn' in arg;
}

/** The checked trail ARN of plain arguments. */
export function trailArnArgument(given: Record<string, unknown>): string {
  if (typeof given.trailArn !== 'string' || !isTrailArn(given.trailArn))
    throw new Error(vscode.l10n.t('trailArn must be a trail ARN (arn:aws:cloudtrail:<region>:<account>:trail/<name>).'));
  return given.trailArn;
}

/** The trail with this ARN among the Trails view's trails (the current profile and regions). */
export async function trailByArn(trails: TrailsView, arn: string): Promise<TrailInfo> {
  const trail = (await trails.provider.trails()).find((t) => t.arn === arn);
  if (!trail) {
    throw new ExplainedError(
      'TrailNotFound',
      vscode.l10n.t('Trail {0} is not among the trails of the current profile and regions.', arn),
      undefined,
      vscode.l10n.t('Choose its profile and home region with CloudTrail: Select Profile… / Select Regions….'),
    );
  }
  return trail;
}

/** Asks which trail (those passing `filter`); undefined when the user backs out or there is none (then says so). */
export async function pickTrail(
  trails: TrailsView,
  title: string,
  filter: (trail: TrailInfo) => boolean,
  none: string,
  detail: (trail: TrailInfo) => string = (trail) => (trail.kmsKeyArn ? `SSE-KMS ${trail.kmsKeyArn}` : 'SSE-S3'),
): Promise<TrailInfo | undefined> {
  const all = (await trails.provider.trails()).filter(filter);
  if (all.length === 0) {
    void vscode.window.showInformationMessage(none);
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    all.map((trail) => ({ label: trail.name, description: `${trail.homeRegion} · s3://${trail.bucket}`, detail: detail(trail), trail })),
    { title, placeHolder: vscode.l10n.t('Which trail?'), ignoreFocusOut: true, matchOnDescription: true },
  );
  return picked?.trail;
}

export const NO_TRAILS = vscode.l10n.t(
  'No trails found for the current profile and regions. Choose them with CloudTrail: Select Profile… / Select Regions…',
);
