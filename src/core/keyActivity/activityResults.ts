/**
 * What CloudTrail recorded about a KMS key (LookupEvents events) as results: grouped by who → which operation → outcome,
 * denied calls first, each event carrying its record so it opens with hovers. Pure: takes LookupEvents events as plain
 * data (the `CloudTrailEvent` JSON string is attacker-controlled text and is parsed with a size cap).
 */
import { principalLabel } from '../explain/principal';
import type { ResultItem, ResultSeverity } from '../results/model';

/** The LookupEvents fields used here (src/aws/keyActivity.ts KeyActivityEvent has them). */
export interface LookupEventLike {
  EventId?: string;
  EventName?: string;
  EventTime?: string;
  Username?: string;
  CloudTrailEvent?: string;
}

/** CloudTrail events are at most 256 KB (domain facts §1); anything far larger is not parsed. */
const MAX_EVENT_CHARS = 1024 * 1024;
/** Characters of a log value shown in a label or detail. */
const MAX_SHOWN = 200;

const DENIED_CODES = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'Client.UnauthorizedOperation']);

function record(event: LookupEventLike): Record<string, unknown> | undefined {
  const text = event.CloudTrailEvent;
  if (typeof text !== 'string' || text.length > MAX_EVENT_CHARS) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** A log value made safe for one line: no control characters, at most MAX_SHOWN characters. */
export function oneLine(value: string): string {
  let out = '';
  for (const char of value.length > MAX_SHOWN * 4 ? value.slice(0, MAX_SHOWN * 4) : value) {
    const code = char.charCodeAt(0);
    out += code < 0x20 || (code >= 0x7f && code <= 0x9f) ? ' ' : char;
  }
  return out.length > MAX_SHOWN ? `${out.slice(0, MAX_SHOWN - 1)}…` : out;
}

export function activityOutcome(record: Record<string, unknown> | undefined): { outcome: string; severity: ResultSeverity } {
  const code = text(record?.errorCode);
  if (!code) return { outcome: 'Succeeded', severity: 'info' };
  if (DENIED_CODES.has(code)) return { outcome: `Denied (${oneLine(code)})`, severity: 'error' };
  return { outcome: `Failed (${oneLine(code)})`, severity: 'warning' };
}

/** What one event says beyond who, what and when: the error message, or the encryption context / the object it names. */
function detailOf(record: Record<string, unknown> | undefined): string | undefined {
  if (!record) return undefined;
  const message = text(record.errorMessage);
  if (message) return oneLine(message);
  const request = record.requestParameters;
  const context = request && typeof request === 'object' ? (request as Record<string, unknown>).encryptionContext : undefined;
  if (context && typeof context === 'object') {
    const parts = Object.entries(context as Record<string, unknown>).map(([name, value]) => `${name}=${String(value)}`);
    if (parts.length > 0) return oneLine(parts.join(', '));
  }
  const source = text(record.sourceIPAddress);
  return source ? `from ${oneLine(source)}` : undefined;
}

/** One LookupEvents event as a result item: group [who, operation, outcome], time, the record to open. */
export function activityResult(event: LookupEventLike): ResultItem {
  const parsed = record(event);
  const who = oneLine(principalLabel(parsed?.userIdentity) ?? text(event.Username) ?? 'unknown principal');
  const operation = oneLine(text(event.EventName) ?? text(parsed?.eventName) ?? 'unknown operation');
  const { outcome, severity } = activityOutcome(parsed);
  const time = text(event.EventTime) ?? text(parsed?.eventTime);
  const detail = detailOf(parsed);
  return {
    severity,
    label: time ? `${time.slice(0, 10)} ${time.slice(11, 19)} UTC` : oneLine(text(event.EventId) ?? 'event'),
    ...(detail ? { detail } : {}),
    ...(time ? { time } : {}),
    group: [who, operation, outcome],
    ...(parsed ? { record: parsed } : {}),
  };
}

/** `200 events · 12 denied · 4 principals · 2026-11-24 – 2026-11-26`. */
export function activitySummary(items: readonly ResultItem[], more: boolean): string {
  let denied = 0;
  let first: string | undefined;
  let last: string | undefined;
  const principals = new Set<string>();
  for (const item of items) {
    if (item.severity === 'error') denied++;
    if (item.group[0] !== undefined) principals.add(item.group[0]);
    if (item.time) {
      if (first === undefined || item.time < first) first = item.time;
      if (last === undefined || item.time > last) last = item.time;
    }
  }
  const count = `${items.length}${more ? '+' : ''} event${items.length === 1 ? '' : 's'}`;
  const parts = [count, `${denied} denied`, `${principals.size} principal${principals.size === 1 ? '' : 's'}`];
  if (first && last)
    parts.push(first.slice(0, 10) === last.slice(0, 10) ? first.slice(0, 10) : `${first.slice(0, 10)} – ${last.slice(0, 10)}`);
  return parts.join(' · ');
}
