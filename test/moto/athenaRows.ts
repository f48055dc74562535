/**
 * The rows moto's Athena returns for the next query: moto runs no SQL, a test queues the result rows through
 * /moto-api/static/athena/query-results (per account and region; each GetQueryResults of a new query takes the next
 * queued set). The rows are CloudTrail records in the table's result columns (RESULT_COLUMNS, with `"$path"` as
 * log_object), cells as Athena gives them (strings, JSON for structs). Used by test/integration/athena-moto.test.ts and
 * the e2e Athena tests.
 */
import { RESULT_COLUMNS } from '../../src/core/athena';
import { recordToRow } from '../unit/athena/sqlEval';

/** The account moto files requests under when their access key is not one of its own IAM users' (the sandbox's keys). */
export const MOTO_DEFAULT_ACCOUNT = '123456789012';

export interface AthenaRow {
  record: Record<string, unknown>;
  /** `s3://bucket/key` of the log object the record is in (Athena's `"$path"`). */
  logObject: string;
}

export function athenaCells({ record, logObject }: AthenaRow): { VarCharValue?: string }[] {
  const row = recordToRow(record);
  return RESULT_COLUMNS.map((column) => {
    if (column === 'log_object') return { VarCharValue: logObject };
    const value = row[column];
    if (value === null || value === undefined) return {};
    return { VarCharValue: typeof value === 'string' ? value : JSON.stringify(value) };
  });
}

/** POSTs to moto's own API; anything but 201 is an error naming the path and moto's answer. */
export async function motoApi(endpoint: string, path: string, body: unknown): Promise<void> {
  const answer = await fetch(`${endpoint}${path}`, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });
  if (answer.status !== 201) throw new Error(`moto ${path}: HTTP ${answer.status} ${await answer.text()}`);
}

/** Queues the header row and one row per record as the result of the next Athena query in that account and region. */
export async function queueAthenaRows(endpoint: string, place: { account: string; region: string }, rows: AthenaRow[]): Promise<void> {
  const header = { Data: RESULT_COLUMNS.map((name) => ({ VarCharValue: name })) };
  await motoApi(endpoint, '/moto-api/static/athena/query-results', {
    account_id: place.account,
    region: place.region,
    results: [
      {
        rows: [header, ...rows.map((row) => ({ Data: athenaCells(row) }))],
        column_info: RESULT_COLUMNS.map((name) => ({ Name: name, Type: 'varchar' })),
      },
    ],
  });
}
