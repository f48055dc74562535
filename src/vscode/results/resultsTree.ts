/**
 * The Results view's tree: result sets (newest first) → groups (worst first, with counts and time spans) → items, each
 * item opening what it names. Long groups show their items a page at a time. Labels are plain text (never Markdown);
 * tooltips escape every log value.
 */
import * as vscode from 'vscode';
import { escapeMarkdown, inlineCode } from '../../core/markdownEscape';
import type { ResultGroup, ResultItem, ResultSeverity } from '../../core/results/model';
import { timeSpan } from '../../core/results/report';
import { Commands } from '../commands/commandIds';
import { ResultsContextValues } from './contextValues';
import { LiveResultSet, type ResultSets } from './resultsModel';

/** Items shown under one group before a "Show more" node. */
export const ITEMS_PER_PAGE = 200;

export class GroupNode {
  readonly kind = 'group';
  constructor(
    readonly set: LiveResultSet,
    readonly parent: LiveResultSet | GroupNode,
    readonly group: ResultGroup,
    /** Group names from the set down to this one (the node's identity). */
    readonly path: readonly string[],
  ) {}
}

export class ItemNode {
  readonly kind = 'item';
  constructor(
    readonly set: LiveResultSet,
    readonly parent: LiveResultSet | GroupNode,
    readonly item: ResultItem,
    readonly index: number,
  ) {}
}

/** "Load more" of a set (`group` undefined) or "Show more" of a long group. */
export class MoreNode {
  readonly kind = 'more';
  constructor(
    readonly set: LiveResultSet,
    readonly parent: LiveResultSet | GroupNode,
    readonly group?: GroupNode,
    readonly hidden = 0,
  ) {}
}

export class MessageNode {
  readonly kind = 'message';
  constructor(
    readonly set: LiveResultSet,
    readonly parent: LiveResultSet,
    readonly text: string,
  ) {}
}

export type ResultsNode = LiveResultSet | GroupNode | ItemNode | MoreNode | MessageNode;

const ICONS: Record<ResultSeverity, [string, string | undefined]> = {
  error: ['error', 'problemsErrorIcon.foreground'],
  warning: ['warning', 'problemsWarningIcon.foreground'],
  info: ['info', 'problemsInfoIcon.foreground'],
  ok: ['pass', 'testing.iconPassed'],
};

function icon(severity: ResultSeverity): vscode.ThemeIcon {
  const [id, color] = ICONS[severity];
  return new vscode.ThemeIcon(id, color ? new vscode.ThemeColor(color) : undefined);
}

function isOpenable(item: ResultItem): boolean {
  return !!item.source || item.record !== undefined;
}

function itemTooltip(item: ResultItem): vscode.MarkdownString {
  const md = new vscode.MarkdownString('', true);
  md.appendMarkdown(`**${escapeMarkdown(item.label)}**`);
  if (item.detail) md.appendMarkdown(`\n\n${escapeMarkdown(item.detail)}`);
  if (item.source) md.appendMarkdown(`\n\n${inlineCode(`s3://${item.source.bucket}/${item.source.key}`)}`);
  if (item.source?.recordIndex !== undefined)
    md.appendMarkdown(`  \n${vscode.l10n.t('Record {0} of the file', item.source.recordIndex + 1)}`);
  if (item.time) md.appendMarkdown(`  \n${escapeMarkdown(item.time)}`);
  if (isOpenable(item))
    md.appendMarkdown(`\n\n${item.source ? vscode.l10n.t('Click to open and decrypt it.') : vscode.l10n.t('Click to open the record.')}`);
  return md;
}

export class ResultsProvider implements vscode.TreeDataProvider<ResultsNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<ResultsNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  /** Items shown per group (by group id), raised by "Show more". */
  private readonly shown = new Map<string, number>();
  private readonly subscription: vscode.Disposable;

  constructor(private readonly sets: ResultSets) {
    this.subscription = sets.onDidChange((set) => this.emitter.fire(set));
  }

  static groupId(node: GroupNode): string {
    return `set:${node.set.id}/${node.path.map((name) => encodeURIComponent(name)).join('/')}`;
  }

  showMore(node: MoreNode): void {
    if (!node.group) return;
    const id = ResultsProvider.groupId(node.group);
    this.shown.set(id, (this.shown.get(id) ?? ITEMS_PER_PAGE) + ITEMS_PER_PAGE);
    this.emitter.fire(node.group);
  }

  getParent(node: ResultsNode): ResultsNode | undefined {
    return node instanceof GroupNode || node instanceof ItemNode || node instanceof MoreNode || node instanceof MessageNode
      ? node.parent
      : undefined;
  }

  getChildren(node?: ResultsNode): ResultsNode[] {
    if (!node) return [...this.sets.all()];
    if (node instanceof GroupNode) return this.childrenOf(node.set, node, node.group);
    if (node instanceof LiveResultSet) {
      const children = this.childrenOf(node, node, node.groups());
      if (node.loadingMore) children.push(new MessageNode(node, node, vscode.l10n.t('Loading more…')));
      else if (node.more) children.push(new MoreNode(node, node));
      if (children.length === 0)
        children.push(new MessageNode(node, node, node.done ? vscode.l10n.t('Nothing found.') : vscode.l10n.t('Working…')));
      return children;
    }
    return [];
  }

  private childrenOf(set: LiveResultSet, parent: LiveResultSet | GroupNode, group: ResultGroup): ResultsNode[] {
    const path = parent instanceof GroupNode ? parent.path : [];
    const children: ResultsNode[] = group.groups.map((child) => new GroupNode(set, parent, child, [...path, child.name]));
    const limit = parent instanceof GroupNode ? (this.shown.get(ResultsProvider.groupId(parent)) ?? ITEMS_PER_PAGE) : ITEMS_PER_PAGE;
    const items = group.items.slice(0, limit);
    for (const item of items) children.push(new ItemNode(set, parent, item, set.position(item)));
    if (group.items.length > items.length && parent instanceof GroupNode)
      children.push(new MoreNode(set, parent, parent, group.items.length - items.length));
    return children;
  }

  getTreeItem(node: ResultsNode): vscode.TreeItem {
    if (node instanceof GroupNode) return this.groupItem(node);
    if (node instanceof ItemNode) return this.itemItem(node);
    if (node instanceof MoreNode) {
      const label = node.group
        ? vscode.l10n.t('Show {0} more of {1}', Math.min(ITEMS_PER_PAGE, node.hidden), node.hidden)
        : (node.set.more?.label ?? vscode.l10n.t('Load more'));
      const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
      item.iconPath = new vscode.ThemeIcon('more');
      item.contextValue = ResultsContextValues.more;
      item.command = { command: Commands.loadMoreResults, title: label, arguments: [node] };
      return item;
    }
    if (node instanceof MessageNode) {
      const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
      item.iconPath = new vscode.ThemeIcon(node.set.done ? 'info' : 'loading~spin');
      item.contextValue = ResultsContextValues.message;
      return item;
    }
    return this.setItem(node);
  }

  private setItem(set: LiveResultSet): vscode.TreeItem {
    const newest = this.sets.all()[0] === set;
    const item = new vscode.TreeItem(
      set.title,
      newest ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed,
    );
    item.id = `set:${set.id}`;
    const running = !set.done;
    const summary = set.summary ?? vscode.l10n.t('{0} results', set.items.length);
    item.description = running ? vscode.l10n.t('running · {0}', summary) : summary;
    item.iconPath = running ? new vscode.ThemeIcon('loading~spin') : icon(set.items.length ? set.groups().severity : 'info');
    item.contextValue = running ? ResultsContextValues.runningSet : ResultsContextValues.set;
    const md = new vscode.MarkdownString('', true);
    md.appendMarkdown(`**${escapeMarkdown(set.title)}**`);
    if (set.summary) md.appendMarkdown(`\n\n${escapeMarkdown(set.summary)}`);
    md.appendMarkdown(
      `\n\n${running ? vscode.l10n.t('Still running: results keep arriving.') : vscode.l10n.t('{0} results.', set.items.length)}`,
    );
    item.tooltip = md;
    item.accessibilityInformation = { label: `${set.title}: ${item.description}` };
    return item;
  }

  private groupItem(node: GroupNode): vscode.TreeItem {
    const { group } = node;
    const serious = group.severity === 'error' || group.severity === 'warning';
    const item = new vscode.TreeItem(
      group.name,
      serious ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed,
    );
    item.id = ResultsProvider.groupId(node);
    const span = timeSpan(group.firstTime, group.lastTime);
    item.description = `${group.count}${span ? ` · ${span}` : ''}`;
    item.iconPath = icon(group.severity);
    item.contextValue = ResultsContextValues.group;
    const count =
      group.count === 1 ? vscode.l10n.t('{0}: 1 result', group.name) : vscode.l10n.t('{0}: {1} results', group.name, group.count);
    item.tooltip = span ? vscode.l10n.t('{0}, {1}', count, span) : count;
    const spoken = vscode.l10n.t('{0}, {1} results', group.name, group.count);
    item.accessibilityInformation = { label: span ? vscode.l10n.t('{0}, {1}', spoken, span) : spoken };
    return item;
  }

  private itemItem(node: ItemNode): vscode.TreeItem {
    const { item: result } = node;
    const item = new vscode.TreeItem(result.label, vscode.TreeItemCollapsibleState.None);
    item.id = `set:${node.set.id}/item:${node.index}`;
    if (result.detail) item.description = result.detail;
    item.iconPath = icon(result.severity);
    item.tooltip = itemTooltip(result);
    item.accessibilityInformation = { label: `${result.severity}: ${result.label}${result.detail ? `, ${result.detail}` : ''}` };
    if (isOpenable(result)) {
      item.contextValue = ResultsContextValues.item;
      item.command = { command: Commands.openResult, title: vscode.l10n.t('Open'), arguments: [node] };
    } else {
      item.contextValue = ResultsContextValues.plainItem;
    }
    return item;
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}
