/**
 * Adaptive concurrency for reading many log files: start at the configured number of files at once; when AWS throttles
 * (S3 503 SlowDown — also how S3 reports that KMS throttled its Decrypt — or 429), halve it and hold new starts for a
 * back-off that doubles with each throttle in a row (with jitter, at most 10 s); after as many clean reads as files in
 * flight, allow one more again (additive increase, multiplicative decrease). Reads that started before the last
 * decrease do not decrease it again: a burst of throttled reads in flight is one signal, not eight.
 */
import { CancelledError } from '../../core/errors';

const BASE_DELAY_MS = 250;
const MAX_DELAY_MS = 10_000;

export class AdaptiveLimit {
  private limit: number;
  private active = 0;
  private cleanSinceChange = 0;
  private throttleStreak = 0;
  private holdUntil = 0;
  /** Bumped at each decrease; a read carries the epoch it started in. */
  private epoch = 0;
  private readonly waiters: (() => void)[] = [];
  throttles = 0;

  constructor(
    readonly max: number,
    private readonly random: () => number = Math.random,
  ) {
    this.limit = Math.max(1, Math.floor(max));
  }

  get current(): number {
    return this.limit;
  }

  /** Waits for a slot (and for any back-off to pass); resolves to the epoch to give back to release(); throws CancelledError when the signal aborts. */
  async acquire(signal?: AbortSignal): Promise<number> {
    for (;;) {
      if (signal?.aborted) throw new CancelledError('The search was cancelled.');
      const wait = this.holdUntil - Date.now();
      if (wait > 0) {
        await sleep(wait, signal);
        continue;
      }
      if (this.active < this.limit) {
        this.active++;
        return this.epoch;
      }
      await new Promise<void>((resolve) => {
        const wake = (): void => {
          signal?.removeEventListener('abort', wake);
          resolve();
        };
        this.waiters.push(wake);
        signal?.addEventListener('abort', wake, { once: true });
      });
    }
  }

  /** Gives the slot back; `throttled` when AWS refused for the request rate; `epoch` from acquire(). */
  release(outcome: 'ok' | 'throttled' | 'other', epoch = this.epoch): void {
    this.active = Math.max(0, this.active - 1);
    if (outcome === 'throttled') this.throttles++;
    if (outcome === 'throttled' && epoch === this.epoch) {
      this.epoch++;
      this.throttleStreak++;
      this.limit = Math.max(1, Math.floor(this.limit / 2));
      this.cleanSinceChange = 0;
      const delay = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.min(this.throttleStreak - 1, 10));
      this.holdUntil = Math.max(this.holdUntil, Date.now() + delay / 2 + this.random() * (delay / 2));
    } else if (outcome === 'ok' && epoch === this.epoch) {
      this.throttleStreak = 0;
      if (++this.cleanSinceChange >= this.limit && this.limit < this.max) {
        this.limit++;
        this.cleanSinceChange = 0;
      }
    }
    this.wakeAll();
  }

  private wakeAll(): void {
    for (const wake of this.waiters.splice(0)) wake();
  }
}

/** Resolves after `ms`, or rejects with CancelledError as soon as the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new CancelledError('The search was cancelled.'));
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', stop);
      resolve();
    }, ms);
    const stop = (): void => {
      clearTimeout(timer);
      reject(new CancelledError('The search was cancelled.'));
    };
    signal?.addEventListener('abort', stop, { once: true });
  });
}
