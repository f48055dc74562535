/** The public shapes of the explain engine (see index.ts). Plain data: the hover and the CLI render it. */

/** Offsets into the text (UTF-16 code units, like `string.length`). `end` is exclusive. */
export interface TextRange {
  start: number;
  end: number;
}

/**
 * A typed target the renderer may turn into a command link. Built only from values that parsed
 * (an ARN, a key id), never by pasting log text into a URL.
 */
export type ExplainLink =
  | { kind: 'trail'; arn: string }
  | { kind: 's3Object'; bucket: string; key: string }
  | { kind: 's3Prefix'; bucket: string; prefix: string }
  | { kind: 'kmsKey'; arn?: string; keyId?: string; alias?: string; region?: string; account?: string }
  | { kind: 'doc'; url: string; title: string }
  | FindEventsLink;

/** What a "Find events with this …" link searches for: one value of a record, around the record's eventTime. */
export type FindEventsField = 'key' | 'principal' | 'accessKey' | 'request';

export interface FindEventsLink {
  kind: 'findEvents';
  field: FindEventsField;
  value: string;
  /** The record's eventTime (ISO-8601, UTC): the search covers a window around it. */
  eventTime: string;
}

/** Plain text; the renderer escapes it. */
export interface ExplainSection {
  heading?: string;
  text: string;
}

export interface Explanation {
  /** The key or value under the cursor. */
  range: TextRange;
  /** From the document root, e.g. `['Records', 0, 'userIdentity', 'type']`. */
  path: (string | number)[];
  title: string;
  sections: ExplainSection[];
  links: ExplainLink[];
  /** False where the text is a generic catch-all (an unknown service member, an unknown aws: context key). */
  specific?: boolean;
}

export interface OutlineEntry {
  /** `eventTime eventName principal` (parts that are missing are left out). */
  label: string;
  eventTime?: string;
  eventName?: string;
  principal?: string;
  /** The whole record. */
  range: TextRange;
  /** The record's `eventName` value when present, else the record's first character. */
  selectionRange: TextRange;
}
