/**
 * What CloudTrail recorded about one KMS key: LookupEvents with ResourceName = the key ARN (management events, last 90
 * days, one region). Pages are fetched one after another because LookupEvents allows 2 TPS per account and region.
 */
import { LookupEventsCommand, type Event as TrailEvent } from '@aws-sdk/client-cloudtrail';
import { DescribeKeyCommand } from '@aws-sdk/client-kms';
import { parseArn } from '../core/arn';
import { CancelledError, explainAwsError, ExplainedError } from '../core/errors';
import type { AwsClients } from './clients';

/** One LookupEvents event as plain JSON (EventTime as ISO text), the shape `explain` and the hover understand. */
export interface KeyActivityEvent {
  EventId?: string;
  EventName?: string;
  ReadOnly?: string;
  AccessKeyId?: string;
  EventTime?: string;
  EventSource?: string;
  Username?: string;
  Resources?: Array<{ ResourceType?: string; ResourceName?: string }>;
  CloudTrailEvent?: string;
}

export interface KeyActivity {
  events: KeyActivityEvent[];
  /** More events matched than maxEvents allowed. */
  truncated: boolean;
  /** Where the next page starts, when truncated: pass it as `continueFrom` to get the following events. */
  next?: KeyActivityContinuation;
}

/** LookupEvents' NextToken works only with the very window that produced it, so the window travels with it. */
export interface KeyActivityContinuation {
  nextToken: string;
  startTime: Date;
  endTime: Date;
}

export interface KeyActivityOptions {
  startTime?: Date;
  endTime?: Date;
  /** Stop after this many events (default 200). */
  maxEvents?: number;
  /** Go on where an earlier, truncated lookup stopped (its `next`); startTime/endTime are then ignored. */
  continueFrom?: KeyActivityContinuation;
  signal?: AbortSignal;
}

export const DEFAULT_MAX_EVENTS = 200;
const PAGE_SIZE = 50;

function plainEvent(event: TrailEvent): KeyActivityEvent {
  return {
    ...(event.EventId !== undefined ? { EventId: event.EventId } : {}),
    ...(event.EventName !== undefined ? { EventName: event.EventName } : {}),
    ...(event.ReadOnly !== undefined ? { ReadOnly: event.ReadOnly } : {}),
    ...(event.AccessKeyId !== undefined ? { AccessKeyId: event.AccessKeyId } : {}),
    ...(event.EventTime !== undefined ? { EventTime: event.EventTime.toISOString().replace(/\.000Z$/, 'Z') } : {}),
    ...(event.EventSource !== undefined ? { EventSource: event.EventSource } : {}),
    ...(event.Username !== undefined ? { Username: event.Username } : {}),
    ...(event.Resources ? { Resources: event.Resources.map((r) => ({ ResourceType: r.ResourceType, ResourceName: r.ResourceName })) } : {}),
    ...(event.CloudTrailEvent !== undefined ? { CloudTrailEvent: event.CloudTrailEvent } : {}),
  };
}

/** Management events naming the key, newest first, at most maxEvents of them. */
export async function lookupKeyActivity(
  clients: AwsClients,
  key: { keyArn: string; region: string },
  options: KeyActivityOptions = {},
): Promise<KeyActivity> {
  const maxEvents = options.maxEvents ?? DEFAULT_MAX_EVENTS;
  if (!Number.isInteger(maxEvents) || maxEvents < 1) throw new RangeError(`maxEvents must be a positive integer, not ${maxEvents}.`);
  // NextToken only works with the very parameters that produced it; LookupEvents' defaults move with the clock, so the
  // window is fixed once here (end = now, start = 90 days before it, what LookupEvents keeps).
  const from = options.continueFrom;
  const endTime = from?.endTime ?? options.endTime ?? new Date();
  const startTime = from?.startTime ?? options.startTime ?? new Date(endTime.getTime() - 90 * 86_400_000);
  if (startTime.getTime() > endTime.getTime()) return { events: [], truncated: false };
  const cloudTrail = clients.cloudTrail(key.region);
  const events: KeyActivityEvent[] = [];
  let nextToken: string | undefined = from?.nextToken;
  // An endpoint that answers empty pages with a NextToken forever must not keep us here forever.
  let pagesLeft = Math.ceil(maxEvents / PAGE_SIZE) + 20;
  do {
    if (options.signal?.aborted) throw new CancelledError();
    if (pagesLeft-- === 0) return { events, truncated: true, next: { nextToken: nextToken as string, startTime, endTime } };
    let page;
    try {
      page = await cloudTrail.send(
        new LookupEventsCommand({
          LookupAttributes: [{ AttributeKey: 'ResourceName', AttributeValue: key.keyArn }],
          StartTime: startTime,
          EndTime: endTime,
          // Never more than still wanted, so a lookup ends at a page boundary and NextToken continues it exactly.
          MaxResults: Math.min(PAGE_SIZE, maxEvents - events.length),
          NextToken: nextToken,
        }),
        { abortSignal: options.signal },
      );
    } catch (error) {
      if (options.signal?.aborted) throw new CancelledError();
      throw explainAwsError(error as Error, { operation: 'LookupEvents', region: key.region, profile: clients.profileName() });
    }
    // An endpoint that answers more than asked is cut to what was asked.
    for (const event of (page.Events ?? []).slice(0, maxEvents - events.length)) events.push(plainEvent(event));
    nextToken = page.NextToken;
  } while (nextToken && events.length < maxEvents);
  return { events, truncated: !!nextToken, ...(nextToken ? { next: { nextToken, startTime, endTime } } : {}) };
}

/** A key ARN, key id, alias name (alias/…) or alias ARN → the key's ARN and region (DescribeKey for all but a key ARN). */
export async function resolveKeyArn(clients: AwsClients, keyRef: string, region?: string): Promise<{ keyArn: string; region: string }> {
  const arn = parseArn(keyRef);
  if (arn && arn.service !== 'kms') {
    throw new ExplainedError('NotAKey', `"${keyRef}" is not a KMS key ARN.`, undefined, 'Give a key ARN, key id, or alias (alias/name).');
  }
  const where = arn?.region || region || (await clients.defaultRegion());
  const isKeyArn = !!arn && arn.resource.startsWith('key/');
  try {
    const meta = (await clients.kms(where).send(new DescribeKeyCommand({ KeyId: keyRef }))).KeyMetadata;
    if (!meta?.Arn)
      throw new ExplainedError('KeyNotFound', `KMS did not describe key ${keyRef}.`, 'DescribeKey answered without key metadata.');
    return { keyArn: meta.Arn, region: where };
  } catch (error) {
    // A key in another account may be described only by its owner; its ARN is still enough for LookupEvents.
    const code = ((error as { name?: string }).name ?? '').replace(/^.*#/, '');
    if (isKeyArn && (code === 'AccessDeniedException' || code === 'AccessDenied')) return { keyArn: keyRef, region: where };
    throw explainAwsError(error as Error, { operation: 'DescribeKey', keyArn: keyRef, region: where, profile: clients.profileName() });
  }
}
