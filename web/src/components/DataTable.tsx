import type { ReactNode } from 'react';
import { Table, TableBody, TableCell, TableContainer, TableHead, TableRow } from '@mui/material';

export interface DataColumn<T> {
  label: string;
  /** The raw value, as exported to CSV. */
  value: (row: T) => string | number | null | undefined;
  /** What the table shows (defaults to the raw value). */
  render?: (row: T) => ReactNode;
  align?: 'left' | 'right';
  /** The column that names the row: rendered as a row header (<th scope="row">). */
  rowHeader?: boolean;
}

interface DataTableProps<T> {
  caption: string;
  columns: readonly DataColumn<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  /** A last row (<tfoot> semantics via a bold body row): totals that the rows add up to. */
  footer?: ReactNode;
}

/** A plain data table with a visible caption: the accessible view of a chart, and the page's lists of numbers. */
export function DataTable<T>({ caption, columns, rows, rowKey, footer }: DataTableProps<T>) {
  return (
    <TableContainer>
      <Table size="small" sx={{ '& caption': { captionSide: 'top', px: 2, pt: 1, pb: 1, color: 'text.secondary' } }}>
        <caption>{caption}</caption>
        <TableHead>
          <TableRow>
            {columns.map((column) => (
              <TableCell key={column.label} align={column.align} scope="col">
                {column.label}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={rowKey(row)}>
              {columns.map((column) => (
                <TableCell
                  key={column.label}
                  align={column.align}
                  component={column.rowHeader ? 'th' : 'td'}
                  scope={column.rowHeader ? 'row' : undefined}
                  sx={{ whiteSpace: 'nowrap' }}
                >
                  {column.render ? column.render(row) : (column.value(row) ?? '—')}
                </TableCell>
              ))}
            </TableRow>
          ))}
          {footer}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
