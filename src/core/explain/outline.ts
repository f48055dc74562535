/** The record outline: each record as `eventTime eventName principal`, with its span. */
import { decodeEmbedded } from './embedded';
import { parseTree, propValue, toValue, type JsonNode } from './jsonTree';
import { buildRecordIndex, type RecordIndex } from './recordIndex';
import { principalLabel } from './story';
import type { OutlineEntry, TextRange } from './types';

type Json = Record<string, unknown>;

function parseRecord(text: string, start: number, end: number): { value: Json; tree?: JsonNode } | undefined {
  // Native JSON.parse is far faster than the tolerant parser; fall back only for broken records.
  try {
    const value = JSON.parse(text.slice(start, end)) as unknown;
    if (value && typeof value === 'object' && !Array.isArray(value)) return { value: value as Json };
  } catch {
    /* broken record: use the tolerant parser */
  }
  const tree = parseTree(text, start, end);
  if (!tree || tree.kind !== 'object') return undefined;
  return { value: toValue(tree, 4) as Json, tree };
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Where `"eventName": "<value>"` is inside the record span, for the selection range. */
function eventNameRange(text: string, start: number, end: number, eventName: string | undefined): TextRange | undefined {
  if (!eventName) return undefined;
  let from = start;
  for (;;) {
    const at = text.indexOf('"eventName"', from);
    if (at < 0 || at >= end) return undefined;
    let j = at + '"eventName"'.length;
    while (j < end && /[\s:]/.test(text[j])) j++;
    if (text[j] === '"' && text.startsWith(`${JSON.stringify(eventName)}`, j)) {
      return { start: j, end: j + JSON.stringify(eventName).length };
    }
    from = at + 1;
  }
}

export function outline(text: string, index?: RecordIndex): OutlineEntry[] {
  try {
    const idx = index && index.textLength === text.length ? index : buildRecordIndex(text);
    const entries: OutlineEntry[] = [];
    for (let i = 0; i < idx.count; i++) {
      const start = idx.starts[i];
      const end = idx.ends[i];
      const parsed = parseRecord(text, start, end);
      if (!parsed) continue;
      let record = parsed.value;
      let selection: TextRange | undefined;
      if (idx.kind === 'lookupEvents') {
        const inner = innerRecord(text, start, end, parsed);
        if (inner) record = inner;
        else if (!str(record.EventName) && !str(record.EventId)) continue;
        else
          record = { eventTime: str(record.EventTime), eventName: str(record.EventName), userIdentity: { userName: str(record.Username) } };
      } else {
        if (!isEventValue(record)) continue;
        selection = eventNameRange(text, start, end, str(record.eventName));
      }
      const eventTime = str(record.eventTime);
      const eventName = str(record.eventName);
      const principal = principalLabel(record.userIdentity) ?? str((record.userIdentity as Json | undefined)?.userName);
      const label = [eventTime, eventName, principal].filter(Boolean).join(' ') || `record ${i}`;
      entries.push({
        label,
        eventTime,
        eventName,
        principal,
        range: { start, end },
        selectionRange: selection ?? { start, end: Math.min(start + 1, end) },
      });
    }
    return entries;
  } catch {
    return [];
  }
}

const EVENT_KEYS = ['eventVersion', 'eventSource', 'eventName', 'userIdentity', 'eventID', 'eventType', 'eventTime'];

function isEventValue(record: Json): boolean {
  return EVENT_KEYS.filter((key) => key in record).length >= 2;
}

function innerRecord(text: string, start: number, end: number, parsed: { value: Json; tree?: JsonNode }): Json | undefined {
  let source = typeof parsed.value.CloudTrailEvent === 'string' ? parsed.value.CloudTrailEvent : undefined;
  if (source === undefined) {
    const literal = propValue(parsed.tree ?? parseTree(text, start, end), 'CloudTrailEvent');
    if (!literal || (literal.kind !== 'string' && literal.kind !== 'invalid')) return undefined;
    source = decodeEmbedded(text, literal.start, literal.end).text;
  }
  try {
    const value = JSON.parse(source) as unknown;
    return value && typeof value === 'object' ? (value as Json) : undefined;
  } catch {
    return undefined;
  }
}
