/**
 * The query behind a "Find events with this key / principal / access key / request" link: the value in its field, over
 * a window around the record's eventTime (an hour each way; a quarter of an hour for one request, whose events are
 * close together). Built as a SearchQuery and written with formatQuery, so the text always parses back.
 */
import type { FindEventsField, FindEventsLink } from '../explain/types';
import { parseKeyRef } from './keys';
import { emptyQuery, type SearchQuery } from './query';
import { formatQuery } from './queryFormat';

const MINUTE = 60_000;

/** Minutes before and after the record's time that a link's search covers. */
export const LINK_WINDOW_MINUTES: Readonly<Record<FindEventsField, number>> = { key: 60, principal: 60, accessKey: 60, request: 15 };

export function findEventsQuery(link: Pick<FindEventsLink, 'field' | 'value' | 'eventTime'>): SearchQuery {
  const query = emptyQuery();
  const at = Date.parse(link.eventTime);
  const window = LINK_WINDOW_MINUTES[link.field] * MINUTE;
  // Whole minutes outward, as the range is resolved anyway.
  query.from = { kind: 'instant', ms: Math.floor((at - window) / MINUTE) * MINUTE };
  query.to = { kind: 'instant', ms: Math.ceil((at + window) / MINUTE) * MINUTE };
  const pattern = { value: link.value, prefix: false };
  switch (link.field) {
    case 'key': {
      const key = parseKeyRef(link.value);
      if (key) query.keys.push(key);
      break;
    }
    case 'principal':
    case 'accessKey':
      query.principals.push(pattern);
      break;
    case 'request':
      query.requests.push(pattern);
      break;
  }
  return query;
}

/** The query text of a link, e.g. `from:2026-11-24T09:17Z to:2026-11-24T11:18Z principal:AKIA…`. */
export function findEventsQueryText(link: Pick<FindEventsLink, 'field' | 'value' | 'eventTime'>): string {
  return formatQuery(findEventsQuery(link));
}
