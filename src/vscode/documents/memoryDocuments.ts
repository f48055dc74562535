/**
 * Read-only documents whose text lives in memory only (reports, LookupEvents JSON): never written to disk.
 *
 * Lifetime, explicit: a document's text is kept while the document is open, and after it closes it stays among the
 * newest `keepClosed` closed (or never opened) documents of its scheme; older ones are dropped. Keeping a few closed
 * ones matters: VS Code may ask for a document's text again after it closed the model (a language change re-opens it,
 * so does reopening a recently closed editor). Each `add` is its own document (a `run=` query), so a second run never
 * shows the first one's cached text.
 */
import * as vscode from 'vscode';

export interface MemoryDocumentsOptions {
  scheme: string;
  /** Appended to the document's name: `.json` gives the JSON language (and our hovers), `.txt` plain text. */
  extension: '.json' | '.txt';
  /** How many closed documents keep their text. */
  keepClosed: number;
  /** The text shown for a document whose text was dropped: which command makes it again. */
  gone: string;
}

/** A name made safe for a URI path (and readable in a tab). */
function safe(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 120) || 'document';
}

export class MemoryDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  /** Ids of documents that are not open, oldest first. */
  private closed: string[] = [];
  private counter = 0;
  private readonly subscriptions: vscode.Disposable[];
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** Fires when update() gave a document new text: VS Code then reads it again (documents that fill while work runs). */
  readonly onDidChange = this.changed.event;

  constructor(private readonly options: MemoryDocumentsOptions) {
    this.subscriptions = [
      vscode.workspace.onDidOpenTextDocument((document) => {
        if (document.uri.scheme === options.scheme) this.closed = this.closed.filter((id) => id !== document.uri.toString());
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (document.uri.scheme === options.scheme && this.texts.has(document.uri.toString())) this.markClosed(document.uri.toString());
      }),
    ];
  }

  /** Holds `text` as a new document named `name` (made safe for a path); returns its URI. */
  add(name: string, text: string): vscode.Uri {
    const uri = vscode.Uri.from({
      scheme: this.options.scheme,
      path: `/${safe(name)}${this.options.extension}`,
      query: `run=${++this.counter}`,
    });
    this.texts.set(uri.toString(), text);
    this.markClosed(uri.toString()); // until the editor opens it
    return uri;
  }

  /** Adds the text and shows it in an editor (JSON documents get the JSON language even where the path did not give it). */
  async show(name: string, text: string): Promise<vscode.Uri> {
    return this.open(this.add(name, text));
  }

  /**
   * One document per object: shows the document held for `id` (its tab, when it is open), or adds it first with the
   * text `make()` gives. Opening the same object twice shows one tab.
   */
  async showOnce(id: string, name: string, make: () => string): Promise<vscode.Uri> {
    const uri = vscode.Uri.from({
      scheme: this.options.scheme,
      path: `/${safe(name)}${this.options.extension}`,
      query: `id=${encodeURIComponent(id)}`,
    });
    if (!this.texts.has(uri.toString())) {
      this.texts.set(uri.toString(), make());
      this.markClosed(uri.toString());
    }
    return this.open(uri);
  }

  private async open(uri: vscode.Uri): Promise<vscode.Uri> {
    let document = await vscode.workspace.openTextDocument(uri);
    if (this.options.extension === '.json' && document.languageId !== 'json')
      document = await vscode.languages.setTextDocumentLanguage(document, 'json');
    await vscode.window.showTextDocument(document, { preview: false });
    return uri;
  }

  /** Replaces the text of a document made by add()/show() (kept under the same lifetime rules); false when it was dropped. */
  update(uri: vscode.Uri, text: string): boolean {
    const id = uri.toString();
    if (!this.texts.has(id)) return false;
    this.texts.set(id, text);
    this.changed.fire(uri);
    return true;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? this.options.gone;
  }

  /** How many texts are held (for tests and the log). */
  get size(): number {
    return this.texts.size;
  }

  private markClosed(id: string): void {
    this.closed = this.closed.filter((other) => other !== id);
    this.closed.push(id);
    while (this.closed.length > this.options.keepClosed) {
      const oldest = this.closed.shift() as string;
      if (!vscode.workspace.textDocuments.some((document) => document.uri.toString() === oldest)) this.texts.delete(oldest);
    }
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.changed.dispose();
    this.texts.clear();
    this.closed = [];
  }
}

/** Registers a provider for one scheme; everything it holds is dropped when the extension deactivates. */
export function registerMemoryDocuments(context: vscode.ExtensionContext, options: MemoryDocumentsOptions): MemoryDocuments {
  const documents = new MemoryDocuments(options);
  context.subscriptions.push(documents, vscode.workspace.registerTextDocumentContentProvider(options.scheme, documents));
  return documents;
}

/** Plain-text reports (validation results, key-policy checks). */
export const REPORT_DOCUMENTS: MemoryDocumentsOptions = {
  scheme: 'cloudtrail-report',
  extension: '.txt',
  keepClosed: 10,
  gone: `${vscode.l10n.t('This report is no longer in memory: run the command again.')}\n`,
};

/** Find Events results as CloudTrail JSON `{"Records": [...]}`, filled while the search runs (hovers, links, outline). */
export const SEARCH_DOCUMENTS: MemoryDocumentsOptions = {
  scheme: 'cloudtrail-search',
  extension: '.json',
  keepClosed: 10,
  gone: `// ${vscode.l10n.t('These results are no longer in memory: run "CloudTrail: Find Events…" again.')}\n`,
};
