/**
 * Hourly digest files as CloudTrail writes them for one account, region and trail (domain facts §5): each lists the
 * log files delivered in its window with their SHA-256, links to the previous digest, and is signed (SHA256withRSA
 * over the string the aws CLI rebuilds) with the key ListPublicKeys serves.
 */
import { createHash, createSign, type KeyObject } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { isoSeconds } from '../clock';

export interface DigestPlan {
  start: Date;
  end: Date;
  key: string;
}

/** A delivered log file as a digest lists it. */
export interface LoggedFile {
  key: string;
  delivered: Date;
  /** hex SHA-256 of the uncompressed file */
  hash: string;
  newest: string;
  oldest: string;
}

export interface DigestChainInput {
  bucket: string;
  account: string;
  plans: DigestPlan[];
  /** This chain's log files (its account and region), in delivery order. */
  files: LoggedFile[];
  signingKey: KeyObject;
  fingerprint: string;
  /** When the digest landed (called after signing, once per digest, in order). */
  deliveredAt(plan: DigestPlan): Date;
  store(key: string, gz: Buffer, metadata: Record<string, string>, lastModified: Date): void;
}

/** Writes the chain; returns the digest keys (oldest first) and the last delivery time. */
export function writeDigestChain(input: DigestChainInput): { keys: string[]; lastDelivered?: Date } {
  const keys: string[] = [];
  let lastDelivered: Date | undefined;
  let previous: { key: string; hash: string; signature: string } | undefined;
  for (const p of input.plans) {
    const logFiles = input.files
      .filter((f) => f.delivered > p.start && f.delivered <= p.end)
      .map((f) => ({
        s3Bucket: input.bucket,
        s3Object: f.key,
        hashValue: f.hash,
        hashAlgorithm: 'SHA-256',
        newestEventTime: f.newest,
        oldestEventTime: f.oldest,
      }));
    const digest = {
      awsAccountId: input.account,
      digestStartTime: isoSeconds(p.start),
      digestEndTime: isoSeconds(p.end),
      digestS3Bucket: input.bucket,
      digestS3Object: p.key,
      digestPublicKeyFingerprint: input.fingerprint,
      digestSignatureAlgorithm: 'SHA256withRSA',
      newestEventTime: logFiles.length
        ? logFiles
            .map((l) => l.newestEventTime)
            .sort()
            .pop()!
        : null,
      oldestEventTime: logFiles.length ? logFiles.map((l) => l.oldestEventTime).sort()[0] : null,
      previousDigestS3Bucket: previous ? input.bucket : null,
      previousDigestS3Object: previous?.key ?? null,
      previousDigestHashValue: previous?.hash ?? null,
      previousDigestHashAlgorithm: previous ? 'SHA-256' : null,
      previousDigestSignature: previous?.signature ?? null,
      logFiles,
    };
    const inflated = Buffer.from(JSON.stringify(digest));
    const hash = sha256(inflated);
    const toSign = `${digest.digestEndTime}\n${input.bucket}/${p.key}\n${hash}\n${previous?.signature ?? 'null'}`;
    const signature = sign(toSign, input.signingKey);
    const delivered = input.deliveredAt(p);
    input.store(p.key, gzipSync(inflated), { signature, 'signature-algorithm': 'SHA256withRSA' }, delivered);
    keys.push(p.key);
    previous = { key: p.key, hash, signature };
    if (!lastDelivered || delivered > lastDelivered) lastDelivered = delivered;
  }
  return { keys, lastDelivered };
}

// PKCS#1 v1.5 signatures are deterministic and the worlds are the same every run: sandboxes started again in one
// process (a test file starts several) reuse them instead of paying ~0.4 ms of RSA per digest.
const signatures = new WeakMap<KeyObject, Map<string, string>>();

function sign(toSign: string, key: KeyObject): string {
  let memo = signatures.get(key);
  if (!memo) signatures.set(key, (memo = new Map()));
  let signature = memo.get(toSign);
  if (signature === undefined) {
    signature = createSign('RSA-SHA256').update(toSign, 'utf8').sign(key).toString('hex');
    memo.set(toSign, signature);
  }
  return signature;
}

/** Hourly windows from `start` for `hours` hours; each ends a few seconds after the hour (`jitter` gives the seconds). */
export function hourlyPlans(start: Date, hours: number, keyOf: (end: Date) => string, jitter: () => number): DigestPlan[] {
  const plans: DigestPlan[] = [];
  let from = start;
  for (let h = 1; h <= hours; h++) {
    const end = new Date(start.getTime() + h * 3_600_000 + jitter() * 1000);
    plans.push({ start: from, end, key: keyOf(end) });
    from = end;
  }
  return plans;
}

export function sha256(b: Buffer): string {
  return createHash('sha256').update(b).digest('hex');
}
