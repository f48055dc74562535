/**
 * Athena answers in the one results model (../results/model.ts): each row a ResultItem of kind 'athena' with the
 * record (CloudTrail names, from athenaRowToHit) and its log object (`"$path"`; Athena does not say the record's index
 * in the file, so the item opens the log and the record is found there by its eventID).
 */
import { principalLabel } from '../explain/principal';
import type { ResultItem, ResultSet } from '../results/model';
import type { AthenaHit } from './rows';

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** `Decrypt by role payments-batch — AccessDeniedException` (the label Find Events gives a hit). */
export function athenaHitLabel(record: Record<string, unknown>): string {
  const identity = record.userIdentity as Record<string, unknown> | undefined;
  const who = principalLabel(identity) ?? text(identity?.arn) ?? text(identity?.type) ?? 'unknown principal';
  const error = text(record.errorCode);
  return `${text(record.eventName) ?? '(no eventName)'} by ${who}${error ? ` — ${error}` : ''}`;
}

export function athenaHitToResultItem(hit: AthenaHit, bucketRegion?: string): ResultItem {
  const { record } = hit;
  const error = text(record.errorCode);
  const where = [text(record.awsRegion) ?? hit.region, text(record.sourceIPAddress)].filter(Boolean).join(' · ');
  const time = text(record.eventTime);
  const detail = [where, text(record.errorMessage)].filter(Boolean).join(' — ');
  return {
    severity: error ? 'warning' : 'info',
    label: athenaHitLabel(record),
    ...(detail ? { detail } : {}),
    ...(time ? { time } : {}),
    group: [text(record.eventName) ?? '(no eventName)'],
    ...(hit.source
      ? { source: { bucket: hit.source.bucket, key: hit.source.key, ...(bucketRegion ? { region: bucketRegion } : {}) } }
      : {}),
    record,
  };
}

export function athenaResultSet(title: string, hits: readonly AthenaHit[], summary: string, bucketRegion?: string): ResultSet {
  return { kind: 'athena', title, summary, items: hits.map((hit) => athenaHitToResultItem(hit, bucketRegion)), done: true };
}
