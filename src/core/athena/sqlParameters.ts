/**
 * User values go into Athena SQL only as execution parameters: the SQL holds `?`, the values travel in
 * StartQueryExecution's `ExecutionParameters`, in the order of the `?`s. Athena reads each parameter value as a SQL
 * literal ("for SQL execution parameters to be treated as strings, they must be enclosed in single quotes",
 * Athena user guide, "Use parameterized queries"), so a string parameter is `'…'` with every `'` doubled — the one
 * escape of a SQL string literal; nothing the value holds can end the literal. A parameter may be at most 1024
 * characters (the API's ExecutionParameter limit), so a longer value becomes several parameters joined with `||`.
 */

/** The API's limit on one ExecutionParameter. */
export const MAX_EXECUTION_PARAMETER = 1024;
/** What we put in one: UTF-8 bytes of the quoted literal, below the limit however Athena counts (characters or bytes). */
const CHUNK_BYTES = 1000;

/** `'…'` with `'` doubled. */
export function sqlStringLiteral(value: string): string {
  return `'${value.split("'").join("''")}'`;
}

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/** The value cut into pieces whose quoted literals fit one parameter (never inside a surrogate pair). */
export function chunkForParameters(value: string): string[] {
  const chunks: string[] = [];
  let current = '';
  let bytes = 2; // the quotes
  for (const character of value) {
    const size = character === "'" ? 2 : utf8Length(character.codePointAt(0) as number);
    if (bytes + size > CHUNK_BYTES) {
      chunks.push(current);
      current = '';
      bytes = 2;
    }
    current += character;
    bytes += size;
  }
  chunks.push(current);
  return chunks;
}

export class SqlParameters {
  readonly values: string[] = [];

  /** A SQL expression for a string value: `?`, or `(? || ? || …)` for a value longer than one parameter. */
  string(value: string): string {
    const chunks = chunkForParameters(value);
    for (const chunk of chunks) this.values.push(sqlStringLiteral(chunk));
    return chunks.length === 1 ? '?' : `(${chunks.map(() => '?').join(' || ')})`;
  }

  /** `?, ?, …` for a list of string values (an IN list). */
  strings(values: readonly string[]): string {
    return values.map((value) => this.string(value)).join(', ');
  }
}

/** `"name"` for Athena DML; the name must already be a validated Athena name (table.ts). */
export function sqlIdentifier(name: string): string {
  if (!/^[a-z0-9_]{1,255}$/.test(name)) throw new Error(`"${name}" is not a validated Athena name`);
  return `"${name}"`;
}
