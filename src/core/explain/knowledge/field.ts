/** A small constructor for knowledge entries, so tables read as one line of facts each. */
import type { DocRef, FieldDoc } from './types';

export function field(
  title: string,
  meaning: string,
  type: string,
  doc: DocRef,
  values?: Readonly<Record<string, string>>,
  extra: Partial<Pick<FieldDoc, 'since' | 'kms' | 'entries'>> = {},
): FieldDoc {
  return { title, meaning, type, doc, ...(values ? { values } : {}), ...extra };
}
