/**
 * The live result sets behind the Results view: each set is filled by its producer through a ResultsHandle (items
 * arrive while the work runs), can be stopped by the user (its signal aborts), and may offer "Load more". Editor-free
 * apart from the event emitter, so the tree (resultsTree.ts) only renders.
 */
import * as vscode from 'vscode';
import {
  groupResults,
  type GroupOrder,
  type ResultGroup,
  type ResultItem,
  type ResultKind,
  type ResultSet,
} from '../../core/results/model';

/** More results on request (e.g. the next 200 LookupEvents events): `load` adds them through the handle. */
export interface MoreResults {
  /** The node's label, e.g. `Load 200 more events`. */
  label: string;
  load(signal: AbortSignal): Promise<void>;
}

/** What a producer (validation, KMS activity, Find Events, Athena) uses to fill its set while it works. */
export interface ResultsHandle {
  readonly id: number;
  /** Aborted when the user presses Stop on the set or removes it: pass it to the work. */
  readonly signal: AbortSignal;
  /** Adds items (in any order: the view groups and sorts). */
  add(items: readonly ResultItem[]): void;
  /** The counts in words, shown next to the title (updated as often as wanted). */
  setSummary(summary: string): void;
  /** Offers a "Load more" node at the end of the set (undefined removes it). */
  offerMore(more: MoreResults | undefined): void;
  /** The work ended (also after a failure or cancel: the set keeps what arrived); optionally the final summary. */
  done(summary?: string): void;
}

export interface NewResultSet {
  kind: ResultKind;
  title: string;
  summary?: string;
  groupOrder?: GroupOrder;
}

/** A set as the view holds it. */
export class LiveResultSet implements ResultSet {
  readonly kind: ResultKind;
  readonly title: string;
  summary?: string;
  readonly items: ResultItem[] = [];
  done = false;
  readonly groupOrder?: GroupOrder;
  more?: MoreResults;
  /** True while `more.load` runs. */
  loadingMore = false;
  readonly abort = new AbortController();
  private grouped?: { version: number; root: ResultGroup };
  private version = 0;
  private readonly positions = new WeakMap<ResultItem, number>();

  constructor(
    readonly id: number,
    init: NewResultSet,
  ) {
    this.kind = init.kind;
    this.title = init.title;
    if (init.summary) this.summary = init.summary;
    if (init.groupOrder) this.groupOrder = init.groupOrder;
  }

  touch(): void {
    this.version++;
  }

  push(items: readonly ResultItem[]): void {
    for (const item of items) {
      this.positions.set(item, this.items.length);
      this.items.push(item);
    }
  }

  /** Where an item sits in `items` (its identity in the tree). */
  position(item: ResultItem): number {
    return this.positions.get(item) ?? -1;
  }

  /** The items grouped (computed again only after a change). */
  groups(): ResultGroup {
    if (!this.grouped || this.grouped.version !== this.version)
      this.grouped = { version: this.version, root: groupResults(this.items, this.groupOrder) };
    return this.grouped.root;
  }

  /** The plain ResultSet (what is saved and what tests read). */
  snapshot(): ResultSet {
    return {
      kind: this.kind,
      title: this.title,
      ...(this.summary ? { summary: this.summary } : {}),
      items: [...this.items],
      done: this.done,
      ...(this.groupOrder ? { groupOrder: this.groupOrder } : {}),
    };
  }
}

/** How many sets the view keeps (the oldest is dropped beyond that). */
export const KEPT_SETS = 10;
/** How long streamed additions are gathered before the tree redraws. */
const REDRAW_MS = 200;

export class ResultSets implements vscode.Disposable {
  private readonly list: LiveResultSet[] = [];
  private counter = 0;
  private readonly changed = new vscode.EventEmitter<LiveResultSet | undefined>();
  /** Fires with the set that changed, or undefined when sets were added or removed. */
  readonly onDidChange = this.changed.event;
  private readonly pending = new Set<LiveResultSet>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** Newest first. */
  all(): readonly LiveResultSet[] {
    return this.list;
  }

  byId(id: number): LiveResultSet | undefined {
    return this.list.find((set) => set.id === id);
  }

  create(init: NewResultSet): { set: LiveResultSet; handle: ResultsHandle } {
    const set = new LiveResultSet(++this.counter, init);
    this.list.unshift(set);
    while (this.list.length > KEPT_SETS) this.drop(this.list[this.list.length - 1]);
    this.changed.fire(undefined);
    const handle: ResultsHandle = {
      id: set.id,
      signal: set.abort.signal,
      add: (items) => {
        if (items.length === 0) return;
        set.push(items);
        this.changedLater(set);
      },
      setSummary: (summary) => {
        set.summary = summary;
        this.changedLater(set);
      },
      offerMore: (more) => {
        set.more = more;
        this.changedNow(set);
      },
      done: (summary) => {
        if (summary !== undefined) set.summary = summary;
        set.done = true;
        this.changedNow(set);
      },
    };
    return { set, handle };
  }

  /** Stops a running set's work (its producer sees the signal abort). */
  stop(set: LiveResultSet): void {
    set.abort.abort();
  }

  remove(set: LiveResultSet): void {
    this.drop(set);
    this.changed.fire(undefined);
  }

  clear(): void {
    for (const set of [...this.list]) this.drop(set);
    this.changed.fire(undefined);
  }

  /** Runs the set's "Load more" (once at a time); failures reach the caller (the command wrapper shows them). */
  async loadMore(set: LiveResultSet): Promise<void> {
    const more = set.more;
    if (!more || set.loadingMore) return;
    set.loadingMore = true;
    set.done = false;
    set.more = undefined;
    this.changedNow(set);
    try {
      await more.load(set.abort.signal);
    } catch (error) {
      set.more ??= more; // offer it again: the user may retry
      throw error;
    } finally {
      set.loadingMore = false;
      set.done = true;
      this.changedNow(set);
    }
  }

  private drop(set: LiveResultSet): void {
    const at = this.list.indexOf(set);
    if (at >= 0) this.list.splice(at, 1);
    set.abort.abort();
    this.pending.delete(set);
  }

  private changedNow(set: LiveResultSet): void {
    set.touch();
    this.pending.delete(set);
    this.changed.fire(set);
  }

  /** Streams redraw at most every REDRAW_MS, so a producer adding one item at a time costs one redraw per interval. */
  private changedLater(set: LiveResultSet): void {
    set.touch();
    this.pending.add(set);
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      const sets = [...this.pending];
      this.pending.clear();
      for (const changed of sets) this.changed.fire(changed);
    }, REDRAW_MS);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const set of this.list) set.abort.abort();
    this.changed.dispose();
  }
}
