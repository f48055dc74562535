/**
 * The Find Events query: one model for the editor, the CLI, the streaming engine and Athena.
 * `parseQuery` (queryParse.ts) reads the text form, `formatQuery` (queryFormat.ts) writes it back,
 * `compileMatcher` (match.ts) matches records, `buildRawPrefilter` (prefilter.ts) prunes files by their bytes,
 * `translateToAthena` (../athena/translate.ts) turns it into SQL.
 */

/** A value as the user typed it; `prefix` when it ended in an unquoted `*`. */
export interface ValuePattern {
  value: string;
  prefix: boolean;
}

/** When: an instant, a calendar day (UTC), a day relative to today, now, or now minus an amount. */
export type TimePoint =
  | { kind: 'instant'; ms: number }
  | { kind: 'day'; day: string } // YYYY-MM-DD
  | { kind: 'today'; offsetDays: 0 | -1 } // today / yesterday
  | { kind: 'now' }
  | { kind: 'ago'; amount: number; unit: TimeUnit };

export type TimeUnit = 'm' | 'h' | 'd' | 'w';

/** A KMS key as the user named it. Aliases are resolved to a key ARN by the engine (see keys.ts). */
export interface KeyRef {
  /** As typed (normalized: key ids lower case). */
  text: string;
  kind: 'keyId' | 'keyArn' | 'aliasName' | 'aliasArn';
  /** The key id (`1234abcd-…` or `mrk-…`) when the text names one. */
  keyId?: string;
  /** `alias/…` when the text names an alias. */
  aliasName?: string;
  /** From an ARN. */
  region?: string;
  account?: string;
}

/** `ctx:KEY=V1,V2`: the encryption context holds KEY with one of the values. */
export interface ContextFilter {
  key: string;
  values: ValuePattern[];
}

export type ErrorFilter = { kind: 'any' } | { kind: 'none' } | { kind: 'code'; pattern: ValuePattern };

/** Where to search: a trail (name or ARN) or a log location (bucket + the prefix before `AWSLogs/`). */
export type SearchScope =
  { kind: 'trail'; trail: string } | { kind: 'location'; bucket: string; keyPrefix?: string; organizationId?: string };

export interface SearchQuery {
  scope?: SearchScope;
  /** Log accounts (the `AWSLogs/<account>/` folders, recipientAccountId). Empty: all. */
  accounts: string[];
  /** Event regions (the `CloudTrail/<region>/` folders, awsRegion). Empty: all. */
  regions: string[];
  /** `[from, to)`, rounded outward to whole minutes when resolved (timeRange.ts). */
  from?: TimePoint;
  to?: TimePoint;
  names: ValuePattern[];
  sources: ValuePattern[];
  principals: ValuePattern[];
  keys: KeyRef[];
  contexts: ContextFilter[];
  errors: ErrorFilter[];
  /** Empty: either. */
  readOnly: boolean[];
  sourceIps: ValuePattern[];
  /** requestID, eventID or sharedEventID. */
  requests: ValuePattern[];
  /** Free-text terms; every one must occur (AND), each in one key or value of the record. */
  text: string[];
}

export function emptyQuery(): SearchQuery {
  return {
    accounts: [],
    regions: [],
    names: [],
    sources: [],
    principals: [],
    keys: [],
    contexts: [],
    errors: [],
    readOnly: [],
    sourceIps: [],
    requests: [],
    text: [],
  };
}

/** True when the query has no record filter (only scope, accounts, regions and range). */
export function hasRecordFilters(query: SearchQuery): boolean {
  return (
    query.names.length +
      query.sources.length +
      query.principals.length +
      query.keys.length +
      query.contexts.length +
      query.errors.length +
      query.readOnly.length +
      query.sourceIps.length +
      query.requests.length +
      query.text.length >
    0
  );
}

/** Limits on what a query may hold (a query is user input; its values go into SQL parameters and scanners). */
export const QUERY_LIMITS = {
  /** Characters in the text form. */
  maxTextLength: 16_384,
  /** Characters in one value. */
  maxValueLength: 4_096,
  /** Values across all fields. */
  maxValues: 256,
} as const;
