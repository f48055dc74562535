/**
 * Find Events answers in the one results model (src/core/results/model.ts): each matching record is a ResultItem of a
 * ResultSet of kind 'search' (source = the log object + the record's index in its `Records`, record = the event), each
 * file that could not be searched an item of severity 'error'. The CLI prints these items; the editor's document and the
 * results view show them.
 */
import { principalLabel } from '../explain/principal';
import type { ResultItem, ResultSet, ResultSource } from '../results/model';
import type { FileFailure } from './summary';

/** One matching record and where it is. */
export interface SearchHit {
  record: Record<string, unknown>;
  source: ResultSource & { recordIndex: number };
}

/**
 * An event a results document shows: a file-engine hit (its log object and record index) or an Athena row (its log
 * object from `"$path"`, no record index; no source when Athena did not give one).
 */
export interface EventHit {
  record: Record<string, unknown>;
  source?: ResultSource;
}

/** The group failed files are listed under (worst first in the results view). */
export const NOT_SEARCHED_GROUP = 'Files not searched';

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The principal as a person names it, else the identity's ARN, else its type. */
export function hitPrincipal(record: Record<string, unknown>): string {
  const identity = record.userIdentity as Record<string, unknown> | undefined;
  return principalLabel(identity) ?? text(identity?.arn) ?? text(identity?.type) ?? 'unknown principal';
}

/** `Decrypt by role payments-batch (session nightly) — AccessDeniedException`. */
export function hitLabel(record: Record<string, unknown>): string {
  const error = text(record.errorCode);
  return `${text(record.eventName) ?? '(no eventName)'} by ${hitPrincipal(record)}${error ? ` — ${error}` : ''}`;
}

/** One event as a results-model item (both engines): label, severity by errorCode, detail, time, group, its source. */
export function eventResultItem(record: Record<string, unknown>, source: ResultSource | undefined): ResultItem {
  const error = text(record.errorCode);
  const where = [text(record.awsRegion), text(record.sourceIPAddress)].filter(Boolean).join(' · ');
  const time = text(record.eventTime);
  return {
    // A failed call is worth a look first; everything else the search found is information.
    severity: error ? 'warning' : 'info',
    label: hitLabel(record),
    ...(where || error ? { detail: [where, text(record.errorMessage)].filter(Boolean).join(' — ') } : {}),
    ...(time ? { time } : {}),
    group: [text(record.eventName) ?? '(no eventName)'],
    ...(source ? { source: { ...source } } : {}),
    record,
  };
}

export function hitToResultItem(hit: SearchHit): ResultItem {
  return eventResultItem(hit.record, hit.source);
}

export function failureToResultItem(failure: FileFailure): ResultItem {
  const name = failure.key.slice(failure.key.lastIndexOf('/') + 1) || failure.key;
  return {
    severity: 'error',
    label: `${name}: ${failure.what}`,
    detail: [failure.why, failure.todo].filter(Boolean).join(' '),
    group: [NOT_SEARCHED_GROUP],
    source: { bucket: failure.bucket, key: failure.key, ...(failure.region ? { region: failure.region } : {}) },
  };
}

/** The result set of one search: hits and failed files, `done` once the search ended. */
export function searchResultSet(
  title: string,
  hits: readonly EventHit[],
  failures: readonly FileFailure[],
  summary: string,
  done: boolean,
): ResultSet {
  return {
    kind: 'search',
    title,
    summary,
    items: [...failures.map(failureToResultItem), ...hits.map((hit) => eventResultItem(hit.record, hit.source))],
    done,
  };
}

/** Hits in event-time order (then file, then record), the order of the editor's results document. */
export function compareHitsByTime(a: EventHit, b: EventHit): number {
  const at = text(a.record.eventTime) ?? '';
  const bt = text(b.record.eventTime) ?? '';
  if (at !== bt) return at < bt ? -1 : 1;
  const ak = a.source?.key ?? '';
  const bk = b.source?.key ?? '';
  if (ak !== bk) return ak < bk ? -1 : 1;
  return (a.source?.recordIndex ?? 0) - (b.source?.recordIndex ?? 0);
}
