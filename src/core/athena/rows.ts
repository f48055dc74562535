/**
 * A row of translateToAthena's result (GetQueryResults gives every cell as text) back into a CloudTrail record with
 * CloudTrail's own names, so Athena hits go to the same results view, hovers and outline as Find Events hits.
 * Structs arrive as JSON with lower-case keys (the select list casts them); the column model renames them.
 */
import { parseS3Location, type S3Location } from '../arn';
import { CLOUDTRAIL_COLUMNS, columnName, type HiveField, type HiveType } from './columns';
import { RESULT_COLUMNS } from './translate';

export interface AthenaHit {
  record: Record<string, unknown>;
  /** The log object the row came from (`"$path"`), when Athena gave it. */
  source?: S3Location;
  account?: string;
  region?: string;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text; // not JSON: keep what Athena gave
  }
}

/** Renames lower-case JSON keys back to CloudTrail's names along the model (map keys are data: kept as they are). */
function restore(value: unknown, type: HiveType): unknown {
  if (value === null || value === undefined) return undefined;
  if (type.kind === 'array') return Array.isArray(value) ? value.map((item) => restore(item, type.of)) : value;
  if (type.kind !== 'struct' || typeof value !== 'object' || Array.isArray(value)) return value;
  const out: Record<string, unknown> = {};
  for (const field of type.fields) {
    const restored = restore((value as Record<string, unknown>)[columnName(field)], field.type);
    if (restored !== undefined) out[field.json] = restored;
  }
  return out;
}

function cell(field: HiveField, text: string): unknown {
  const type = field.type;
  if (type.kind === 'string') {
    if (type.boolean) return text === 'true' ? true : text === 'false' ? false : text;
    return type.json ? parseJson(text) : text;
  }
  return restore(parseJson(text), type);
}

/** The row's cells in RESULT_COLUMNS order (the header row already dropped); missing cells are NULL. */
export function athenaRowToHit(cells: readonly (string | null | undefined)[]): AthenaHit {
  const record: Record<string, unknown> = {};
  CLOUDTRAIL_COLUMNS.forEach((field, index) => {
    const text = cells[index];
    if (text === null || text === undefined) return;
    const value = cell(field, text);
    if (value !== undefined) record[field.json] = value;
  });
  const at = (name: string) => cells[RESULT_COLUMNS.indexOf(name)] ?? undefined;
  const path = at('log_object');
  const source = path ? parseS3Location(path) : undefined;
  const account = at('account');
  const region = at('region');
  return { record, ...(source ? { source } : {}), ...(account ? { account } : {}), ...(region ? { region } : {}) };
}
