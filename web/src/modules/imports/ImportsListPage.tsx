import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Link, Paper, Table, TableBody, TableCell, TableContainer, TableHead, TableRow } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import { listImports } from '../../api/endpoints/imports';
import { queryKeys } from '../../api/queryKeys';
import { useCan } from '../../auth/useCan';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PagedTablePagination } from '../../components/PagedTablePagination';
import { PageHeader } from '../../components/PageHeader';
import { StatusChip } from '../../components/StatusChip';
import { TableSkeleton } from '../../components/TableSkeleton';
import { formatDateTime, formatNumber } from '../../lib/format';

const COLUMNS = ['File', 'Status', 'Rows', 'Processed', 'Created', 'Updated', 'Unchanged', 'Failed', 'Started', 'Finished'];

export function ImportsListPage() {
  const canImport = useCan()('imports:write');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(25);
  const imports = useQuery({
    queryKey: queryKeys.importList(page, pageSize),
    queryFn: () => listImports({ page, pageSize }),
    placeholderData: keepPreviousData,
    // Keep the list live while something is still running.
    refetchInterval: (q) =>
      q.state.data?.items.some((i) => i.status === 'queued' || i.status === 'running') ? 2000 : false,
  });
  const items = imports.data?.items ?? [];
  const newButton = canImport ? (
    <Button variant="contained" startIcon={<AddIcon />} component={RouterLink} to="/imports/new">
      New import
    </Button>
  ) : null;

  return (
    <>
      <PageHeader title="Imports" actions={newButton} />
      {imports.isError ? (
        <ErrorAlert error={imports.error} title="Imports could not be loaded" onRetry={() => imports.refetch()} />
      ) : (
        <Paper variant="outlined">
          <TableContainer>
            <Table size="small" aria-label="Imports">
              <TableHead>
                <TableRow>
                  {COLUMNS.map((c) => (
                    <TableCell key={c}>{c}</TableCell>
                  ))}
                </TableRow>
              </TableHead>
              {imports.isPending ? (
                <TableSkeleton columns={COLUMNS.length} />
              ) : (
                <TableBody>
                  {items.map((record) => (
                    <TableRow key={record.id} hover>
                      <TableCell>
                        <Link component={RouterLink} to={`/imports/${record.id}`}>
                          {record.fileName}
                        </Link>
                      </TableCell>
                      <TableCell>
                        <StatusChip status={record.status} />
                      </TableCell>
                      <TableCell>{formatNumber(record.totalRows)}</TableCell>
                      <TableCell>{formatNumber(record.processedRows)}</TableCell>
                      <TableCell>{formatNumber(record.created)}</TableCell>
                      <TableCell>{formatNumber(record.updated)}</TableCell>
                      <TableCell>{formatNumber(record.unchanged)}</TableCell>
                      <TableCell>{formatNumber(record.failed)}</TableCell>
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(record.startedAt ?? record.createdAt)}</TableCell>
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(record.finishedAt)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              )}
            </Table>
          </TableContainer>
          {!imports.isPending && items.length === 0 ? (
            <EmptyState title="No imports yet" description="Import contacts from a CSV file." actions={newButton} />
          ) : null}
          {imports.data && imports.data.total > 0 ? (
            <PagedTablePagination
              total={imports.data.total}
              page={page}
              pageSize={pageSize}
              onPageChange={setPage}
              onPageSizeChange={(size) => {
                setPageSize(size);
                setPage(1);
              }}
            />
          ) : null}
        </Paper>
      )}
    </>
  );
}
