/**
 * Walking a trail's digest chain newest → oldest, as `aws cloudtrail validate-logs` (DigestProvider + DigestTraverser)
 * does, over an injected store so the walk is testable without S3.
 */
import { DigestInvalid, isBackfillDigestKey, readDigest, verifyDigest, type DigestData, type SignedDigest } from './digestFile';
import { DigestPrefetch } from './digestPrefetch';

export interface DigestTrail {
  account: string;
  /** Trail name (text after the last `/` of its ARN). */
  name: string;
  homeRegion: string;
  /** The region whose digests are walked (the CLI's --region; default the home region). */
  sourceRegion: string;
  keyPrefix?: string;
  organizationId?: string;
}

/** What the walk needs from S3 and CloudTrail. */
export interface DigestStore {
  /** Keys under `prefix` strictly after `marker`, ascending (S3 ListObjects order). */
  listKeys(bucket: string, prefix: string, marker: string): AsyncIterable<string>;
  /** The digest object with its metadata, or 'missing' for NoSuchKey. Other failures throw (the walk stops, as the CLI's does). */
  fetchDigest(bucket: string, key: string): Promise<SignedDigest | 'missing'>;
  /** ListPublicKeys for a window: fingerprint → DER bytes. */
  publicKeys(start: Date, end: Date): Promise<Map<string, Uint8Array>>;
}

export type ChainEvent =
  | { type: 'digest'; backfill: boolean; bucket: string; key: string; verdict: 'valid'; digest: DigestData }
  | { type: 'digest'; backfill: boolean; bucket: string; key: string; verdict: string }
  | { type: 'gap'; backfill: boolean; from: Date; to: Date };

const HOUR = 3_600_000;

/** `YYYYMMDDTHHMMSSZ`, the timestamp format in digest key names. */
export function keyDateText(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** The 16-character timestamp in a digest key name (before `.json.gz` or `_backfill.json.gz`). */
export function digestKeyDateText(key: string): string {
  return isBackfillDigestKey(key) ? key.slice(-33, -17) : key.slice(-24, -8);
}

export function parseKeyDate(text: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (!m) return undefined;
  return new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

function accountPath(trail: DigestTrail): string {
  return `AWSLogs/${trail.organizationId ? `${trail.organizationId}/` : ''}${trail.account}`;
}

function withPrefix(trail: DigestTrail, path: string): string {
  return trail.keyPrefix ? `${trail.keyPrefix}/${path}` : path;
}

/** Prefix and marker for listing a region's digests from `start` (marker = the key a digest at start − 1 min would have). */
export function digestListing(trail: DigestTrail, start: Date): { prefix: string; marker: string } {
  const date = new Date(start.getTime() - 60_000);
  const ymd = date.toISOString().slice(0, 10).replace(/-/g, '/');
  const { account, sourceRegion, homeRegion, name } = trail;
  return {
    prefix: withPrefix(trail, `${accountPath(trail)}/CloudTrail-Digest/${sourceRegion}`),
    marker: withPrefix(
      trail,
      `${accountPath(trail)}/CloudTrail-Digest/${sourceRegion}/${ymd}/${account}_CloudTrail-Digest_${sourceRegion}_${name}_${homeRegion}_${keyDateText(date)}.json.gz`,
    ),
  };
}

/** Digest keys of this trail (other trails share the folder). */
export function digestKeyPattern(trail: DigestTrail): RegExp {
  const account = escapeRegExp(trail.account);
  const source = escapeRegExp(trail.sourceRegion);
  const body = `${trail.organizationId ? `AWSLogs/${escapeRegExp(trail.organizationId)}/` : 'AWSLogs/'}${account}/CloudTrail-Digest/${source}/\\d+/\\d+/\\d+/${account}_CloudTrail-Digest_${source}_${escapeRegExp(trail.name)}_${escapeRegExp(trail.homeRegion)}_.+(?:_backfill)?\\.json\\.gz`;
  return new RegExp(`^${trail.keyPrefix ? `${escapeRegExp(trail.keyPrefix)}/` : ''}${body}$`);
}

/** Digest keys in [start, end + 1 h] by the date in their names, split into standard and backfill (ascending). */
export async function listDigestKeys(
  store: DigestStore,
  bucket: string,
  trail: DigestTrail,
  start: Date,
  end: Date,
): Promise<{ standard: string[]; backfill: string[] }> {
  const { prefix, marker } = digestListing(trail, start);
  const pattern = digestKeyPattern(trail);
  const from = keyDateText(start);
  const to = keyDateText(new Date(end.getTime() + HOUR));
  const standard: string[] = [];
  const backfill: string[] = [];
  for await (const key of store.listKeys(bucket, prefix, marker)) {
    if (!pattern.test(key)) continue;
    const date = digestKeyDateText(key);
    if (date > to) break;
    if (date < from) continue;
    (isBackfillDigestKey(key) ? backfill : standard).push(key);
  }
  return { standard, backfill };
}

/** Pops the newest key, or the newest one dated before `beforeKey` (the CLI's _get_last_digest; mutates `keys`). */
function lastDigest(keys: string[], beforeKey?: string): { key?: string; date?: Date } {
  if (keys.length === 0) return {};
  if (beforeKey === undefined) {
    const key = keys.pop() as string;
    return { key, date: parseKeyDate(digestKeyDateText(key)) };
  }
  const before = parseKeyDate(digestKeyDateText(beforeKey));
  while (keys.length > 0) {
    const key = keys.pop() as string;
    const date = parseKeyDate(digestKeyDateText(key));
    if (date && before && date < before) return { key, date };
  }
  return {};
}

function parseIsoDate(text: string): Date {
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) throw new DigestInvalid(`Unable to parse date value: ${text}`);
  return date;
}

/**
 * Yields every digest verdict and gap, newest first; standard chain, then backfill digests. Throws what the store
 * throws (access denied, network) and an Error when CloudTrail has no public key for the window. With `ahead` > 0 the
 * listed digests are fetched that many ahead of the walk (DigestPrefetch); the walk and its verdicts are the same.
 */
export async function* walkDigestChain(
  store: DigestStore,
  bucket: string,
  trail: DigestTrail,
  start: Date,
  end: Date,
  ahead = 0,
): AsyncGenerator<ChainEvent> {
  const prefetch = new DigestPrefetch(store, ahead);
  const listings: Map<string, Promise<{ standard: string[]; backfill: string[] }>> = new Map();
  const listed = (b: string) => {
    let listing = listings.get(b);
    if (!listing) listings.set(b, (listing = listDigestKeys(store, b, trail, start, end)));
    return listing;
  };
  for (const backfill of [false, true]) {
    let publicKeys: Map<string, Uint8Array> = new Map();
    if (!backfill) {
      publicKeys = await store.publicKeys(start, new Date(end.getTime() + 2 * HOUR));
      if (publicKeys.size === 0)
        throw new Error(`No public keys found between ${display(start)} and ${display(new Date(end.getTime() + 2 * HOUR))}`);
    }
    let current = bucket;
    let keys = [...(await listed(current))[backfill ? 'backfill' : 'standard']];
    prefetch.follow(current, keys);
    let { key, date: lastStart } = lastDigest(keys);
    while (key && lastStart && start <= lastStart) {
      const at = { bucket: current, key };
      let next: { key?: string; date?: Date };
      try {
        const fetched = await prefetch.fetchDigest(current, key);
        if (fetched === 'missing') {
          next = lastDigest(keys, key);
          yield { type: 'digest', backfill, ...at, verdict: 'INVALID: not found' };
          key = next.key;
          continue;
        }
        const digest = readDigest(fetched);
        if (!publicKeys.has(digest.digestPublicKeyFingerprint) && backfill) {
          const generated = parseIsoDate(fetched.backfillGenerationTimestamp ?? '');
          const from = new Date(generated.getTime() - HOUR);
          const to = new Date(generated.getTime() + HOUR);
          const loaded = await store.publicKeys(from, to);
          if (loaded.size === 0) throw new DigestInvalid(`No public keys found between ${display(from)} and ${display(to)}`);
          for (const [fingerprint, der] of loaded) publicKeys.set(fingerprint, der);
        }
        verifyDigest(fetched, digest, publicKeys.get(digest.digestPublicKeyFingerprint), trail.homeRegion);
        lastStart = parseIsoDate(digest.digestStartTime);
        yield { type: 'digest', backfill, ...at, verdict: 'valid', digest };
        if (digest.previousDigestS3Bucket === null || digest.previousDigestS3Object === null) {
          next = lastDigest(keys, key);
          if (next.key && next.date) yield { type: 'gap', backfill, from: next.date, to: lastStart };
          key = next.key;
        } else {
          key = digest.previousDigestS3Object;
          if (digest.previousDigestS3Bucket !== current) {
            current = digest.previousDigestS3Bucket;
            keys = [...(await listed(current))[backfill ? 'backfill' : 'standard']];
            prefetch.follow(current, keys);
          }
        }
      } catch (error) {
        if (!(error instanceof DigestInvalid)) throw error;
        next = lastDigest(keys, key);
        yield { type: 'digest', backfill, ...at, verdict: `INVALID: ${error.message}` };
        key = next.key;
      }
    }
  }
}

/** `YYYY-MM-DDTHH:MM:SSZ`, the aws CLI's display format. */
export function display(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
