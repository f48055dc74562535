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
  /** A sentence added only on KMS events (KMS remarks stay out of other events' hovers). */
  kms?: string;
  /** For a map (session tags, logins…): what each of its keys is. */
  entries?: FieldDoc;
  doc: DocRef;
}

/** Path pattern → field. Patterns are dot-joined keys relative to the record, array items written `[]`. */
export type FieldTable = Readonly<Record<string, FieldDoc>>;

/**
 * The only way to read a knowledge table with a key that came from a log: own properties only, so that
 * `constructor`, `__proto__` or `isPrototypeOf` in a log are unknown values, never Object.prototype members.
 */
export function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}
