/** Shapes of the knowledge tables. Data only: the explain engine decides what to show. */

export interface DocRef {
  url: string;
  title: string;
}

export interface FieldDoc {
  /** A short phrase: what the field is. */
  title: string;
  /** What it means, in this project's own words. */
  meaning: string;
  /** JSON type as it appears in records, with a note where it surprises (e.g. booleans sent as text). */
  type: string;
  /** The record eventVersion that introduced the field, when documented. */
  since?: string;
  /** Explanations of enumerated values, keyed by the value as text (`true`, `AES_256`, ...). */
  values?: Readonly<Record<string, string>>;
  doc: DocRef;
}

/** Path pattern → field. Patterns are dot-joined keys relative to the record, array items written `[]`. */
export type FieldTable = Readonly<Record<string, FieldDoc>>;
