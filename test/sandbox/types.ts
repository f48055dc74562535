// Public types of the sandbox (see README.md). Other test layers code against these names.

export interface SandboxOptions {
  /** Loopback port; 0 (default) picks a free one. */
  port?: number;
  /** World to seed; `false` = empty (no buckets, trails or keys). Default: the default world. */
  world?: WorldOptions | false;
  /** Faults active from the start (added to those in `CLOUDTRAIL_SANDBOX_FAULTS`). */
  faults?: FaultRule[];
}

export interface SearchWorldOptions {
  /** Days from 2026-11-10 (default 4, at least 4: the planted events span four days). */
  days?: number;
  /** Log files per hour and region (default 1, at most 12). */
  filesPerHour?: number;
  /** Background records per file (default 120: ≈ 140 KB of JSON, which gzips ≈ 8×). */
  recordsPerFile?: number;
}

export interface ValidationWorldOptions {
  /** Days of hourly digests and logs, ending 2026-11-10T00:00 (default 30). */
  days?: number;
  /** Log files per hour and region (default 2). */
  logsPerHour?: number;
  /** Records per log file (default 8). */
  recordsPerLog?: number;
}

export interface WorldOptions {
  /** The search world (trail `audit-archive`, planted events): `true` for the defaults. See SearchWorld. */
  search?: boolean | SearchWorldOptions;
  /** Validation at scale (trail `archive`, N days of hourly digests, 2 regions): `true` for 30 days. See ValidationWorld. */
  validation?: boolean | ValidationWorldOptions;
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
  /** With `search`: see SearchWorld. */
  search?: SearchWorld;
  /** With `validation`: see ValidationWorld. */
  validation?: ValidationWorld;
  /** Every symmetric key of the world with a probe ciphertext and, for trail keys, a log object under it. */
  keyProbes: KeyProbe[];
  /**
   * principal × key × path: what a decrypt gets (computed at seeding with the decisions the services enforce; a test
   * that changes a principal's permissions at run time changes the truth, not this list).
   */
  keyAccess: KeyAccessCase[];
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

/**
 * The search world: trail `audit-archive` (standalone account, bucket aws-cloudtrail-logs-111122223333-audit, no
 * prefix, SSE-KMS `alias/audit-archive-logs`, whose key policy lets the account's principals decrypt), days from
 * 2026-11-10 in us-west-2 and eu-central-1. Background records come from the corpus and hold no failed calls.
 */
export interface SearchWorld {
  trail: TrailRef;
  key: KeyRef;
  regions: string[];
  days: string[];
  /** logKeys[region][day] = every log object key (sorted), the special files included. */
  logKeys: Record<string, Record<string, string[]>>;
  fileCount: number;
  /** Records in the regular files (background + planted). */
  recordCount: number;
  /** Sum over the regular files: JSON bytes and gzip bytes (the compression ratio is their quotient). */
  uncompressedBytes: number;
  compressedBytes: number;
  planted: {
    /** Decrypt calls by role payments-batch with key alias/payments-data (us-west-2); decoys: same role other key or call, other principals same key. */
    roleDecrypts: {
      roleArn: string;
      sessionArn: string;
      accessKeyId: string;
      keyArn: string;
      keyAlias: string;
      region: string;
      eventIds: string[];
      /** Those of eventIds that are in files.deniedToAuditor (the auditor cannot find them). */
      inDeniedFile: string[];
      decoyEventIds: string[];
    };
    /** Every failed call of the world (AccessDenied / AccessDeniedException in KMS, IAM, CloudTrail), by contractor-7. */
    failures: { eventIds: string[]; errorCodes: Record<string, string>; principalArn: string };
    /** Decrypt calls whose encryption context `key` is exactValue (3), or starts with prefix (5). */
    encryptionContext: { key: string; exactValue: string; exactEventIds: string[]; prefix: string; prefixEventIds: string[] };
    /**
     * PutKeyPolicy calls by IAM user boundary-probe around the range [from, to) (one hour, us-west-2): at from, from+59 s,
     * to−1 min, to−1 s… inside; from−1 min, from−1 s, to, to+59 s outside; plus the late file's event (inside) and
     * the at-start file's event (outside). These are all of boundary-probe's events.
     */
    boundary: {
      region: string;
      from: string;
      to: string;
      principalArn: string;
      eventName: string;
      insideEventIds: string[];
      outsideEventIds: string[];
    };
    /** Where each planted event is. */
    events: Record<string, { objectKey: string; region: string; eventTime: string }>;
  };
  /** Odd files (us-west-2): */
  files: {
    /** Under the management trail's key (alias/cloudtrail-logs): the admin reads it, the auditor gets AccessDenied naming kms:Decrypt. */
    deniedToAuditor: { key: string; eventIds: string[] };
    /** Under the disabled key: KMS.DisabledException for the admin (the auditor is refused kms:Decrypt first). */
    disabledKey: { key: string; eventIds: string[] };
    /** A gzip cut in half (SSE-KMS fine, the gzip is not). */
    corrupt: { key: string; eventIds: string[] };
    /** Named 50 minutes after the boundary range's end, holding one event inside the range. */
    lateDelivery: { key: string; eventIds: string[] };
    /** Named exactly at the range's start, holding one event half a minute before it. */
    atRangeStart: { key: string; eventIds: string[] };
  };
}

/** Validation at scale: trail `archive` (standalone account), hourly digests and logs for `days` days in 2 regions. */
export interface ValidationWorld {
  trail: TrailRef;
  key: KeyRef;
  regions: string[];
  /** Window for validate-logs that covers every digest: --start-time start --end-time end. */
  start: string;
  end: string;
  /** Per region. */
  digestCount: number;
  logCount: number;
  /** digestKeys[region] (oldest first) and logKeys[region] (delivery order). */
  digestKeys: Record<string, string[]>;
  logKeys: Record<string, string[]>;
}

/** A symmetric key of the world with what it takes to try a decrypt with it (world.keyProbes). */
export interface KeyProbe {
  keyArn: string;
  keyId: string;
  alias?: string;
  accountId: string;
  region: string;
  /** The trail whose logs the key encrypts, if any. */
  trailArn?: string;
  /** A ciphertext under the key (plaintext `key-access probe`), with `encryptionContext`, for KMS Decrypt. */
  ciphertextBase64: string;
  /** `{ "aws:cloudtrail:arn": trailArn }` for trail keys, else `{}`. */
  encryptionContext: Record<string, string>;
  /** An SSE-KMS object under the key (a log of its trail), for GetObject. */
  object?: { bucket: string; key: string };
}

/**
 * What one principal gets when it decrypts with one key (world.keyAccess), as the sandbox enforces it: `via: 'kms'`
 * = KMS Decrypt of the probe ciphertext in the key's region; `via: 's3'` = GetObject of the probe object (S3 checks
 * its own permission first, then calls Decrypt for the caller with kms:ViaService = s3.<region>.amazonaws.com).
 */
export interface KeyAccessCase {
  principal: PrincipalName;
  principalArn: string;
  principalAccount: string;
  keyArn: string;
  via: 'kms' | 's3';
  decrypt: 'allowed' | 'denied';
  /** Who refused: the key policy, the principal's IAM policy, S3 (bucket policy / IAM for s3:GetObject), or the key's state. */
  refusedBy?: 'key policy' | 'IAM policy' | 'S3' | 'key state';
  /** The refusal came from an explicit Deny statement. */
  explicitDeny?: boolean;
  /** The error the call gets: code (`AccessDeniedException`, `AccessDenied`, `DisabledException`, `KMS.DisabledException`…), HTTP status, message. */
  error?: { code: string; status: number; message: string };
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
