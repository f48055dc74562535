import { ACCOUNT_ID } from '../principals';

export type ObjectEncryption =
  | { kind: 'none' }
  | { kind: 'AES256' }
  | { kind: 'aws:kms'; keyArn: string; encryptedDataKey: Buffer; context: Record<string, string>; bucketKey: boolean };

export interface S3Object {
  key: string;
  /** Plaintext length. */
  size: number;
  lastModified: Date;
  etag: string;
  contentType: string;
  metadata: Record<string, string>;
  encryption: ObjectEncryption;
  /** Stored bytes: AES-256-CTR ciphertext for aws:kms, else the plaintext. Memory only. */
  body: Buffer;
  /** CTR initial counter block for aws:kms objects. */
  iv?: Buffer;
}

export interface BucketDefaultEncryption {
  kind: 'AES256' | 'aws:kms';
  keyArn?: string;
  bucketKey?: boolean;
}

export class Bucket {
  readonly objects = new Map<string, S3Object>();
  private sorted: string[] = [];
  private dirty = false;

  /** Bucket policy (JSON text); cross-account access needs it (iam/authorize.ts). */
  policy?: string;

  constructor(
    readonly name: string,
    readonly region: string,
    readonly creationDate: Date,
    public defaultEncryption?: BucketDefaultEncryption,
    /** Account that owns the bucket. */
    readonly accountId: string = ACCOUNT_ID,
  ) {}

  put(object: S3Object): void {
    if (!this.objects.has(object.key)) {
      this.dirty = true;
      this.sorted.push(object.key);
    }
    this.objects.set(object.key, object);
  }

  delete(key: string): void {
    if (this.objects.delete(key)) this.sorted = this.sorted.filter((k) => k !== key);
  }

  /** Keys in S3 order (UTF-8 byte order, which equals code-unit order for the sandbox's ASCII keys). */
  keys(): string[] {
    if (this.dirty) {
      this.sorted.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      this.dirty = false;
    }
    return this.sorted;
  }

  /** Index of the first key strictly greater than `after` (or >= `from`). */
  indexAfter(after: string, inclusive = false): number {
    const keys = this.keys();
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (keys[mid] < after || (!inclusive && keys[mid] === after)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

export class BucketStore {
  readonly buckets = new Map<string, Bucket>();

  add(bucket: Bucket): Bucket {
    this.buckets.set(bucket.name, bucket);
    return bucket;
  }

  get(name: string): Bucket | undefined {
    return this.buckets.get(name);
  }
}
