import * as vscode from 'vscode';
import { listKeys } from '../../aws/keys';
import { organizationAccountNames, type AccountNames } from '../../aws/organizations';
import type { TrailInfo } from '../../core/model';
import { errorText, isCancelled } from '../errorText';
import { log } from '../log';
import type { AwsSession } from '../session';
import { ChildLoads } from './childLoads';
import { LoadMoreNode, type FolderNode } from './folderNodes';
import { FlagNode, KeyNode, KeysNode } from './keyNodes';
import { dayPage, filePage, s3Page, type LevelContext } from './levelChildren';
import { KeptLocationKeys } from './locationKeys';
import { LocationNode } from './locationNode';
import type { PinnedLocations } from './pinnedLocations';
import { abortable, loadingText, loadRoots, withViewProgress } from './rootChildren';
import { folderChildren, locationChildren, trailChildren } from './sourceChildren';
import { ErrorNode, InfoNode, LoadingNode, NoTrailsNode } from './statusNodes';
import { TrailNode, type TrailsNode } from './trailNodes';

export { TRAILS_VIEW_ID } from './rootChildren';

/** Nodes whose children are loaded from AWS (and kept on the node until a refresh). */
type Parent = TrailNode | KeysNode | FolderNode | LocationNode;

function isParent(node: TrailsNode): node is Parent {
  return node.kind === 'trail' || node.kind === 'keys' || node.kind === 'folder' || node.kind === 'location';
}

/**
 * The trails tree: trails, pinned log locations and each region's keys. Children are loaded lazily, cancellably, and
 * kept on the nodes (so reveal and "Load more…" work on the same objects). `getChildren` waits for a load; the view
 * (`viewProvider`) shows a "Loading… click to cancel" row when one takes longer than a moment. Nothing here throws
 * into the view: a failure — a timeout included — becomes an error node that retries on click.
 */
export class TrailsProvider implements vscode.TreeDataProvider<TrailsNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TrailsNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private roots: Promise<TrailsNode[]> | undefined;
  private readonly loads: ChildLoads<Parent>;
  private names: Promise<AccountNames> | undefined;
  /** The caller's account (GetCallerIdentity when the roots load). */
  private viewer: string | undefined;
  /** The top level once loaded (for updates that must not load it). */
  private loadedRoots: TrailsNode[] = [];
  /** The keys the locations learned (kept over a reload of the same profile). */
  private readonly keptKeys = new KeptLocationKeys();
  /** The view showing this tree (set by registerTrailsView), for reveal. */
  view: vscode.TreeView<TrailsNode> | undefined;

  constructor(
    private readonly session: AwsSession,
    private readonly pinned: PinnedLocations,
  ) {
    this.loads = new ChildLoads<Parent>((work) => withViewProgress(work));
  }

  /** Forgets the node's children (all of them without a node) and tells the view; loads again when asked. */
  refresh(node?: TrailsNode): void {
    if (!node) {
      this.keptKeys.remember(this.loadedLocations());
      this.roots = undefined;
      this.loadedRoots = [];
      this.names = undefined;
      this.loads.cancelAll();
    } else if (isParent(node)) {
      this.loads.forget(node);
      node.children = undefined;
      if (node.kind === 'folder') node.more = undefined;
      if (node.kind === 'location') node.layout = undefined;
    }
    this.changed.fire(node);
  }

  /** Refresh in the title bar: everything again, with the view's progress bar until the top level is back. */
  async reloadAll(): Promise<void> {
    log().info('[tree] reloading the whole view');
    this.refresh();
    await withViewProgress(this.getChildren());
  }

  getTreeItem(node: TrailsNode): vscode.TreeItem {
    return node.item();
  }

  getParent(node: TrailsNode): TrailsNode | undefined {
    return node.parent;
  }

  /** The children, waiting for them to load (tests, reveal, commands). */
  async getChildren(node?: TrailsNode): Promise<TrailsNode[]> {
    if (!node) {
      const roots = (this.roots ??= this.loadRoots());
      const loaded = await roots;
      if (this.roots === roots) this.loadedRoots = loaded;
      return loaded;
    }
    if (node.kind === 'key') return this.keyChildren(node);
    if (!isParent(node)) return [];
    if (node.children) return this.withLoadMore(node);
    await this.loads.start(node, (signal) => this.load(node, signal)).promise;
    return this.withLoadMore(node);
  }

  /** What the view shows: the children, or a cancellable "Loading…" row while they take longer than a moment. */
  private async viewChildren(node?: TrailsNode): Promise<TrailsNode[]> {
    if (!node || !isParent(node) || node.children) return this.getChildren(node);
    const load = this.loads.start(node, (signal) => this.load(node, signal));
    if (await load.settledWithin(400)) return this.withLoadMore(node);
    void load.promise.then(() => this.changed.fire(node));
    return [new LoadingNode(node, loadingText(node))];
  }

  /** A tree data provider for `createTreeView`: like this one, with "Loading…" rows for slow loads. */
  viewProvider(): vscode.TreeDataProvider<TrailsNode> {
    return {
      onDidChangeTreeData: this.onDidChangeTreeData,
      getTreeItem: (node) => this.getTreeItem(node),
      getParent: (node) => this.getParent(node),
      getChildren: (node) => this.viewChildren(node),
    };
  }

  /** A node's children; a failure or a cancellation becomes the node's one child (never a rejection). */
  private async load(node: Parent, signal: AbortSignal): Promise<TrailsNode[]> {
    try {
      return await this.childrenOf(node, this.context(signal));
    } catch (error) {
      return [this.failure(node, error)];
    }
  }

  private failure(node: TrailsNode, error: unknown): ErrorNode {
    if (isCancelled(error)) {
      log().info(`[tree] loading ${loadingText(node)} cancelled`);
      return new ErrorNode(node, vscode.l10n.t('Loading was cancelled.'), true);
    }
    log().warn(`[tree] ${loadingText(node)} failed: ${errorText(error)}`);
    return new ErrorNode(node, errorText(error));
  }

  private context(signal: AbortSignal): LevelContext {
    const clients = this.session.clients();
    return {
      clients,
      pageSize: this.session.settings().pageSize,
      signal,
      viewer: this.viewer,
      accountNames: () => (this.names ??= organizationAccountNames(clients)),
      changed: (node) => this.changed.fire(node),
    };
  }

  private async childrenOf(node: Parent, ctx: LevelContext): Promise<TrailsNode[]> {
    switch (node.kind) {
      case 'trail':
        return trailChildren(node, ctx, (error) => this.failure(node, error));
      case 'keys': {
        const keys = await abortable(listKeys(ctx.clients, node.region), ctx.signal);
        return keys.length > 0
          ? keys.map((key) => new KeyNode(node, key.arn, key, undefined, this.viewer))
          : [new InfoNode(node, vscode.l10n.t('No KMS keys in {0}', node.region))];
      }
      case 'location':
        return locationChildren(node, ctx);
      case 'folder': {
        const listed = await folderChildren(node, ctx);
        node.more = listed.more;
        return listed.nodes.length > 0 || listed.more
          ? listed.nodes
          : [new InfoNode(node, vscode.l10n.t('No files here'), vscode.l10n.t('{0} is empty.', node.uri))];
      }
    }
  }

  private keyChildren(node: KeyNode): TrailsNode[] {
    const children: TrailsNode[] = node.flags.map((flag) => new FlagNode(node, flag));
    if (node.error) children.push(new InfoNode(node, node.error, node.error, 'error'));
    return children;
  }

  private withLoadMore(node: Parent): TrailsNode[] {
    const children = node.children ?? [];
    return node.kind === 'folder' && node.more ? [...children, new LoadMoreNode(node)] : children;
  }

  /** Trails of the current profile and regions (cached until refresh). */
  async trails(): Promise<TrailInfo[]> {
    return (await this.getChildren()).filter((n): n is TrailNode => n instanceof TrailNode).map((n) => n.trail);
  }

  /** The pinned log locations shown at the top level. */
  async locations(): Promise<LocationNode[]> {
    return (await this.getChildren()).filter((n): n is LocationNode => n instanceof LocationNode);
  }

  /** The pinned locations of the top level as loaded so far (no AWS call). */
  loadedLocations(): LocationNode[] {
    return this.loadedRoots.filter((n): n is LocationNode => n instanceof LocationNode);
  }

  /** Shows a newly pinned location at the top level (before the key lists) without reloading the rest. */
  async pinLocation(location: { uri: string; bucket: string; prefix: string }): Promise<LocationNode> {
    const roots = await this.getChildren();
    const known = roots.find((n): n is LocationNode => n instanceof LocationNode && n.uri === location.uri);
    if (known) return known;
    const node = new LocationNode(location.uri, location.bucket, location.prefix);
    const at = roots.findIndex((n) => n instanceof KeysNode);
    roots.splice(at === -1 ? roots.length : at, 0, node);
    // Drop the "No trails" hint: it suggested exactly this.
    const hint = roots.findIndex((n) => n instanceof NoTrailsNode);
    if (hint !== -1) roots.splice(hint, 1);
    this.changed.fire(undefined);
    return node;
  }

  /** Takes an unpinned location off the top level. */
  unpinLocation(uri: string): void {
    const at = this.loadedRoots.findIndex((n) => n instanceof LocationNode && n.uri === uri);
    if (at === -1) return;
    const [node] = this.loadedRoots.splice(at, 1);
    if (isParent(node)) this.loads.forget(node);
    this.changed.fire(undefined);
  }

  /** Selects a node in the view (and expands it), once the view knows it. */
  async reveal(node: TrailsNode, expand = false): Promise<void> {
    await vscode.commands.executeCommand(`workbench.view.extension.cloudtrailKms`);
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.view?.reveal(node, { select: true, focus: false, expand: expand ? 1 : false });
      } catch (error) {
        if (attempt >= 8) throw error;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
  }

  /** The caller's account, once the top level has loaded. */
  viewerAccount(): string | undefined {
    return this.viewer;
  }

  private async loadRoots(): Promise<TrailsNode[]> {
    const profile = this.session.profileLabel();
    const roots = await loadRoots(this.session, this.pinned);
    this.keptKeys.restore(profile, roots.nodes);
    this.viewer = roots.viewer;
    if (roots.retry) this.roots = undefined; // try again on the next expand, not a cached failure
    return roots.nodes;
  }

  /** Appends the next page of a folder ("Load more…"); throws what the listing threw (the command shows it). */
  async loadMore(more: LoadMoreNode): Promise<void> {
    const folder = more.parent;
    const next = folder.more;
    if (!next) return;
    const ctx = this.context(new AbortController().signal);
    const listed = await withViewProgress(
      next.kind === 'days'
        ? dayPage(folder, next.pager, ctx.signal)
        : next.kind === 'files'
          ? Promise.resolve(filePage(folder, folder.source, next.rest, ctx.pageSize))
          : s3Page(folder, folder.source, folder.prefix, ctx, next.token),
    );
    folder.children = [...(folder.children ?? []), ...listed.nodes];
    folder.more = listed.more;
    this.changed.fire(folder);
  }

  /** Children already loaded for a folder, loading pages until `match` finds one or the folder ends. */
  async findInFolder(folder: FolderNode, match: (node: TrailsNode) => boolean, maxPages = 20): Promise<TrailsNode | undefined> {
    let children = await this.getChildren(folder);
    for (let page = 0; page < maxPages; page++) {
      const found = children.find(match);
      if (found) return found;
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

  /** Cancels the load a "Loading…" row stands for: its node shows "Loading was cancelled", click to load again. */
  cancel(node: LoadingNode): void {
    if (isParent(node.parent)) this.loads.cancel(node.parent);
  }

  /** Redraws a node whose data changed without a reload (e.g. a location learned which key decrypted a file). */
  redraw(node: TrailsNode | undefined): void {
    this.changed.fire(node);
  }

  dispose(): void {
    this.loads.cancelAll();
    this.changed.dispose();
  }
}
