import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { LinearProgress, Paper, Table, TableBody, TableCell, TableContainer, TableHead, TableRow } from '@mui/material';
import type { Page } from '../api/types';
import { ErrorAlert } from './ErrorAlert';
import { PagedTablePagination } from './PagedTablePagination';
import { TableSkeleton } from './TableSkeleton';

export interface PagedTableColumn {
  label: ReactNode;
  align?: 'left' | 'right' | 'center';
  /** Read by screen readers only (e.g. an icon-button column). */
  hiddenLabel?: boolean;
}

interface PagedTableProps<T> {
  /** Accessible name of the table, also used in the error and refresh messages ("Deliveries"). */
  label: string;
  columns: readonly PagedTableColumn[];
  /** The list query: its error, first load, refreshes and pages drive the table. */
  query: UseQueryResult<Page<T>>;
  renderRow: (item: T) => ReactNode;
  /** Shown below the header when the page is empty (usually an EmptyState). */
  empty: ReactNode;
  page: number;
  pageSize: number;
  onPageChange: (page: number) => void;
  onPageSizeChange?: (pageSize: number) => void;
  pageSizeOptions?: number[];
  errorTitle?: string;
}

/**
 * A paged list from the API: error with Retry, skeleton rows on first load, a progress bar while refreshing,
 * the rows, an empty state and the pagination.
 */
export function PagedTable<T>({
  label,
  columns,
  query,
  renderRow,
  empty,
  page,
  pageSize,
  onPageChange,
  onPageSizeChange,
  pageSizeOptions,
  errorTitle,
}: PagedTableProps<T>) {
  if (query.isError) {
    return (
      <ErrorAlert error={query.error} title={errorTitle ?? `${label} could not be loaded`} onRetry={() => void query.refetch()} />
    );
  }
  const items = query.data?.items ?? [];
  return (
    <Paper variant="outlined">
      {query.isFetching && !query.isPending ? <LinearProgress aria-label={`Refreshing ${label.toLowerCase()}`} /> : null}
      <TableContainer>
        <Table size="small" aria-label={label} aria-busy={query.isFetching}>
          <TableHead>
            <TableRow>
              {columns.map((column, index) => (
                <TableCell key={index} align={column.align}>
                  {column.hiddenLabel ? <span className="visually-hidden">{column.label}</span> : column.label}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          {query.isPending ? <TableSkeleton columns={columns.length} /> : <TableBody>{items.map(renderRow)}</TableBody>}
        </Table>
      </TableContainer>
      {!query.isPending && items.length === 0 ? empty : null}
      {query.data && query.data.total > 0 ? (
        <PagedTablePagination
          total={query.data.total}
          page={page}
          pageSize={pageSize}
          onPageChange={onPageChange}
          onPageSizeChange={onPageSizeChange}
          pageSizeOptions={pageSizeOptions}
        />
      ) : null}
    </Paper>
  );
}
