/**
 * Athena answers in the one results model (../results/model.ts): each row is the item Find Events makes of an event
 * (eventResultItem), in a set of kind 'athena', with its log object (`"$path"`; Athena does not say the record's
 * index in the file, so the item opens the log and the record is found there by its eventID).
 */
import type { ResultItem, ResultSet } from '../results/model';
import { eventResultItem } from '../search/results';
import type { AthenaHit } from './rows';

export function athenaHitToResultItem(hit: AthenaHit, bucketRegion?: string): ResultItem {
  const source = hit.source
    ? { bucket: hit.source.bucket, key: hit.source.key, ...(bucketRegion ? { region: bucketRegion } : {}) }
    : undefined;
  return eventResultItem(hit.record, source);
}

export function athenaResultSet(title: string, hits: readonly AthenaHit[], summary: string, bucketRegion?: string): ResultSet {
  return { kind: 'athena', title, summary, items: hits.map((hit) => athenaHitToResultItem(hit, bucketRegion)), done: true };
}
