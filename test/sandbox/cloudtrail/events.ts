import { randomUUID } from 'node:crypto';
import { isoSeconds } from '../clock';
import type { SandboxPrincipal } from '../principals';

/** A CloudTrail record as it appears in a log file (loosely typed: records vary by service). */
export type CloudTrailRecord = Record<string, unknown> & {
  eventTime: string;
  eventName: string;
  eventSource: string;
  awsRegion: string;
  eventID: string;
};

interface StoredEvent {
  record: CloudTrailRecord;
  time: number;
  json: string;
  /** Arrival order: among events of the same second, the later one is newer. */
  seq: number;
}

/**
 * Management events per account and region, for LookupEvents: the seeded worlds' records plus every live KMS call.
 * A record belongs to its `recipientAccountId`.
 */
export class EventStore {
  private readonly byRegion = new Map<string, StoredEvent[]>();
  private sorted = true;
  private seq = 0;

  add(record: CloudTrailRecord): void {
    if (record.managementEvent === false) return;
    const slot = `${String(record.recipientAccountId)}/${record.awsRegion}`;
    const list = this.byRegion.get(slot) ?? [];
    this.byRegion.set(slot, list);
    list.push({ record, time: Date.parse(record.eventTime), json: JSON.stringify(record), seq: this.seq++ });
    this.sorted = false;
  }

  /** Events of an account in a region, newest first. */
  inRegion(accountId: string, region: string): StoredEvent[] {
    if (!this.sorted) {
      for (const list of this.byRegion.values()) list.sort((a, b) => b.time - a.time || b.seq - a.seq);
      this.sorted = true;
    }
    return this.byRegion.get(`${accountId}/${region}`) ?? [];
  }

  all(): CloudTrailRecord[] {
    return [...this.byRegion.values()].flat().map((e) => e.record);
  }
}

export interface KmsEventInput {
  time: Date;
  region: string;
  eventName: string;
  caller: CallerIdentity;
  requestParameters: Record<string, unknown> | null;
  responseElements?: Record<string, unknown> | null;
  keyArn?: string;
  keyMaterialId?: string;
  readOnly: boolean;
  errorCode?: string;
  errorMessage?: string;
  requestID?: string;
  eventID?: string;
}

export type CallerIdentity =
  | { kind: 'user'; principal: SandboxPrincipal; sourceIPAddress: string; userAgent: string; invokedBy?: string }
  | { kind: 'service'; service: string; accountId: string };

/**
 * The record CloudTrail writes for a KMS call (eventVersion 1.11 shape), as delivered to `recipientAccountId` (the
 * caller's account, and the key's account when it is another one).
 */
export function kmsEventRecord(input: KmsEventInput, recipientAccountId: string): CloudTrailRecord {
  const { caller } = input;
  const keyAccount = input.keyArn?.split(':')[4] ?? recipientAccountId;
  const userIdentity: Record<string, unknown> =
    caller.kind === 'user'
      ? {
          type: 'IAMUser',
          principalId: caller.principal.userId,
          arn: caller.principal.arn,
          accountId: caller.principal.accountId,
          accessKeyId: caller.principal.accessKeyId,
          userName: caller.principal.userName,
          ...(caller.invokedBy ? { invokedBy: caller.invokedBy } : {}),
        }
      : { type: 'AWSService', invokedBy: caller.service };
  const record: CloudTrailRecord = {
    eventVersion: '1.11',
    userIdentity,
    eventTime: isoSeconds(input.time),
    eventSource: 'kms.amazonaws.com',
    eventName: input.eventName,
    awsRegion: input.region,
    sourceIPAddress: caller.kind === 'user' ? caller.sourceIPAddress : caller.service,
    userAgent: caller.kind === 'user' ? caller.userAgent : caller.service,
    ...(input.errorCode ? { errorCode: input.errorCode, errorMessage: input.errorMessage ?? '' } : {}),
    requestParameters: input.requestParameters,
    responseElements: input.responseElements ?? null,
    ...(input.keyMaterialId && !input.errorCode ? { additionalEventData: { keyMaterialId: input.keyMaterialId } } : {}),
    requestID: input.requestID ?? randomUUID(),
    eventID: input.eventID ?? randomUUID(),
    readOnly: input.readOnly,
    ...(input.keyArn ? { resources: [{ accountId: keyAccount, type: 'AWS::KMS::Key', ARN: input.keyArn }] } : {}),
    eventType: caller.kind === 'service' ? 'AwsServiceEvent' : 'AwsApiCall',
    managementEvent: true,
    recipientAccountId,
    eventCategory: 'Management',
  };
  return record;
}
