/** `activity`: what CloudTrail recorded about one KMS key (LookupEvents, management events of the last 90 days). */
import { DEFAULT_MAX_EVENTS, lookupKeyActivity, resolveKeyArn, type KeyActivityEvent } from '../../aws/keyActivity';
import type { CliIo } from '../io';
import { cliClients, GLOBAL_HELP, parseArgs, runCommand, UsageError } from '../options';

const USAGE = `Usage: cloudtrail-kms activity <key-arn | key-id | alias/name> [--region R] [--since YYYY-MM-DD] [--max N] [--json]

Lists what CloudTrail recorded about one KMS key: the management events that name it (LookupEvents, last 90 days,
the key's region), newest first, one line each: time, event, principal, encryption context. Needs
cloudtrail:LookupEvents (and kms:DescribeKey for a key id or alias).
  --since YYYY-MM-DD    only events from that day (UTC) on
  --max N               stop after N events (default ${DEFAULT_MAX_EVENTS}; LookupEvents serves 50 per call, 2 calls a second)
  --json                the LookupEvents document {"Events": [...]}

${GLOBAL_HELP}`;

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

function parseSince(text: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
  if (!date || date.toISOString().slice(0, 10) !== text) throw new UsageError(`--since must be a date YYYY-MM-DD, not "${text}".`);
  return date;
}

export async function run(args: string[], io: CliIo): Promise<number> {
  return runCommand(io, USAGE, async () => {
    const { global, positional, values } = parseArgs(args, { values: ['since', 'max'] });
    if (global.help) {
      io.stdout.write(`${USAGE}\n`);
      return 0;
    }
    if (positional.length !== 1) throw new UsageError('activity needs one key ARN, key id or alias.');
    if (global.regions.length > 1 || global.regions[0] === 'all') throw new UsageError('activity looks in one region: give --region once.');
    const since = values.since !== undefined ? parseSince(values.since) : undefined;
    let maxEvents = DEFAULT_MAX_EVENTS;
    if (values.max !== undefined) {
      if (!/^\d+$/.test(values.max) || Number(values.max) < 1)
        throw new UsageError(`--max must be a positive whole number, not "${values.max}".`);
      maxEvents = Number(values.max);
    }
    const clients = cliClients(global);
    try {
      const key = await resolveKeyArn(clients, positional[0], global.regions[0]);
      const { events, truncated } = await lookupKeyActivity(clients, key, { maxEvents, ...(since ? { startTime: since } : {}) });
      if (global.json) {
        io.stdout.write(`${JSON.stringify({ Events: events }, null, 2)}\n`);
      } else {
        io.stdout.write(
          `Key ${key.keyArn} (${key.region}): ${events.length} event${events.length === 1 ? '' : 's'}${truncated ? ` (stopped at --max ${maxEvents}; older events exist)` : ''}\n`,
        );
        for (const event of events) io.stdout.write(`${summaryLine(event)}\n`);
      }
      if (truncated && global.json) io.stderr.write(`Stopped at ${maxEvents} events; older events exist (raise --max).\n`);
      return 0;
    } finally {
      clients.dispose();
    }
  });
}
