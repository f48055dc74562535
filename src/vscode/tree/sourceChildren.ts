/**
 * What a trail, a pinned log location and a folder show when expanded. A trail: its key, its status notes and its
 * logs — for an organization trail the organizations and accounts under `AWSLogs/` at once; a location: the keys that
 * decrypted its files and the layout found under it; a folder: its level's children (./levelChildren.ts).
 */
import * as vscode from 'vscode';
import { detectLogLayout } from '../../aws/logLocations';
import { organizationOfAccount } from '../../aws/logObjects';
import { awsLogsRoot, trailLogRoot } from '../../core/logs/logLayout';
import { FolderNode, type LogSource } from './folderNodes';
import { KeyNode } from './keyNodes';
import { levelChildren, type LevelContext, type Listed } from './levelChildren';
import type { LocationNode } from './locationNode';
import { InfoNode } from './statusNodes';
import type { TrailNode, TrailsNode } from './trailNodes';

export function trailSource(node: TrailNode): LogSource {
  const trail = node.trail;
  return { id: trail.arn, bucket: trail.bucket, region: trail.homeRegion, trail };
}

/** The key (or SSE-S3 note) and status notes of a trail: known from DescribeTrails, no call. */
function trailNotes(node: TrailNode): TrailsNode[] {
  const trail = node.trail;
  const children: TrailsNode[] = [];
  if (trail.kmsKeyArn) children.push(new KeyNode(node, trail.kmsKeyArn, trail.key, trail.keyError, node.viewer));
  else
    children.push(
      new InfoNode(
        node,
        vscode.l10n.t('SSE-S3: no KMS key'),
        vscode.l10n.t(
          'The trail sets no KMS key: S3 encrypts its logs with S3-managed keys (SSE-S3). Reading them needs only s3:GetObject.',
        ),
        'lock',
      ),
    );
  if (trail.status?.latestDeliveryError)
    children.push(
      new InfoNode(
        node,
        vscode.l10n.t('Last delivery error: {0}', trail.status.latestDeliveryError),
        trail.status.latestDeliveryError,
        'warning',
      ),
    );
  if (trail.statusError) children.push(new InfoNode(node, vscode.l10n.t('Status unavailable'), trail.statusError, 'warning'));
  return children;
}

/**
 * A trail's children. An organization trail lists `[prefix/]AWSLogs/` (organizations, then accounts), so the tree reads
 * trail → organization → accounts; a listing that fails becomes an error node after the key, which still shows.
 */
export async function trailChildren(node: TrailNode, ctx: LevelContext, failed: (error: unknown) => TrailsNode): Promise<TrailsNode[]> {
  const trail = node.trail;
  const source = trailSource(node);
  const children = trailNotes(node);
  if (!trail.isOrganizationTrail) {
    children.push(new FolderNode(node, source, trailLogRoot(trail), vscode.l10n.t('Logs'), true));
    return children;
  }
  const root = awsLogsRoot(trail.keyPrefix);
  try {
    const listed = await levelChildren(node, source, root, ctx);
    children.push(
      ...(listed.nodes.length > 0
        ? listed.nodes
        : [
            new InfoNode(
              node,
              vscode.l10n.t('No logs yet'),
              vscode.l10n.t('Nothing under {0}: the trail has not delivered logs there yet.', `s3://${trail.bucket}/${root}`),
            ),
          ]),
    );
  } catch (error) {
    children.push(failed(error));
  }
  return children;
}

/**
 * A folder's children. A trail's "Logs" root that is empty is looked for under an organization level too (a trail
 * that was an organization trail once, or shares its bucket with one): found there, the root moves to it.
 */
export async function folderChildren(node: FolderNode, ctx: LevelContext): Promise<Listed> {
  const listed = await levelChildren(node, node.source, node.prefix, ctx);
  const trail = node.trail;
  if (listed.nodes.length > 0 || !node.isRoot || !trail || trail.isOrganizationTrail) return listed;
  const organizationId = await organizationOfAccount(ctx.clients, trail, trail.account, ctx.signal);
  if (!organizationId) return listed;
  node.prefix = trailLogRoot({ keyPrefix: trail.keyPrefix, account: trail.account, organizationId });
  const moved = await levelChildren(node, node.source, node.prefix, ctx);
  moved.nodes.unshift(
    new InfoNode(
      node,
      vscode.l10n.t('Logs found under organization {0}', organizationId),
      vscode.l10n.t(
        "This trail is not marked as an organization trail, but its account's logs sit under {0} (it was one once, or shares the bucket with one).",
        `s3://${trail.bucket}/${node.prefix}`,
      ),
    ),
  );
  return moved;
}

/** A pinned location's children: keys seen decrypting its files, then what the layout detection found. */
export async function locationChildren(node: LocationNode, ctx: LevelContext): Promise<TrailsNode[]> {
  const layout = await detectLogLayout(ctx.clients, { bucket: node.bucket, prefix: node.prefix }, ctx.signal);
  node.layout = layout;
  ctx.changed(node); // the description shows the layout found
  const children: TrailsNode[] = locationKeyNodes(node, ctx.viewer);
  if (layout.notFound !== undefined) {
    children.push(
      new InfoNode(
        node,
        vscode.l10n.t('No CloudTrail logs found here'),
        vscode.l10n.t('{0} CloudTrail writes under [prefix/]AWSLogs/…', layout.notFound),
        'warning',
      ),
    );
    return children;
  }
  if (layout.logRoots.length === 1) {
    const listed = await levelChildren(node, node.source, layout.logRoots[0], ctx);
    children.push(
      ...(listed.nodes.length > 0
        ? listed.nodes
        : [
            new InfoNode(node, vscode.l10n.t('No files here'), vscode.l10n.t('{0} is empty.', `s3://${node.bucket}/${layout.logRoots[0]}`)),
          ]),
    );
    if (listed.more)
      children.push(
        new InfoNode(node, vscode.l10n.t('More entries here than one page'), vscode.l10n.t('Pin a deeper prefix to browse the rest.')),
      );
    return children;
  }
  for (const root of layout.logRoots) children.push(new FolderNode(node, node.source, root, root === 'AWSLogs/' ? 'AWSLogs' : root, true));
  return children;
}

/** Key nodes for the keys that decrypted files of a location (from their SSE headers), newest first. */
export function locationKeyNodes(node: LocationNode, viewer: string | undefined): KeyNode[] {
  return [...node.keys.values()]
    .reverse()
    .map(
      (seen) =>
        new KeyNode(
          node,
          seen.arn,
          seen.info,
          seen.error,
          viewer,
          seen.objects.size === 1 ? vscode.l10n.t('decrypted 1 file here') : vscode.l10n.t('decrypted {0} files here', seen.objects.size),
        ),
    );
}
