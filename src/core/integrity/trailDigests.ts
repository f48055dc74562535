/**
 * What a validation run needs besides S3: which digest chain to walk (DigestTrail, from the trail and the account and
 * region chosen), and a way to stop it between files when the user cancels.
 */
import { CancelledError } from '../errors';
import type { DigestStore, DigestTrail } from './digestChain';
import type { LogHasher } from './digestReport';

/** The chain of one account and region of a trail. `account` is the member account for organization trails. */
export function digestTrailFor(
  trail: { arn: string; homeRegion: string; keyPrefix?: string },
  chosen: { account: string; sourceRegion: string; organizationId?: string },
): DigestTrail {
  return {
    account: chosen.account,
    name: trail.arn.slice(trail.arn.lastIndexOf('/') + 1),
    homeRegion: trail.homeRegion,
    sourceRegion: chosen.sourceRegion,
    ...(trail.keyPrefix ? { keyPrefix: trail.keyPrefix } : {}),
    ...(chosen.organizationId ? { organizationId: chosen.organizationId } : {}),
  };
}

/** Makes a walk stop between files once `signal` aborts: the store throws CancelledError, remaining log hashes are skipped. */
export function abortable(store: DigestStore, hashLog: LogHasher, signal: AbortSignal): { store: DigestStore; hashLog: LogHasher } {
  const check = (): void => {
    if (signal.aborted) throw new CancelledError('Validation cancelled.');
  };
  return {
    store: {
      async *listKeys(bucket, prefix, marker) {
        for await (const key of store.listKeys(bucket, prefix, marker)) {
          check();
          yield key;
        }
      },
      async fetchDigest(bucket, key) {
        check();
        return store.fetchDigest(bucket, key);
      },
      async publicKeys(start, end) {
        check();
        return store.publicKeys(start, end);
      },
    },
    hashLog: async (bucket, key) => (signal.aborted ? { status: 'error', message: 'not checked (cancelled)' } : hashLog(bucket, key)),
  };
}
