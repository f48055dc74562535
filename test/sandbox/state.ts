import type { KeyObject } from 'node:crypto';
import type { SandboxClock } from './clock';
import type { EventStore } from './cloudtrail/events';
import type { Trail } from './cloudtrail/trails';
import type { KeyStore } from './kms/keys';
import type { BucketStore } from './s3/store';
import type { SandboxPrincipal } from './principals';
import type { Faults } from './http/faults';

/** Everything the emulated services share. */
export interface SandboxState {
  /** The standalone account of the default world (each principal, bucket, key and trail has its own account). */
  accountId: string;
  homeRegion: string;
  regions: string[];
  clock: SandboxClock;
  keys: KeyStore;
  events: EventStore;
  buckets: BucketStore;
  trails: Trail[];
  /** Set once the organization world is seeded: Organizations answers, and member accounts see its trails. */
  organization?: { id: string; managementAccountId: string; accountIds: string[] };
  /** Fault rules, for the KMS calls S3 makes internally (the server applies them to requests). */
  faults?: Faults;
  /** Digest signing key pair; ListPublicKeys serves the public half. */
  digestKey?: { privateKey: KeyObject; publicDer: Buffer; fingerprint: string; validFrom: Date };
}

/** One authenticated request, as the services see it. */
export interface RequestContext {
  principal: SandboxPrincipal;
  region: string;
  requestId: string;
  sourceIp: string;
  userAgent: string;
}
