/**
 * One Find Events run as the editor shows it: its read-only results document (`cloudtrail-search:`, CloudTrail JSON
 * `{"Records": [...]}` sorted by event time, rewritten a few times a second while hits arrive), its state and
 * counts (shown as CodeLenses above the results), and the same answer in the one results model (`resultSet()`, for the
 * results view). SearchRuns keeps the runs by document and says when one changes.
 */
import * as vscode from 'vscode';
import type { ResultSet } from '../../core/results/model';
import {
  compareHitsByTime,
  searchResultSet,
  summaryText,
  progressText,
  type FileFailure,
  type SearchEstimate,
  type EventHit,
  type SearchProgress,
  type SearchSummary,
} from '../../core/search';
import type { MemoryDocuments } from '../documents/memoryDocuments';

export type RunState = 'listing' | 'reading' | 'done' | 'cancelled' | 'failed' | 'declined';

/** Who answers the query: the files read here (streamed), or Amazon Athena over the trail's table. */
export type SearchEngine = 'files' | 'athena';

/** An Athena run's state (while it runs) and its answer's summary and notes (once it ended). */
export interface AthenaRunState {
  state?: string;
  elapsedMs?: number;
  summary?: string;
  notes?: string[];
}

/** How often the document is rewritten while hits arrive: more rarely as it grows (each rewrite is the whole text). */
function renderDelay(hits: number): number {
  return 250 + Math.floor(hits / 5);
}

/** The results document's text: the matching records, sorted by event time, as a CloudTrail log document. */
export function resultsDocumentText(hits: readonly EventHit[]): string {
  return `${JSON.stringify({ Records: hits.map((hit) => hit.record) }, null, 2)}\n`;
}

export class SearchRun {
  state: RunState = 'listing';
  engine: SearchEngine = 'files';
  /** The Athena engine's state and answer (engine 'athena'). */
  athena?: AthenaRunState;
  hits: EventHit[] = [];
  failures: FileFailure[] = [];
  progress?: SearchProgress;
  estimate?: SearchEstimate;
  summary?: SearchSummary;
  /** One sentence when the run failed as a whole. */
  error?: string;
  abort = new AbortController();
  /** The hits in the order of the document's text as last written (CodeLenses map record i to renderedHits[i]). */
  renderedHits: readonly EventHit[] = [];
  renderedText = resultsDocumentText([]);
  private timer: NodeJS.Timeout | undefined;

  constructor(
    readonly uri: vscode.Uri,
    public text: string,
    private readonly documents: MemoryDocuments,
    private readonly changed: (run: SearchRun) => void,
  ) {}

  get running(): boolean {
    return this.state === 'listing' || this.state === 'reading';
  }

  /** A short title: the query without its scope and range when it is long. */
  get title(): string {
    const text = this.text.length > 80 ? `${this.text.slice(0, 79)}…` : this.text;
    return this.engine === 'athena' ? vscode.l10n.t('Find Events with Athena: {0}', text) : vscode.l10n.t('Find Events: {0}', text);
  }

  /** Starts over in the same document (Run Again). */
  reset(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    Object.assign(this, { state: 'listing', hits: [], failures: [], progress: undefined, estimate: undefined, summary: undefined });
    this.athena = this.engine === 'athena' ? {} : undefined;
    this.error = undefined;
    this.abort = new AbortController();
    this.render();
  }

  addHit(hit: EventHit): void {
    // Binary insertion keeps the hits sorted by event time as they arrive in any order.
    let low = 0;
    let high = this.hits.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (compareHitsByTime(this.hits[mid], hit) <= 0) low = mid + 1;
      else high = mid;
    }
    this.hits.splice(low, 0, hit);
    this.schedule();
  }

  addFailure(failure: FileFailure): void {
    this.failures.push(failure);
    this.schedule();
  }

  setProgress(progress: SearchProgress): void {
    this.state = 'reading';
    this.progress = progress;
    this.changed(this);
  }

  finish(outcome: { summary?: SearchSummary; state: RunState; error?: string }): void {
    this.state = outcome.state;
    if (outcome.summary) this.summary = outcome.summary;
    if (outcome.error) this.error = outcome.error;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.render();
  }

  /** An Athena run's progress (engine 'athena'). */
  setAthenaProgress(state: string, elapsedMs: number): void {
    this.state = 'reading';
    this.athena = { ...this.athena, state, elapsedMs };
    this.changed(this);
  }

  /** What an Athena run is doing or found, one line. */
  private athenaStatusText(): string {
    const athena = this.athena ?? {};
    switch (this.state) {
      case 'listing':
      case 'reading':
        // l10n-ignore: a codicon before a whole translated message (the checker does not know `~spin`)
        return `$(sync~spin) ${vscode.l10n.t('Athena: {0} · {1} s', (athena.state ?? 'starting').toLowerCase(), Math.round((athena.elapsedMs ?? 0) / 1000))}`;
      case 'done':
        return `$(check) ${athena.summary ?? vscode.l10n.t('{0} events', this.hits.length)}`;
      case 'cancelled':
        return `$(circle-slash) ${vscode.l10n.t('Cancelled: the Athena query was stopped')}`;
      default:
        return `$(error) ${this.error ?? vscode.l10n.t('The Athena query failed')}`;
    }
  }

  /** What the run is doing or found, one line (the first CodeLens). */
  statusText(): string {
    if (this.engine === 'athena') return this.athenaStatusText();
    const s = this.summary;
    switch (this.state) {
      case 'listing':
        // l10n-ignore: a codicon before a whole translated message (the checker does not know `~spin`)
        return `$(sync~spin) ${vscode.l10n.t('Listing the log folders of the range…')}`;
      case 'reading':
        // l10n-ignore: a codicon before a whole translated message (the checker does not know `~spin`)
        return `$(sync~spin) ${vscode.l10n.t('Searching: {0}', this.progress ? progressText(this.progress) : vscode.l10n.t('starting'))}`;
      case 'declined':
        return `$(circle-slash) ${
          this.estimate
            ? vscode.l10n.t('Not started: it would read {0} log files', this.estimate.files.toLocaleString('en-US'))
            : vscode.l10n.t('Not started: it would read many log files')
        }`;
      case 'failed':
        return `$(error) ${this.error ?? vscode.l10n.t('The search failed')}`;
      case 'cancelled':
        return `$(circle-slash) ${vscode.l10n.t('Cancelled: {0} events in {1} of {2} files', this.hits.length, s?.filesRead ?? 0, s?.filesPlanned ?? '?')}`;
      case 'done': {
        const args = [
          this.hits.length.toLocaleString('en-US'),
          s?.filesRead ?? 0,
          s?.filesPlanned ?? 0,
          ((s?.elapsedMs ?? 0) / 1000).toFixed(1),
          s?.margins.lateMinutes ?? '?',
        ] as const;
        const text = s?.truncated
          ? vscode.l10n.t('{0} events in {1} of {2} files (stopped at the maximum) · {3} s · files up to {4} min late', ...args)
          : this.hits.length === 1
            ? vscode.l10n.t('{0} event in {1} of {2} files · {3} s · files up to {4} min late', ...args)
            : vscode.l10n.t('{0} events in {1} of {2} files · {3} s · files up to {4} min late', ...args);
        return `$(check) ${text}`;
      }
    }
  }

  /** The whole summary (files, bytes, margin, failures) for Show Details. */
  detailText(): string {
    const head = `${this.title}\n`;
    if (this.engine === 'athena' && this.athena?.summary) return [head + this.athena.summary, ...(this.athena.notes ?? [])].join('\n');
    if (this.summary) return head + summaryText(this.summary);
    return head + (this.error ?? this.statusText());
  }

  /** The same answer in the one results model. */
  resultSet(): ResultSet {
    const set = searchResultSet(this.title, this.hits, this.failures, this.statusText().replace(/^\$\([^)]*\) /, ''), !this.running);
    return this.engine === 'athena' ? { ...set, kind: 'athena' } : set;
  }

  private schedule(): void {
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.render();
    }, renderDelay(this.hits.length));
  }

  private render(): void {
    this.renderedHits = [...this.hits];
    this.renderedText = resultsDocumentText(this.renderedHits);
    this.documents.update(this.uri, this.renderedText);
    this.changed(this);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.abort.abort();
  }
}

/** The runs by results document; fires when one changes (state, counts, results). */
export class SearchRuns implements vscode.Disposable {
  private readonly runs = new Map<string, SearchRun>();
  private readonly emitter = new vscode.EventEmitter<SearchRun>();
  readonly onDidChange = this.emitter.event;

  constructor(private readonly documents: MemoryDocuments) {}

  create(name: string, text: string, engine: SearchEngine = 'files'): SearchRun {
    const uri = this.documents.add(name, resultsDocumentText([]));
    const run = new SearchRun(uri, text, this.documents, (changed) => this.emitter.fire(changed));
    run.engine = engine;
    if (engine === 'athena') run.athena = {};
    this.runs.set(uri.toString(), run);
    return run;
  }

  get(uri: vscode.Uri | string | undefined): SearchRun | undefined {
    return uri === undefined ? undefined : this.runs.get(uri.toString());
  }

  /** Every run, newest first (for the results view). */
  all(): SearchRun[] {
    return [...this.runs.values()].reverse();
  }

  /** Forgets runs whose document text is gone, keeping at most `keep` (their results are memory). */
  prune(keep: number): void {
    const ids = [...this.runs.keys()];
    for (const id of ids.slice(0, Math.max(0, ids.length - keep))) {
      const run = this.runs.get(id);
      if (run && !run.running) {
        run.dispose();
        this.runs.delete(id);
      }
    }
  }

  dispose(): void {
    for (const run of this.runs.values()) run.dispose();
    this.runs.clear();
    this.emitter.dispose();
  }
}
