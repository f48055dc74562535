// Public types of the sandbox (see README.md). Other test layers code against these names.
import type { SeededWorld } from './worldTypes';

export type * from './worldTypes';

export interface SandboxOptions {
  /** Loopback port; 0 (default) picks a free one. */
  port?: number;
  /** World to seed; `false` = empty (no buckets, trails or keys). Default: the default world. */
  world?: WorldOptions | false;
  /** Faults active from the start (added to those in `CLOUDTRAIL_SANDBOX_FAULTS`). */
  faults?: FaultRule[];
  /** Modelled network latency: every answer waits this many ms (default 0; control API `POST latency?ms=N`). */
  latencyMs?: number;
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
  /** Every answer waits `ms` from now on (modelled network latency, on a timer; 0 = none). */
  setLatency(ms: number): void;
  /** The modelled latency now (ms). */
  readonly latencyMs: number;
}

export interface RequestCounter {
  /** Requests received for one operation, or all requests when omitted (failed and faulted ones included). */
  count(operation?: string): number;
  reset(): void;
}

export interface Sandbox {
  /** http://127.0.0.1:<port> */
  endpoint: string;
  /**
   * The same fault controls over HTTP, for another process (e2e extension host, curl): `POST <controlUrl>pause`,
   * `POST resume`, `POST faults` (JSON rule or array), `DELETE faults`, `GET status`, `GET requests?operation=Op`
   * (see http/control.ts). The URL holds a random token; it is not an AWS endpoint.
   */
  controlUrl: string;
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
