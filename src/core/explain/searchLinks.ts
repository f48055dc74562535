/**
 * "Find events with this key / this principal / this access key / this request": a link from the fields that hold
 * one, made only when the value passes the same check the click handler repeats (linkTargets.ts findEventsTarget) and
 * the record has an eventTime to search around. Key links come only from key-holding fields (keyRefs.ts).
 */
import { isKeyField } from './keyRefs';
import { findEventsValueValid } from './linkTargets';
import type { Path } from './resolve';
import type { FindEventsField, FindEventsLink } from './types';
import { str, type Json } from './values';

const EVENT_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z$/;

function same(path: Path, expected: readonly string[]): boolean {
  return path.length === expected.length && expected.every((part, i) => path[i] === part);
}

/** Which field of the query a record path's value can be searched as. */
function fieldAt(path: Path, record: Json): FindEventsField | undefined {
  if (isKeyField(path, record)) return 'key';
  if (same(path, ['userIdentity', 'arn']) || same(path, ['userIdentity', 'sessionContext', 'sessionIssuer', 'arn'])) return 'principal';
  if (same(path, ['userIdentity', 'accessKeyId'])) return 'accessKey';
  if (same(path, ['requestID']) || same(path, ['eventID']) || same(path, ['sharedEventID'])) return 'request';
  return undefined;
}

export function findEventsLink(path: Path, value: string, record: Json): FindEventsLink | undefined {
  const field = fieldAt(path, record);
  const eventTime = str(record.eventTime);
  if (!field || !eventTime || !EVENT_TIME.test(eventTime) || Number.isNaN(Date.parse(eventTime))) return undefined;
  const text = value.trim();
  if (!findEventsValueValid(field, text)) return undefined;
  return { kind: 'findEvents', field, value: text, eventTime };
}
