/** `activity`: what CloudTrail recorded about one KMS key (LookupEvents, management events of the last 90 days). */
import { DEFAULT_MAX_EVENTS, lookupKeyActivity, resolveKeyArn, type KeyActivityEvent } from '../../aws/keyActivity';
import { parseUtcDay } from '../../core/time';
import { defineCommand } from '../command';
import { UsageError } from '../options';

const USAGE = `Usage: cloudtrail-kms activity <key-arn | key-id | alias/name> [--region R] [--since YYYY-MM-DD] [--max N] [--json]

Lists what CloudTrail recorded about one KMS key: the management events that name it (LookupEvents, last 90 days,
the key's region), newest first, one line each: time, event, principal, encryption context. Needs
cloudtrail:LookupEvents (and kms:DescribeKey for a key id or alias).
  --since YYYY-MM-DD    only events from that day (UTC) on
  --max N               stop after N events (default ${DEFAULT_MAX_EVENTS}; LookupEvents serves 50 per call, 2 calls a second)
  --json                the LookupEvents document {"Events": [...]}`;

/** Log content is attacker-controlled: no control characters (terminal escapes) reach the terminal. */
function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}

function summaryLine(event: KeyActivityEvent): string {
  let record: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(event.CloudTrailEvent ?? '{}');
    if (parsed && typeof parsed === 'object') record = parsed as Record<string, unknown>;
  } catch {
    // an unreadable CloudTrailEvent still gets its line from the event's own fields
  }
  const identity = (record.userIdentity ?? {}) as Record<string, unknown>;
  const principal =
    [identity.arn, identity.invokedBy, event.Username].find((value): value is string => typeof value === 'string' && value !== '') ?? '-';
  const request = (record.requestParameters ?? {}) as Record<string, unknown>;
  const context =
    request && typeof request.encryptionContext === 'object' && request.encryptionContext
      ? Object.entries(request.encryptionContext as Record<string, unknown>)
          .map(([name, value]) => `${name}=${String(value)}`)
          .join(', ')
      : '';
  const error = typeof record.errorCode === 'string' ? `  [${record.errorCode}]` : '';
  return printable(`${event.EventTime ?? '?'}  ${event.EventName ?? '?'}  ${principal}${context ? `  (${context})` : ''}${error}`);
}

export const command = defineCommand({
  usage: USAGE,
  aws: true,
  options: { values: ['since', 'max'] },
  parse({ positional, values, global }) {
    if (positional.length !== 1) throw new UsageError('activity needs one key ARN, key id or alias.');
    if (global.regions.length > 1 || global.regions[0] === 'all') throw new UsageError('activity looks in one region: give --region once.');
    let since: Date | undefined;
    if (values.since !== undefined) {
      since = parseUtcDay(values.since);
      if (!since) throw new UsageError(`--since must be a date YYYY-MM-DD, not "${values.since}".`);
    }
    let maxEvents = DEFAULT_MAX_EVENTS;
    if (values.max !== undefined) {
      if (!/^\d+$/.test(values.max) || Number(values.max) < 1)
        throw new UsageError(`--max must be a positive whole number, not "${values.max}".`);
      maxEvents = Number(values.max);
    }
    return { keyRef: positional[0], region: global.regions[0] as string | undefined, since, maxEvents };
  },
  async run({ args, io, global, clients }) {
    const { maxEvents } = args;
    const key = await resolveKeyArn(clients, args.keyRef, args.region);
    const { events, truncated } = await lookupKeyActivity(clients, key, { maxEvents, ...(args.since ? { startTime: args.since } : {}) });
    if (global.json) {
      io.stdout.write(`${JSON.stringify({ Events: events }, null, 2)}\n`);
      if (truncated) io.stderr.write(`Stopped at ${maxEvents} events; older events exist (raise --max).\n`);
      return;
    }
    io.stdout.write(
      `Key ${key.keyArn} (${key.region}): ${events.length} event${events.length === 1 ? '' : 's'}${truncated ? ` (stopped at --max ${maxEvents}; older events exist)` : ''}\n`,
    );
    for (const event of events) io.stdout.write(`${summaryLine(event)}\n`);
  },
});
