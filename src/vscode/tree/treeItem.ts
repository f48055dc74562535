import * as vscode from 'vscode';

/** What a node of the Trails view shows; `treeItem` turns it into a TreeItem, so each node only says what differs. */
export interface TreeItemParts {
  label: string;
  /** Collapsed when it has (or may have) children. */
  expandable?: boolean;
  id?: string;
  description?: string;
  tooltip?: string | vscode.MarkdownString;
  icon?: string;
  /** A theme color id for the icon, e.g. `problemsWarningIcon.foreground`. */
  iconColor?: string;
  contextValue: string;
  command?: vscode.Command;
  /** What a screen reader says for the row (default: the label). */
  accessibility?: string;
}

export function treeItem(parts: TreeItemParts): vscode.TreeItem {
  const item = new vscode.TreeItem(
    parts.label,
    parts.expandable ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
  );
  if (parts.id !== undefined) item.id = parts.id;
  if (parts.description !== undefined) item.description = parts.description;
  if (parts.tooltip !== undefined) item.tooltip = parts.tooltip;
  if (parts.icon !== undefined)
    item.iconPath = new vscode.ThemeIcon(parts.icon, parts.iconColor ? new vscode.ThemeColor(parts.iconColor) : undefined);
  item.contextValue = parts.contextValue;
  if (parts.command) item.command = parts.command;
  if (parts.accessibility !== undefined) item.accessibilityInformation = { label: parts.accessibility, role: 'treeitem' };
  return item;
}
