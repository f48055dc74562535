/**
 * Fetching a digest chain ahead of its walk. The walk stays sequential — each digest names the one before it, and the
 * verdicts (like the aws CLI's) depend on that order — but the digests it will ask for next, the listed keys from
 * newest to oldest, are already on their way, at most `ahead` at a time (fetched or in flight, not yet taken). A key
 * the walk asks for that was never listed (a chain pointing elsewhere) is fetched then; listed keys the walk passes
 * over are dropped. Results are the store's own, failures included: they reach the walk when it takes that digest.
 */
import type { DigestStore } from './digestChain';
import type { SignedDigest } from './digestFile';

type Fetched = Promise<SignedDigest | 'missing'>;

export class DigestPrefetch {
  private bucket = '';
  private plan: string[] = [];
  private readonly position = new Map<string, number>();
  /** Plan index of the next digest to start fetching. */
  private next = 0;
  /** Started, not yet taken by the walk, by plan index. */
  private readonly started = new Map<number, Fetched>();

  constructor(
    private readonly store: DigestStore,
    private readonly ahead: number,
  ) {}

  /** The walk will now go through `keys` of `bucket` from the last (newest) to the first. */
  follow(bucket: string, keys: readonly string[]): void {
    this.bucket = bucket;
    this.plan = [...keys].reverse();
    this.position.clear();
    this.plan.forEach((key, index) => this.position.set(key, index));
    this.started.clear();
    this.next = 0;
    this.fill();
  }

  fetchDigest(bucket: string, key: string): Fetched {
    const at = bucket === this.bucket ? this.position.get(key) : undefined;
    if (at === undefined || this.ahead <= 0) return this.store.fetchDigest(bucket, key);
    for (const index of [...this.started.keys()]) if (index < at) this.started.delete(index); // passed over
    let fetched = this.started.get(at);
    this.started.delete(at);
    if (!fetched) fetched = this.store.fetchDigest(bucket, key);
    if (this.next <= at) this.next = at + 1;
    this.fill();
    return fetched;
  }

  private fill(): void {
    while (this.started.size < this.ahead && this.next < this.plan.length) {
      const index = this.next++;
      const fetched = this.store.fetchDigest(this.bucket, this.plan[index]);
      fetched.catch(() => undefined); // observed when the walk takes it; never an unhandled rejection
      this.started.set(index, fetched);
    }
  }
}
