import * as vscode from 'vscode';
import { listKeys } from '../../aws/keys';
import { listLogFolder } from '../../aws/logObjects';
import { listTrails } from '../../aws/trails';
import { trailLogRoot, awsLogsRoot } from '../../core/logs/logLayout';
import type { LogFolderPage, TrailInfo } from '../../core/model';
import { errorText, isCredentialsError } from '../errorText';
import { log } from '../log';
import type { AwsSession } from '../session';
import {
  ErrorNode,
  FlagNode,
  FolderNode,
  InfoNode,
  KeyNode,
  KeysNode,
  LoadMoreNode,
  ObjectNode,
  TrailNode,
  type TrailsNode,
} from './trailNodes';

const NO_CREDENTIALS = 'cloudtrailKms.noCredentials';

/** Folder names that are all digits (years, months, days) are shown most recent first. */
function orderFolders<T extends { name: string }>(folders: T[]): T[] {
  return folders.length > 0 && folders.every((f) => /^\d+$/.test(f.name)) ? [...folders].reverse() : folders;
}

/**
 * The trails tree. Children are loaded lazily and kept on the nodes (so reveal and "Load more…" work on the
 * same objects); getChildren never throws: a failure becomes an error node that retries on click.
 */
export class TrailsProvider implements vscode.TreeDataProvider<TrailsNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TrailsNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private roots: Promise<TrailsNode[]> | undefined;

  constructor(private readonly session: AwsSession) {}

  refresh(node?: TrailsNode): void {
    if (!node) this.roots = undefined;
    else if (node instanceof TrailNode || node instanceof FolderNode || node instanceof KeysNode) {
      node.children = undefined;
      if (node instanceof FolderNode) node.nextToken = undefined;
    }
    this.changed.fire(node);
  }

  getTreeItem(node: TrailsNode): vscode.TreeItem {
    return node.item();
  }

  getParent(node: TrailsNode): TrailsNode | undefined {
    return node.parent;
  }

  async getChildren(node?: TrailsNode): Promise<TrailsNode[]> {
    try {
      if (!node) return await (this.roots ??= this.loadRoots());
      if (node instanceof TrailNode) return (node.children ??= this.trailChildren(node));
      if (node instanceof KeyNode) return this.keyChildren(node);
      if (node instanceof KeysNode) return await this.regionKeys(node);
      if (node instanceof FolderNode) return await this.folderChildren(node);
      return [];
    } catch (error) {
      // Only programming errors get here (loaders catch their own); still never throw into the view.
      log().error(`[tree] ${errorText(error)}`);
      return [new ErrorNode(node, errorText(error))];
    }
  }

  /** Trails of the current profile and regions (cached until refresh). */
  async trails(): Promise<TrailInfo[]> {
    const roots = await this.getChildren();
    return roots.filter((n): n is TrailNode => n instanceof TrailNode).map((n) => n.trail);
  }

  private async loadRoots(): Promise<TrailsNode[]> {
    const clients = this.session.clients();
    try {
      const regions = await clients.regions();
      log().info(`[cloudtrail] listing trails in ${regions.join(', ')} (profile ${this.session.profileLabel()})`);
      const regionErrors: string[] = [];
      const trails = await listTrails(clients, regions, {
        onRegionError: (region, error) => regionErrors.push(`${region}: ${errorText(error)}`),
      });
      await vscode.commands.executeCommand('setContext', NO_CREDENTIALS, false);
      const nodes: TrailsNode[] = trails.map((trail) => new TrailNode(trail));
      for (const message of regionErrors) nodes.push(new ErrorNode(undefined, message));
      if (trails.length === 0)
        nodes.push(
          new InfoNode(
            undefined,
            vscode.l10n.t('No trails in {0}', regions.join(', ')),
            vscode.l10n.t('Choose other regions (CloudTrail: Select Regions…) or another profile.'),
          ),
        );
      for (const region of regions) nodes.push(new KeysNode(region));
      return nodes;
    } catch (error) {
      this.roots = undefined; // try again on the next expand, not a cached failure
      log().warn(`[cloudtrail] listing trails failed: ${errorText(error)}`);
      if (isCredentialsError(error)) {
        await vscode.commands.executeCommand('setContext', NO_CREDENTIALS, true);
        return []; // the welcome view explains how to pick a profile
      }
      return [new ErrorNode(undefined, errorText(error))];
    }
  }

  private trailChildren(node: TrailNode): TrailsNode[] {
    const trail = node.trail;
    const children: TrailsNode[] = [];
    if (trail.kmsKeyArn) children.push(new KeyNode(node, trail.kmsKeyArn, trail.key, trail.keyError));
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
    const root = trail.isOrganizationTrail ? awsLogsRoot(trail.keyPrefix) : trailLogRoot(trail);
    children.push(new FolderNode(node, trail, root, 'Logs', true));
    return children;
  }

  private async regionKeys(node: KeysNode): Promise<TrailsNode[]> {
    if (node.children) return node.children;
    try {
      const keys = await listKeys(this.session.clients(), node.region);
      node.children = keys.map((key) => new KeyNode(node, key.arn, key, undefined));
      return node.children.length > 0 ? node.children : [new InfoNode(node, vscode.l10n.t('No KMS keys in {0}', node.region))];
    } catch (error) {
      log().warn(`[kms] listing the keys of ${node.region} failed: ${errorText(error)}`);
      return [new ErrorNode(node, errorText(error))];
    }
  }

  private keyChildren(node: KeyNode): TrailsNode[] {
    const children: TrailsNode[] = node.flags.map((flag) => new FlagNode(node, flag));
    if (node.error) children.push(new InfoNode(node, node.error, node.error, 'error'));
    return children;
  }

  private async folderChildren(node: FolderNode): Promise<TrailsNode[]> {
    if (node.children) return node.children;
    let page: LogFolderPage;
    try {
      page = await this.loadPage(node, undefined);
    } catch (error) {
      return [new ErrorNode(node, errorText(error))]; // not cached: expanding again retries
    }
    node.children = this.pageNodes(node, page);
    if (node.children.length === 0)
      node.children = [
        new InfoNode(node, vscode.l10n.t('No files here'), vscode.l10n.t('{0} is empty.', `s3://${node.bucket}/${node.prefix}`)),
      ];
    return this.withLoadMore(node);
  }

  private withLoadMore(node: FolderNode): TrailsNode[] {
    const children = node.children ?? [];
    return node.nextToken ? [...children, new LoadMoreNode(node)] : children;
  }

  private pageNodes(node: FolderNode, page: LogFolderPage): TrailsNode[] {
    node.nextToken = page.nextToken;
    const folders = orderFolders(page.folders).map((folder) => new FolderNode(node, node.trail, folder.prefix, folder.name));
    const objects = page.objects.map((object) => new ObjectNode(node, node.trail, object));
    return [...folders, ...objects];
  }

  private async loadPage(node: FolderNode, token: string | undefined): Promise<LogFolderPage> {
    try {
      const settings = this.session.settings();
      return await listLogFolder(
        this.session.clients(),
        { bucket: node.bucket, prefix: node.prefix, region: node.trail.homeRegion },
        { pageSize: settings.pageSize, ...(token ? { continuationToken: token } : {}) },
      );
    } catch (error) {
      log().warn(`[s3] listing s3://${node.bucket}/${node.prefix} failed: ${errorText(error)}`);
      throw error;
    }
  }

  /** Appends the next page of a folder ("Load more…"); throws what the listing threw (the command shows it). */
  async loadMore(more: LoadMoreNode): Promise<void> {
    const folder = more.parent;
    const page = await this.loadPage(folder, folder.nextToken);
    folder.children = [...(folder.children ?? []), ...this.pageNodes(folder, page)];
    this.changed.fire(folder);
  }

  /** Children already loaded for a folder, loading pages until `match` finds one or the folder ends. */
  async findInFolder(folder: FolderNode, match: (node: TrailsNode) => boolean, maxPages = 20): Promise<TrailsNode | undefined> {
    let children = await this.getChildren(folder);
    for (let page = 0; page < maxPages; page++) {
      const found = children.find(match);
      if (found) return found;
      if (!folder.nextToken) return undefined;
      const more = children.find((c): c is LoadMoreNode => c instanceof LoadMoreNode);
      if (!more) return undefined;
      await this.loadMore(more);
      children = this.withLoadMore(folder);
    }
    return undefined;
  }

  retry(node: ErrorNode): void {
    this.refresh(node.parent);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
