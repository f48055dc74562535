/**
 * Loads of tree children in flight: one per node, each with its own AbortController, so a "Loading…" row can cancel
 * its load and a refresh drops a load whose result nobody wants any more.
 */
import type { TrailsNode } from './trailNodes';

export interface ChildLoad {
  /** Settles (never rejects) once the node's children are set, or the load was dropped. */
  readonly promise: Promise<void>;
  /** True when the load settled within `ms`. */
  settledWithin(ms: number): Promise<boolean>;
}

interface Pending {
  controller: AbortController;
  load: ChildLoad;
}

export class ChildLoads<N extends { children?: TrailsNode[] }> {
  private readonly pending = new Map<N, Pending>();

  /** `progress` shows work in the view (its progress bar) while it runs. */
  constructor(private readonly progress: (work: Promise<void>) => Promise<void>) {}

  /** The load of `node`'s children, started now unless one runs already. `work` must not reject. */
  start(node: N, work: (signal: AbortSignal) => Promise<TrailsNode[]>): ChildLoad {
    const running = this.pending.get(node);
    if (running) return running.load;
    const controller = new AbortController();
    let settled = false;
    const promise = this.progress(
      work(controller.signal).then(
        (children) => {
          if (this.pending.get(node)?.controller !== controller) return; // dropped by a refresh meanwhile
          node.children = children;
          this.pending.delete(node);
        },
        () => {
          if (this.pending.get(node)?.controller === controller) this.pending.delete(node);
        },
      ),
    ).finally(() => {
      settled = true;
    });
    const load: ChildLoad = {
      promise,
      settledWithin: async (ms) => {
        let timer: ReturnType<typeof setTimeout> | undefined;
        await Promise.race([promise, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
        clearTimeout(timer);
        return settled;
      },
    };
    this.pending.set(node, { controller, load });
    return load;
  }

  /** The user cancelled: the load ends with a cancellation, which becomes the node's child. */
  cancel(node: N): void {
    this.pending.get(node)?.controller.abort();
  }

  /** A refresh: the load is aborted and its result dropped. */
  forget(node: N): void {
    const running = this.pending.get(node);
    this.pending.delete(node);
    running?.controller.abort();
  }

  cancelAll(): void {
    for (const node of [...this.pending.keys()]) this.forget(node);
  }
}
