/** Every CloudTrail record of the read-only corpus (files hold one record or a `{"Records": […]}` log), parsed. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { CORPUS } from '../../corpusPath';

export interface CorpusRecord {
  /** The file name, with `#<index>` when the file is a log of several records. */
  id: string;
  file: string;
  record: Record<string, unknown>;
}

let cached: CorpusRecord[] | undefined;

export function corpusRecords(): CorpusRecord[] {
  if (cached) return cached;
  const records: CorpusRecord[] = [];
  for (const dir of readdirSync(CORPUS).sort()) {
    for (const name of readdirSync(join(CORPUS, dir)).sort()) {
      if (!name.endsWith('.json')) continue;
      const parsed = JSON.parse(readFileSync(join(CORPUS, dir, name), 'utf8')) as Record<string, unknown>;
      const list = Array.isArray(parsed.Records) ? (parsed.Records as Record<string, unknown>[]) : [parsed];
      list.forEach((record, index) => {
        const file = `${dir}/${name}`;
        records.push({ id: list.length > 1 ? `${file}#${index}` : file, file, record });
      });
    }
  }
  cached = records;
  return records;
}

/** A corpus record by id (e.g. `aws-docs-kms/ct-reencrypt-0.json`, `aws-docs-kms/ct-ec2two-0.json#1`). */
export function corpusRecord(id: string): Record<string, unknown> {
  const found = corpusRecords().find((item) => item.id === id);
  if (!found) throw new Error(`${id} is not in the corpus`);
  return found.record;
}

/** The value at a dotted path (`userIdentity.sessionContext.sessionIssuer.arn`), for plain test predicates. */
export function at(record: unknown, path: string): unknown {
  let value = record;
  for (const step of path.split('.'))
    value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[step] : undefined;
  return value;
}

/** The ids of the records a plain predicate accepts (an independent statement of what a query should find). */
export function idsWhere(predicate: (record: Record<string, unknown>) => boolean): string[] {
  return corpusRecords()
    .filter((item) => predicate(item.record))
    .map((item) => item.id);
}
