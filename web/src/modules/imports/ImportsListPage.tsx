import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Link, TableCell, TableRow } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import { listImports } from '../../api/endpoints/imports';
import { queryKeys } from '../../api/queryKeys';
import type { ContactImport } from '../../api/types';
import { useCan } from '../../auth/useCan';
import { EmptyState } from '../../components/EmptyState';
import { PagedTable } from '../../components/PagedTable';
import { PageHeader } from '../../components/PageHeader';
import { StatusChip } from '../../components/StatusChip';
import { formatDateTime, formatNumber } from '../../lib/format';

const COLUMNS = ['File', 'Status', 'Rows', 'Processed', 'Created', 'Updated', 'Unchanged', 'Failed', 'Started', 'Finished'].map(
  (label) => ({ label }),
);

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
  const newButton = canImport ? (
    <Button variant="contained" startIcon={<AddIcon />} component={RouterLink} to="/imports/new">
      New import
    </Button>
  ) : null;

  return (
    <>
      <PageHeader title="Imports" actions={newButton} />
      <PagedTable
        label="Imports"
        columns={COLUMNS}
        query={imports}
        renderRow={(record: ContactImport) => (
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
        )}
        empty={<EmptyState title="No imports yet" description="Import contacts from a CSV file." actions={newButton} />}
        page={page}
        pageSize={pageSize}
        onPageChange={setPage}
        onPageSizeChange={(size) => {
          setPageSize(size);
          setPage(1);
        }}
      />
    </>
  );
}
