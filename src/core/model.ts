/**
 * Plain data shared by the AWS layer (which produces it), the CLI and the editor layer (which show it).
 * No SDK or editor types here.
 */
import type { ExplainedError } from './errors';

/** Where a flag on a key or trail comes from; each has words the user can act on. */
export type KeyFlagCode =
  | 'notSymmetric' // KeySpec is not SYMMETRIC_DEFAULT: CloudTrail and S3 cannot use it
  | 'disabled' // KeyState Disabled: CloudTrail cannot deliver, nobody can decrypt
  | 'pendingDeletion' // KeyState PendingDeletion / PendingReplicaDeletion
  | 'otherRegion' // key region differs from the bucket's region
  | 'otherAccount' // key belongs to another account (DescribeKey may be denied)
  | 'notFound' // DescribeKey said NotFound
  | 'describeDenied' // DescribeKey was denied: only the ARN is known
  | 'rotationDisabled'; // automatic rotation is off (informational)

export interface KeyFlag {
  code: KeyFlagCode;
  severity: 'error' | 'warning' | 'info';
  /** One sentence: what is wrong and what follows from it. */
  message: string;
}

export interface KeyInfo {
  arn: string;
  keyId: string;
  region: string;
  account: string;
  alias?: string;
  description?: string;
  keySpec?: string;
  keyUsage?: string;
  keyState?: string;
  keyManager?: string;
  multiRegion?: boolean;
  rotationEnabled?: boolean;
  deletionDate?: string; // ISO-8601
  flags: KeyFlag[];
}

export interface TrailStatus {
  isLogging: boolean;
  latestDeliveryTime?: string; // ISO-8601
  latestDeliveryError?: string;
  latestDigestDeliveryTime?: string;
  latestDigestDeliveryError?: string;
}

export interface TrailInfo {
  name: string;
  arn: string;
  homeRegion: string;
  account: string;
  bucket: string;
  /** S3 key prefix without trailing slash, or undefined. */
  keyPrefix?: string;
  /** Full key ARN when the trail uses SSE-KMS; undefined means SSE-S3. */
  kmsKeyArn?: string;
  isMultiRegion: boolean;
  isOrganizationTrail: boolean;
  logFileValidation: boolean;
  /** Regions where this trail was seen (home region plus its shadow copies). */
  seenInRegions: string[];
  status?: TrailStatus;
  /** Why the status could not be read, if it could not. */
  statusError?: string;
  key?: KeyInfo;
  /** Why the key could not be described, if it could not. */
  keyError?: string;
}

export interface LogFolder {
  /** Full prefix ending in '/'. */
  prefix: string;
  /** Last path segment without '/', e.g. `2026`, `us-west-2`, `CloudTrail-Digest`. */
  name: string;
}

export interface LogObject {
  key: string;
  /** File name (last path segment). */
  name: string;
  size: number;
  lastModified?: string; // ISO-8601
}

/** One page of a folder in the CloudTrail layout: ListObjectsV2 with Delimiter '/'. */
export interface LogFolderPage {
  bucket: string;
  prefix: string;
  folders: LogFolder[];
  objects: LogObject[];
  /** Present when there is another page. */
  nextToken?: string;
}

export interface SseFacts {
  /** `aws:kms`, `AES256`, `aws:kms:dsse`, … as S3 returned it. */
  algorithm?: string;
  kmsKeyId?: string;
  bucketKeyEnabled?: boolean;
}

export interface FetchedLog {
  bucket: string;
  key: string;
  region?: string;
  /** The document bytes (decompressed, as stored). */
  readonly bytes: Uint8Array;
  /**
   * With fetchLog's `prettyPrint`: the document indented while it arrived (src/core/logs/pretty.ts), or why it could
   * not be (NotJson, IndentTooLarge: show `bytes` as stored instead).
   */
  pretty?: { bytes: Uint8Array } | { error: ExplainedError };
  /** The same document decoded as UTF-8: decoded on first read, so callers that only need bytes never hold a copy as a string. */
  readonly text: string;
  sse: SseFacts;
  compressedBytes: number;
  uncompressedBytes: number;
  gzipped: boolean;
  etag?: string;
  lastModified?: string;
}
