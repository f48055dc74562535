// Types of the seeded worlds (see README.md): what tests, benchmarks and the demo read from `sandbox.world`.
import type { PrincipalName } from './types';

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
