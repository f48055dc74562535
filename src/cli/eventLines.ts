/**
 * Events as table lines on a terminal, the same for both engines of `search`: time, region, event, principal, error,
 * and the log file (with the record's index when the engine knows it). Log values are escaped (printable.ts).
 */
import { hitPrincipal } from '../core/search';
import { escapeControls } from './printable';

const COLUMNS = [20, 14, 26, 44, 24];

export function tableLine(cells: string[]): string {
  return `${cells.map((cell, i) => (i < COLUMNS.length ? cell.padEnd(COLUMNS[i]) : cell)).join('  ')}`.trimEnd();
}

/** The header line above the events. */
export const TABLE_HEADER = tableLine(['TIME', 'REGION', 'EVENT', 'PRINCIPAL', 'ERROR', 'FILE#RECORD']);

/** One event as a table line: its file and, when the engine knows it, the record's index there (`file#3`). */
export function eventLine(record: Record<string, unknown>, key: string | undefined, recordIndex: number | undefined): string {
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const file = key === undefined ? '-' : key.slice(key.lastIndexOf('/') + 1);
  return escapeControls(
    tableLine([
      text(record.eventTime),
      text(record.awsRegion),
      text(record.eventName),
      hitPrincipal(record),
      text(record.errorCode) || '-',
      recordIndex === undefined ? file : `${file}#${recordIndex}`,
    ]),
  );
}
