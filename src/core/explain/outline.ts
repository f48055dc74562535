/** The record outline: each record as `eventTime eventName principal`, with its span. */
import { decodeEmbedded } from './embedded';
import { parseTree, propValue, toValue, type JsonNode } from './jsonTree';
import { buildRecordIndex, type RecordIndex } from './recordIndex';
import { capText } from '../text';
import { EXPLANATION_LIMITS } from './limits';
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

/** A label part of bounded length (a log value of any size must not make a huge outline entry). */
function labelPart(value: string | undefined): string | undefined {
  return value === undefined ? undefined : capText(value, EXPLANATION_LIMITS.labelPart);
}

/**
 * Where `"eventName": "<value>"` is inside the record span, for the selection range. The search never leaves the
 * record: a record whose key is written with an escape (`"event\u004eame"`) has no literal `"eventName"`, and a
 * search of the whole text from each such record made the outline quadratic in the number of records.
 */
function eventNameRange(text: string, start: number, end: number, eventName: string | undefined): TextRange | undefined {
  if (!eventName) return undefined;
  const record = text.slice(start, end);
  const quoted = JSON.stringify(eventName);
  for (let from = 0; ;) {
    const at = record.indexOf('"eventName"', from);
    if (at < 0) return undefined;
    let j = at + '"eventName"'.length;
    while (j < record.length && isSpaceOrColon(record.charCodeAt(j))) j++;
    if (record.startsWith(quoted, j)) return { start: start + j, end: start + j + quoted.length };
    from = at + 1;
  }
}

function isSpaceOrColon(code: number): boolean {
  return code === 58 || code === 32 || code === 10 || code === 13 || code === 9;
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
      const eventTime = labelPart(str(record.eventTime));
      const eventName = labelPart(str(record.eventName));
      const principal = labelPart(principalLabel(record.userIdentity) ?? str((record.userIdentity as Json | undefined)?.userName));
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
