import { createHash } from 'node:crypto';
import { AwsError } from '../errors';
import { organizationOf } from '../accounts';
import { authorizeIdentity } from '../iam/authorize';
import { principalContext } from '../iam/context';
import type { RequestContext, SandboxState } from '../state';
import type { Trail } from './trails';
import { trailShape, trailsVisibleIn } from './trails';

type Json = Record<string, unknown>;

/** CloudTrail (awsJson1_1, `com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.*`). */
export function handleCloudTrail(state: SandboxState, operation: string, input: Json, ctx: RequestContext): Json {
  const action = `cloudtrail:${operation}`;
  const request = {
    action,
    resource: '*',
    principal: { kind: 'aws' as const, arn: ctx.principal.arn, accountId: ctx.principal.accountId },
    context: principalContext(ctx.principal),
  };
  if (!authorizeIdentity(ctx.principal, request).allowed) {
    throw new AwsError(
      400,
      'AccessDeniedException',
      `User: ${ctx.principal.arn} is not authorized to perform: cloudtrail:${operation} because no identity-based policy allows the cloudtrail:${operation} action`,
    );
  }
  switch (operation) {
    case 'DescribeTrails': {
      const includeShadow = input.includeShadowTrails !== false;
      let trails = visible(state, ctx, includeShadow);
      const names = input.trailNameList as string[] | undefined;
      if (names && names.length > 0) trails = trails.filter((t) => names.includes(t.name) || names.includes(t.arn));
      return { trailList: trails.map((t) => trailShape(t)) };
    }
    case 'GetTrail':
      return { Trail: trailShape(findTrail(state, ctx, input.Name)) };
    case 'GetTrailStatus':
      return trailStatus(findTrail(state, ctx, input.Name));
    case 'ListTrails': {
      const trails = visible(state, ctx, true).map((t) => ({
        TrailARN: t.arn,
        Name: t.name,
        HomeRegion: t.homeRegion,
      }));
      return { Trails: trails };
    }
    case 'LookupEvents':
      return lookupEvents(state, input, ctx);
    case 'ListPublicKeys':
      return listPublicKeys(state, input);
  }
  throw new AwsError(400, 'UnknownOperationException', `Operation ${operation} is not supported by the sandbox`);
}

function visible(state: SandboxState, ctx: RequestContext, includeShadow: boolean): Trail[] {
  const account = ctx.principal.accountId;
  return trailsVisibleIn(state.trails, account, state.organization ? organizationOf(account) : undefined, ctx.region, includeShadow);
}

/** GetTrail / GetTrailStatus: by name or ARN; another account's (organization) trail only by its full ARN, as in AWS. */
function findTrail(state: SandboxState, ctx: RequestContext, name: unknown): Trail {
  const own = ctx.principal.accountId;
  const trail = visible(state, ctx, true).find((t) => t.arn === name || (t.name === name && t.accountId === own));
  if (!trail) {
    throw new AwsError(400, 'TrailNotFoundException', `Unknown trail: ${String(name)} for the user: ${own}`);
  }
  return trail;
}

function seconds(d: Date | undefined): number | undefined {
  return d ? d.getTime() / 1000 : undefined;
}

function trailStatus(t: Trail): Json {
  return {
    IsLogging: t.isLogging,
    ...(t.latestDeliveryError ? { LatestDeliveryError: t.latestDeliveryError } : {}),
    LatestDeliveryTime: seconds(t.latestDeliveryTime),
    LatestDigestDeliveryTime: seconds(t.latestDigestDeliveryTime),
    StartLoggingTime: seconds(t.startLoggingTime),
    LatestDeliveryAttemptTime: t.latestDeliveryTime?.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    LatestDeliveryAttemptSucceeded: t.latestDeliveryTime?.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    TimeLoggingStarted: t.startLoggingTime.toISOString().replace(/\.\d{3}Z$/, 'Z'),
  };
}

const ATTRIBUTE_KEYS = new Set([
  'EventId',
  'EventName',
  'ReadOnly',
  'Username',
  'ResourceType',
  'ResourceName',
  'EventSource',
  'AccessKeyId',
]);

function lookupEvents(state: SandboxState, input: Json, ctx: RequestContext): Json {
  const attributes = (input.LookupAttributes as Array<{ AttributeKey: string; AttributeValue: string }> | undefined) ?? [];
  if (attributes.length > 1)
    throw new AwsError(400, 'InvalidLookupAttributesException', 'You cannot specify more than one lookup attribute.');
  const attribute = attributes[0];
  if (attribute && (!ATTRIBUTE_KEYS.has(attribute.AttributeKey) || !attribute.AttributeValue)) {
    throw new AwsError(400, 'InvalidLookupAttributesException', `Invalid lookup attribute: ${attribute.AttributeKey}`);
  }
  if (input.EventCategory !== undefined && input.EventCategory !== 'insight') {
    throw new AwsError(400, 'InvalidEventCategoryException', `EventCategory must be insight, not ${String(input.EventCategory)}`);
  }
  const maxResults = input.MaxResults === undefined ? 50 : Number(input.MaxResults);
  if (!Number.isInteger(maxResults) || maxResults < 1 || maxResults > 50) {
    throw new AwsError(400, 'InvalidMaxResultsException', 'MaxResults must be between 1 and 50.');
  }
  const now = state.clock.now().getTime();
  const end = input.EndTime === undefined ? now : Number(input.EndTime) * 1000;
  const start = input.StartTime === undefined ? now - 90 * 86_400_000 : Number(input.StartTime) * 1000;
  if (start > end) throw new AwsError(400, 'InvalidTimeRangeException', 'Start time must be before end time.');
  const fingerprint = createHash('sha256')
    .update(JSON.stringify([attribute, start, end, ctx.region]))
    .digest('hex')
    .slice(0, 16);
  let offset = 0;
  if (input.NextToken !== undefined) {
    const [fp, at] = Buffer.from(String(input.NextToken), 'base64').toString().split(':');
    if (fp !== fingerprint || !/^\d+$/.test(at ?? '')) {
      throw new AwsError(
        400,
        'InvalidNextTokenException',
        'The NextToken is not valid for this request; send the same parameters that produced it.',
      );
    }
    offset = Number(at);
  }
  // The sandbox world has no Insights events.
  const wantsInsights = input.EventCategory === 'insight';
  const matching = wantsInsights
    ? []
    : state.events
        .inRegion(ctx.principal.accountId, ctx.region)
        .filter(
          (e) => e.time >= start && e.time <= end && (!attribute || matches(e.record, attribute.AttributeKey, attribute.AttributeValue)),
        );
  const page = matching.slice(offset, offset + maxResults);
  const next = offset + maxResults < matching.length ? Buffer.from(`${fingerprint}:${offset + maxResults}`).toString('base64') : undefined;
  return {
    Events: page.map((e) => lookupShape(e.record, e.json)),
    ...(next ? { NextToken: next } : {}),
  };
}

type Rec = Record<string, unknown>;

function username(r: Rec): string | undefined {
  const id = (r.userIdentity ?? {}) as Rec;
  if (typeof id.userName === 'string') return id.userName;
  const arn = typeof id.arn === 'string' ? id.arn : '';
  if (id.type === 'AssumedRole') return arn.split('/').pop();
  if (id.type === 'Root') return 'root';
  return typeof id.invokedBy === 'string' ? id.invokedBy : undefined;
}

function resourcesOf(r: Rec): Array<{ ResourceType: string; ResourceName: string }> {
  const resources = (r.resources as Rec[] | undefined) ?? [];
  return resources.map((x) => ({ ResourceType: String(x.type ?? ''), ResourceName: String(x.ARN ?? '') }));
}

function matches(r: Rec, key: string, value: string): boolean {
  switch (key) {
    case 'EventId':
      return r.eventID === value;
    case 'EventName':
      return r.eventName === value;
    case 'EventSource':
      return r.eventSource === value;
    case 'ReadOnly':
      return String(r.readOnly) === value;
    case 'Username':
      return username(r) === value;
    case 'AccessKeyId':
      return ((r.userIdentity ?? {}) as Rec).accessKeyId === value;
    case 'ResourceType':
      return resourcesOf(r).some((x) => x.ResourceType === value);
    case 'ResourceName':
      return resourcesOf(r).some((x) => x.ResourceName === value || x.ResourceName.endsWith(`/${value}`));
  }
  return false;
}

function lookupShape(r: Rec, json: string): Json {
  const id = (r.userIdentity ?? {}) as Rec;
  return {
    EventId: r.eventID,
    EventName: r.eventName,
    ReadOnly: String(r.readOnly ?? 'false'),
    ...(typeof id.accessKeyId === 'string' && id.accessKeyId ? { AccessKeyId: id.accessKeyId } : {}),
    EventTime: Date.parse(String(r.eventTime)) / 1000,
    EventSource: r.eventSource,
    ...(username(r) ? { Username: username(r) } : {}),
    Resources: resourcesOf(r),
    CloudTrailEvent: json,
  };
}

function listPublicKeys(state: SandboxState, input: Json): Json {
  const key = state.digestKey;
  if (!key) return { PublicKeyList: [] };
  const validTo = new Date(key.validFrom.getTime() + 400 * 86_400_000);
  const now = state.clock.now().getTime();
  const start = input.StartTime === undefined ? now : Number(input.StartTime) * 1000;
  const end = input.EndTime === undefined ? now : Number(input.EndTime) * 1000;
  if (start > end) throw new AwsError(400, 'InvalidTimeRangeException', 'Start time must be before end time.');
  const overlaps = start <= validTo.getTime() && end >= key.validFrom.getTime();
  return {
    PublicKeyList: overlaps
      ? [
          {
            Value: key.publicDer.toString('base64'),
            ValidityStartTime: key.validFrom.getTime() / 1000,
            ValidityEndTime: validTo.getTime() / 1000,
            Fingerprint: key.fingerprint,
          },
        ]
      : [],
  };
}
