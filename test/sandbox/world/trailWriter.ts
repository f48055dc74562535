/**
 * Writes what a trail delivers into its bucket: log files (gzip JSON, SSE-KMS with the trail's key and
 * `aws:cloudtrail:arn` in the encryption context) and hourly digest chains per account and region. Shared by the
 * organization, search and validation worlds.
 */
import { gzipSync } from 'node:zlib';
import type { KmsKey } from '../kms/keys';
import type { Prng } from '../prng';
import { sealObject } from '../s3/sse';
import type { Bucket } from '../s3/store';
import type { SandboxState } from '../state';
import { hourlyPlans, sha256, writeDigestChain, type LoggedFile } from './digests';
import { digestKeyAt, logKeyAt, type LogLocation } from './layout';
import { logFileJson } from './realistic';

export interface TrailSpec {
  name: string;
  arn: string;
  homeRegion: string;
  bucket: Bucket;
  /** '' for none */
  prefix: string;
  organizationId?: string;
  key: KmsKey;
}

export interface DigestSigner {
  privateKey: import('node:crypto').KeyObject;
  fingerprint: string;
}

export class TrailWriter {
  /** Log files written, per `account/region`, in delivery order. */
  readonly files = new Map<string, LoggedFile[]>();
  /** Totals over writeLog(): JSON bytes and gzip bytes. */
  uncompressedBytes = 0;
  compressedBytes = 0;

  constructor(
    private readonly state: SandboxState,
    readonly spec: TrailSpec,
    private readonly rng: Prng,
  ) {}

  location(account: string, region: string): LogLocation {
    return { prefix: this.spec.prefix, organizationId: this.spec.organizationId, account, region };
  }

  /** One delivered log file of `records` (JSON texts) whose event times are `times`; returns its key. */
  writeLog(account: string, region: string, delivered: Date, records: string[], times: string[], gzipLevel = 6): string {
    const key = logKeyAt(this.location(account, region), delivered, this.rng.alnum(16));
    const json = logFileJson(records);
    const sorted = [...times].sort();
    const gz = gzipSync(json, { level: gzipLevel });
    this.uncompressedBytes += json.length;
    this.compressedBytes += gz.length;
    this.put(key, gz, {}, new Date(delivered.getTime() + this.rng.int(1, 40) * 1000));
    const list = this.files.get(`${account}/${region}`) ?? [];
    list.push({ key, delivered, hash: sha256(json), newest: sorted[sorted.length - 1], oldest: sorted[0] });
    this.files.set(`${account}/${region}`, list);
    return key;
  }

  /** Stores raw bytes as the trail would (SSE-KMS with its key): for altered, truncated or odd objects. */
  put(key: string, body: Buffer, metadata: Record<string, string>, lastModified: Date, kmsKey: KmsKey = this.spec.key): void {
    const bucket = this.spec.bucket;
    bucket.put(
      sealObject(this.state, {
        bucket: bucket.name,
        key,
        plaintext: body,
        contentType: 'application/json',
        metadata,
        lastModified,
        sse: { kind: 'aws:kms', key: kmsKey, bucketKey: false, extraContext: { 'aws:cloudtrail:arn': this.spec.arn } },
        random: (n) => this.rng.bytes(n),
      }),
    );
  }

  /** Hourly digests for one account and region from `start`, covering the log files written so far. */
  writeDigests(
    account: string,
    region: string,
    start: Date,
    hours: number,
    signer: DigestSigner,
  ): { keys: string[]; lastDelivered?: Date } {
    const at = this.location(account, region);
    return writeDigestChain({
      bucket: this.spec.bucket.name,
      account,
      plans: hourlyPlans(
        start,
        hours,
        (end) => digestKeyAt(at, this.spec.name, this.spec.homeRegion, end),
        () => this.rng.int(5, 59),
      ),
      files: this.files.get(`${account}/${region}`) ?? [],
      signingKey: signer.privateKey,
      fingerprint: signer.fingerprint,
      deliveredAt: (p) => new Date(p.end.getTime() + this.rng.int(20, 50) * 1000),
      store: (key, gz, metadata, lastModified) => this.put(key, gz, metadata, lastModified),
    });
  }
}
