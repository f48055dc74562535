import { escapeTerminalText } from './terminalText';

/**
 * Plain-text tables for the CLI: columns padded to their widest cell, no trailing spaces. Cells hold S3 keys, names and
 * ARNs from AWS: each is escaped on one line (a newline in an S3 key would otherwise print a row of its own).
 */
export function formatTable(headers: string[], table: string[][]): string {
  const rows = table.map((row) => row.map((cell) => escapeTerminalText(cell, true)));
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column])))
      .join('  ')
      .trimEnd();
  return [line(headers), ...rows.map(line)].join('\n') + '\n';
}
