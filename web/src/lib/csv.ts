import { saveFile } from './download';

export interface CsvColumn<T> {
  label: string;
  value: (row: T) => string | number | null | undefined;
}

/** One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break; text a spreadsheet would run as a formula is defused. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A header row and one row per item, CRLF-separated. Numbers are written raw (no grouping, dot decimals). */
export function toCsv<T>(rows: readonly T[], columns: readonly CsvColumn<T>[]): string {
  const lines = [columns.map((column) => csvCell(column.label)).join(',')];
  for (const row of rows) lines.push(columns.map((column) => csvCell(column.value(row))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** "Revenue by channel" + "2026-11-01" → "revenue-by-channel-2026-11-01.csv". */
export function csvFileName(...parts: string[]): string {
  const slug = parts
    .join(' ')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${slug || 'export'}.csv`;
}

/** Hands the CSV to the browser as a download (UTF-8 with a BOM, so spreadsheets read diacritics right). */
export function downloadCsv(fileName: string, csv: string): void {
  saveFile({ blob: new Blob(['\ufeff', csv], { type: 'text/csv;charset=utf-8' }), fileName });
}
