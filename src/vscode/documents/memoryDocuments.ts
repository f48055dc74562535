import * as vscode from 'vscode';

/** Read-only plain-text reports (validation results, key-policy checks), held in memory only, never on disk. */
export const REPORT_SCHEME = 'cloudtrail-report';

/** Reports are kept while their document is open; a closed one is dropped so memory does not grow with each run. */
class ReportProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly reports = new Map<string, string>();
  private counter = 0;
  private readonly closed: vscode.Disposable;

  constructor() {
    this.closed = vscode.workspace.onDidCloseTextDocument((document) => {
      if (document.uri.scheme === REPORT_SCHEME) this.reports.delete(document.uri.toString());
    });
  }

  add(name: string, text: string): vscode.Uri {
    // The query makes each run its own document: a second run must not show the first one's cached text.
    const safeName = name.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 120) || 'report';
    const uri = vscode.Uri.from({ scheme: REPORT_SCHEME, path: `/${safeName}.txt`, query: `run=${++this.counter}` });
    this.reports.set(uri.toString(), text);
    return uri;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.reports.get(uri.toString()) ?? 'This report is no longer available: run the command again.\n';
  }

  dispose(): void {
    this.closed.dispose();
    this.reports.clear();
  }
}

export interface ReportDocuments {
  /** Opens `text` as a read-only plain-text document named `name`; returns its URI. */
  show(name: string, text: string): Promise<vscode.Uri>;
}

export function registerReportDocuments(context: vscode.ExtensionContext): ReportDocuments {
  const provider = new ReportProvider();
  context.subscriptions.push(provider, vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, provider));
  return {
    async show(name, text) {
      const uri = provider.add(name, text);
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document, { preview: false });
      return uri;
    },
  };
}
