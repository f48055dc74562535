/**
 * What an Athena query costs: Athena (SQL queries, the per-query billing model) bills per byte scanned, rounded up to
 * the megabyte with a 10 MB minimum per query; DDL statements and failed queries are free. The price is the public list
 * price of most regions, USD 5 per TB; a workgroup on provisioned capacity pays by DPU-hour instead (said in the text).
 */
import { formatBytes } from '../formatBytes';

export const ATHENA_USD_PER_TB = 5;
const MB = 1024 * 1024;
const TB = 1024 ** 4;
const MINIMUM_BYTES = 10 * MB;

export interface AthenaCost {
  scannedBytes: number;
  /** What is billed: rounded up to the megabyte, at least 10 MB (0 when nothing ran). */
  billedBytes: number;
  usd: number;
}

export function athenaCost(scannedBytes: number, statement: 'DML' | 'DDL' = 'DML'): AthenaCost {
  const scanned = Number.isFinite(scannedBytes) && scannedBytes > 0 ? Math.floor(scannedBytes) : 0;
  if (statement === 'DDL') return { scannedBytes: scanned, billedBytes: 0, usd: 0 };
  const billedBytes = Math.max(MINIMUM_BYTES, Math.ceil(scanned / MB) * MB);
  return { scannedBytes: scanned, billedBytes, usd: (billedBytes / TB) * ATHENA_USD_PER_TB };
}

/** `1.2 GiB scanned, about $0.0059 at $5/TB` — cents when it is cents, never "$0.00" for a billed query. */
export function athenaCostText(cost: AthenaCost): string {
  const usd = cost.usd;
  const money = usd === 0 ? '$0' : usd >= 0.01 ? `$${usd.toFixed(2)}` : `$${usd.toPrecision(2)}`;
  return `${formatBytes(cost.scannedBytes)} scanned, about ${money} at $${ATHENA_USD_PER_TB}/TB (per-query pricing; 10 MB minimum)`;
}
