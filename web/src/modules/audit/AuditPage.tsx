import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Button, Paper, Table, TableBody, TableCell, TableContainer, TableHead, TableRow } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { exportAudit, listAudit } from '../../api/endpoints/audit';
import { errorMessage } from '../../api/problem';
import { queryKeys } from '../../api/queryKeys';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PagedTablePagination } from '../../components/PagedTablePagination';
import { PageHeader } from '../../components/PageHeader';
import { TableSkeleton } from '../../components/TableSkeleton';
import { useNotify } from '../../components/notifyContext';
import { saveFile } from '../../lib/download';
import { AuditFiltersBar } from './AuditFiltersBar';
import { AuditRow } from './AuditRow';
import { toAuditQuery, useAuditParams } from './useAuditParams';
import { VerifyChainButton } from './VerifyChainButton';

export function AuditPage() {
  const notify = useNotify();
  const { filters, update, hasFilters, clear } = useAuditParams();
  const query = toAuditQuery(filters);
  const audit = useQuery({
    queryKey: queryKeys.audit(query),
    queryFn: () => listAudit(query),
    placeholderData: keepPreviousData,
  });
  const exporter = useMutation({
    mutationFn: exportAudit,
    onSuccess: saveFile,
    onError: (error, format) =>
      notify({ message: `Export failed: ${errorMessage(error)}`, severity: 'error', retry: () => exporter.mutate(format) }),
  });
  const items = audit.data?.items ?? [];

  return (
    <>
      <PageHeader
        title="Audit log"
        subtitle="Append-only and hash-chained: every entry includes the hash of the one before."
        actions={
          <>
            <Button startIcon={<DownloadIcon />} variant="outlined" onClick={() => exporter.mutate('csv')} disabled={exporter.isPending}>
              Export CSV
            </Button>
            <Button startIcon={<DownloadIcon />} variant="outlined" onClick={() => exporter.mutate('json')} disabled={exporter.isPending}>
              Export JSON
            </Button>
          </>
        }
      />
      <VerifyChainButton />
      <AuditFiltersBar filters={filters} update={update} hasFilters={hasFilters} clear={clear} />
      {audit.isError ? (
        <ErrorAlert error={audit.error} title="The audit log could not be loaded" onRetry={() => audit.refetch()} />
      ) : (
        <Paper variant="outlined">
          <TableContainer>
            <Table size="small" aria-label="Audit entries">
              <TableHead>
                <TableRow>
                  <TableCell padding="checkbox">
                    <span className="visually-hidden">Details</span>
                  </TableCell>
                  <TableCell>Sequence</TableCell>
                  <TableCell>Time</TableCell>
                  <TableCell>Actor</TableCell>
                  <TableCell>Action</TableCell>
                  <TableCell>Entity</TableCell>
                </TableRow>
              </TableHead>
              {audit.isPending ? (
                <TableSkeleton columns={6} />
              ) : (
                <TableBody>
                  {items.map((entry) => (
                    <AuditRow key={entry.sequence} entry={entry} />
                  ))}
                </TableBody>
              )}
            </Table>
          </TableContainer>
          {!audit.isPending && items.length === 0 ? (
            <EmptyState title={hasFilters ? 'No entries match these filters' : 'No audit entries yet'} />
          ) : null}
          {audit.data && audit.data.total > 0 ? (
            <PagedTablePagination
              total={audit.data.total}
              page={filters.page}
              pageSize={filters.pageSize}
              onPageChange={(page) => update({ page })}
              onPageSizeChange={(pageSize) => update({ pageSize })}
              pageSizeOptions={[25, 50, 100, 200]}
            />
          ) : null}
        </Paper>
      )}
    </>
  );
}
