import * as vscode from 'vscode';

/** The sidebar tree `cloudtrailKms.trails`. Empty until trails are loaded, so the view's welcome text shows. */
export class TrailsProvider implements vscode.TreeDataProvider<vscode.TreeItem> {
  private readonly changed = new vscode.EventEmitter<vscode.TreeItem | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  refresh(): void {
    this.changed.fire(undefined);
  }

  getTreeItem(element: vscode.TreeItem): vscode.TreeItem {
    return element;
  }

  getChildren(): vscode.TreeItem[] {
    return [];
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export function registerTrailsView(context: vscode.ExtensionContext): TrailsProvider {
  const provider = new TrailsProvider();
  const view = vscode.window.createTreeView('cloudtrailKms.trails', { treeDataProvider: provider, showCollapseAll: true });
  context.subscriptions.push(provider, view, vscode.commands.registerCommand('cloudtrailKms.refresh', () => provider.refresh()));
  return provider;
}
