// Public types of the sandbox (see README.md). Other test layers code against these names.

export interface SandboxOptions {
  /** Loopback port; 0 (default) picks a free one. */
  port?: number;
  /** World to seed; `false` = empty (no buckets, trails or keys). Default: the default world. */
  world?: WorldOptions | false;
  /** Faults active from the start (added to those in `CLOUDTRAIL_SANDBOX_FAULTS`). */
  faults?: FaultRule[];
}

export interface WorldOptions {
  /** The organization world (accounts, organization trails, log-archive buckets); default true. See OrganizationWorld. */
  organization?: boolean;
  /** Scale: N extra log files of two realistic records each in one extra day (`SeededWorld.scale.busyDayPrefix`), e.g. 10000. */
  filesInOneDay?: number;
  /** Scale: one extra log file of M MB uncompressed of realistic records (`SeededWorld.scale.bigLogKey`), e.g. 50. */
  bigLogMB?: number;
}

/**
 * admin, auditor: the standalone account 111122223333 (default world). orgAdmin: the organization's management
 * account; memberAuditor: a workload member account; logArchiveReader: the log-archive account (organization world).
 */
export type PrincipalName = 'admin' | 'auditor' | 'orgAdmin' | 'memberAuditor' | 'logArchiveReader';

export interface Principal {
  name: PrincipalName;
  /** Account the principal belongs to. */
  accountId: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** IAM user ARN, e.g. arn:aws:iam::111122223333:user/cloudtrail-admin */
  arn: string;
}

export type FaultKind = 'throttle' | 'slowDown' | 'internalError' | 'reset' | 'truncate' | 'expiredToken' | 'silent' | 'trickle';

export interface FaultRule {
  /**
   * Operation name as AWS spells it (`GetObject`, `Decrypt`, `DescribeTrails`, `GetCallerIdentity`,
   * `DescribeOrganization`…) or `*` (every request; not the KMS calls S3 makes internally).
   * `Decrypt` and `GenerateDataKey` also match the KMS calls S3 makes on a caller's behalf (GetObject / PutObject of
   * an SSE-KMS object) unless `via` says otherwise.
   */
  operation: string;
  /**
   * throttle: KMS/CloudTrail ThrottlingException 400, STS Throttling 400, S3 503 SlowDown.
   * slowDown: S3 503 SlowDown (same as throttle, for any protocol).
   * internalError: 500 (S3 InternalError, KMS KMSInternalException, CloudTrail InternalServerError, STS InternalFailure).
   * reset: the connection is destroyed before any response byte.
   * truncate: the operation runs, headers (with the full Content-Length) go out, then half the body, then the socket closes.
   * expiredToken: S3 400 ExpiredToken, KMS/CloudTrail 400 ExpiredTokenException, STS 403 ExpiredToken.
   * silent: the request is read and never answered (the connection stays open until the client gives up or the
   *   sandbox stops).
   * trickle: the operation runs, headers go out, then the body `bytesPerChunk` bytes (default 64) every `intervalMs`
   *   (default 250).
   * On a KMS call S3 makes internally, throttle/slowDown become S3's 503 SlowDown ("…operations involving AWS KMS"),
   * internalError S3's 500 InternalError, expiredToken S3's 400 ExpiredToken; the others act on the S3 response.
   */
  kind: FaultKind;
  /** How many matching requests the rule hits before it is used up; default: every matching request. */
  times?: number;
  /** `request`: only requests to that operation; `s3`: only the KMS calls S3 makes internally. Default: both. */
  via?: 'request' | 's3';
  /** trickle: bytes per write (default 64). */
  bytesPerChunk?: number;
  /** trickle: milliseconds between writes (default 250). */
  intervalMs?: number;
}

export interface FaultController {
  add(rule: FaultRule): void;
  clear(): void;
  /** Rules still active (with their remaining `times`). */
  list(): FaultRule[];
  /**
   * Stops answering: requests for `operation` (default `*`, every request) are accepted and read, then held
   * without a response until `resume()`. Switchable at run time (a "hung endpoint").
   */
  pause(operation?: string): void;
  /** Answers the held requests (those whose client is still connected) and stops holding (one operation or all). */
  resume(operation?: string): void;
  /** Operations currently paused (`*` = all). */
  paused(): string[];
  /** Requests held right now. */
  heldCount(): number;
}

export interface RequestCounter {
  /** Requests received for one operation, or all requests when omitted (failed and faulted ones included). */
  count(operation?: string): number;
  reset(): void;
}

export interface KeyRef {
  keyId: string;
  arn: string;
  /** Alias name, e.g. `alias/cloudtrail-logs`. */
  alias: string;
  region: string;
  /** Owner account (when not the standalone account 111122223333). */
  accountId?: string;
}

export interface TrailRef {
  name: string;
  arn: string;
  homeRegion: string;
  bucket: string;
  /** S3 key prefix without trailing slash; '' when the trail has none. */
  s3KeyPrefix: string;
  /** Key ARN for SSE-KMS trails; undefined for SSE-S3. */
  kmsKeyArn?: string;
  isMultiRegion: boolean;
  logFileValidation: boolean;
}

export interface SeededWorld {
  /** false when started with `world: false`: then the names below describe nothing that exists. */
  seeded: boolean;
  accountId: string;
  /** Regions the world has (home first). */
  regions: string[];
  /** The fixed instant the world was seeded at; the sandbox clock (event times, LastModified) starts here. */
  now: Date;
  /** The days that hold log files, `YYYY-MM-DD` (UTC). */
  days: string[];
  buckets: {
    /** Bucket of the `management` trail (SSE-KMS by the trail key; logs + digests). */
    logs: { name: string; region: string };
    /** Bucket of the `data-events` trail (SSE-S3, no prefix). */
    dataEvents: { name: string; region: string };
  };
  trails: { management: TrailRef; dataEvents: TrailRef };
  keys: {
    /** Symmetric, Enabled, rotation on, CloudTrail key policy; encrypts the management trail's logs and digests. */
    healthy: KeyRef;
    /** Symmetric, Disabled; `objects.disabledKeyLog` is encrypted under it. */
    disabled: KeyRef;
    /** Symmetric, PendingDeletion; `objects.pendingDeletionKeyLog` is encrypted under it. */
    pendingDeletion: KeyRef;
    /** RSA_2048, ENCRYPT_DECRYPT: not usable by CloudTrail or S3. */
    asymmetric: KeyRef;
  };
  /**
   * Log object keys of the management trail: logKeys[region][YYYY-MM-DD] = keys, sorted.
   * Every one is covered by a digest (only `tamperedLogKey` fails validation).
   */
  logKeys: Record<string, Record<string, string[]>>;
  /** Digest object keys of the management trail per region (sorted, oldest first; hourly, chained). */
  digestKeys: Record<string, string[]>;
  /** A us-west-2 log altered after its digest was written: validate-logs says "hash value doesn't match". */
  tamperedLogKey: string;
  /** Log object keys of the data-events trail (SSE-S3) in `buckets.dataEvents`. */
  dataEventLogKeys: string[];
  objects: {
    /** An older log (day `2026-11-23`) encrypted under the disabled key: GetObject fails with KMS.DisabledException. */
    disabledKeyLog: string;
    /** An older log (day `2026-11-22`) under the pending-deletion key: KMS.KMSInvalidStateException. */
    pendingDeletionKeyLog: string;
  };
  /** Present only when the scale knobs were used. Scale files are not covered by digests. */
  scale?: {
    /** `…/CloudTrail/us-west-2/2026/11/20/` holding `filesInOneDay` log files. */
    busyDayPrefix?: string;
    busyDayFileCount?: number;
    /** One log of `bigLogMB` MB uncompressed, day 2026-11-21 in us-west-2, realistic records (world/realistic.ts). */
    bigLogKey?: string;
    bigLogUncompressedBytes?: number;
    /** Its gzip size (zlib default level, as delivered logs): uncompressed / compressed is the compression ratio. */
    bigLogCompressedBytes?: number;
  };
  /** Fingerprint (hex MD5 of the DER public key) of the digest signing key. */
  digestPublicKeyFingerprint: string;
  /** The organization world (absent with `organization: false`). */
  organization?: OrganizationWorld;
}

/** One organization trail of the organization world. */
export interface OrgTrailFacts extends TrailRef {
  isOrganizationTrail: true;
  /** The trail's key (management account). */
  key: KeyRef & { accountId: string };
  /** Days (YYYY-MM-DD) that hold log files. */
  days: string[];
  /** logKeys[account][region][day] = log object keys (delivery order). */
  logKeys: Record<string, Record<string, Record<string, string[]>>>;
  /** digestKeys[account][region] = digest object keys, oldest first (hourly, chained from the trail's start). */
  digestKeys: Record<string, Record<string, string[]>>;
  /** A window for `validate-logs --start-time/--end-time` that covers every digest of the trail. */
  validationWindow: { start: string; end: string };
}

/**
 * The organization world: organization `o-a1b2c3d4e5`, management account 210987654321 (principal `orgAdmin`),
 * log archive 321098765432 (`logArchiveReader`: lists/reads the buckets and decrypts, may not call CloudTrail),
 * workload members 432109876543 (`memberAuditor`: sees the organization trails as another account's shadow trails,
 * may not read the bucket nor decrypt) and 543210987654.
 */
export interface OrganizationWorld {
  id: string;
  managementAccountId: string;
  logArchiveAccountId: string;
  memberAccountIds: string[];
  /** Every account of the organization with its name (as ListAccounts gives them to the management account). */
  accounts: Array<{ id: string; name: string }>;
  regions: string[];
  trails: {
    /** `organization-trail`: bucket aws-cloudtrail-logs-321098765432-org, no prefix, 2026-11-26 (hourly digests from 00:00). */
    organization: OrgTrailFacts;
    /** `aws-controltower-BaselineCloudTrail`: prefix `o-a1b2c3d4e5` (Control Tower layout), from 2026-11-26T18:00. */
    controlTower: OrgTrailFacts;
  };
}

export interface Sandbox {
  /** http://127.0.0.1:<port> */
  endpoint: string;
  port: number;
  /** '111122223333' */
  accountId: string;
  /** 'us-west-2' (home region) */
  region: string;
  /** Every principal (see PrincipalName); the organization's ones matter once the organization world is seeded. */
  principals: Record<PrincipalName, Principal>;
  world: SeededWorld;
  faults: FaultController;
  requests: RequestCounter;
  stop(): Promise<void>;
}
