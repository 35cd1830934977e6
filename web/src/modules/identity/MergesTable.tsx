import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Link, Paper, Table, TableBody, TableCell, TableContainer, TableHead, TableRow } from '@mui/material';
import { listMerges, undoMerge } from '../../api/endpoints/identity';
import { queryKeys } from '../../api/queryKeys';
import type { IdentityMerge } from '../../api/types';
import { useCan } from '../../auth/useCan';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PagedTablePagination } from '../../components/PagedTablePagination';
import { TableSkeleton } from '../../components/TableSkeleton';
import { useNotify } from '../../components/notifyContext';
import { formatDateTime } from '../../lib/format';

export function MergesTable() {
  const canUndo = useCan()('identity:write');
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(25);
  const [undoing, setUndoing] = useState<IdentityMerge | null>(null);
  const merges = useQuery({
    queryKey: queryKeys.merges(page, pageSize),
    queryFn: () => listMerges({ page, pageSize }),
    placeholderData: keepPreviousData,
  });
  const undo = useMutation({
    mutationFn: (merge: IdentityMerge) => undoMerge(merge.id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.identity });
      void queryClient.invalidateQueries({ queryKey: queryKeys.contacts });
      notify({ message: 'Merge undone; both contacts are separate again.' });
      setUndoing(null);
    },
  });

  if (merges.isError) {
    return <ErrorAlert error={merges.error} title="Merges could not be loaded" onRetry={() => merges.refetch()} />;
  }
  const items = merges.data?.items ?? [];
  return (
    <Paper variant="outlined">
      <TableContainer>
        <Table size="small" aria-label="Merges">
          <TableHead>
            <TableRow>
              <TableCell>Merged at</TableCell>
              <TableCell>Survivor</TableCell>
              <TableCell>Merged contact</TableCell>
              <TableCell>Reason</TableCell>
              <TableCell>Undone at</TableCell>
              {canUndo ? <TableCell align="right">Actions</TableCell> : null}
            </TableRow>
          </TableHead>
          {merges.isPending ? (
            <TableSkeleton columns={canUndo ? 6 : 5} />
          ) : (
            <TableBody>
              {items.map((merge) => (
                <TableRow key={merge.id}>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(merge.mergedAt)}</TableCell>
                  <TableCell>
                    <Link component={RouterLink} to={`/contacts/${merge.survivorId}`}>
                      {merge.survivorId}
                    </Link>
                  </TableCell>
                  <TableCell>
                    {/* null: an incoming record (create or import) matched the survivor; there is no second contact. */}
                    {merge.mergedId ? <code>{merge.mergedId}</code> : 'Incoming record'}
                  </TableCell>
                  <TableCell>{merge.reason || '—'}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(merge.undoneAt)}</TableCell>
                  {canUndo ? (
                    <TableCell align="right">
                      {merge.undoneAt ? null : (
                        <Button size="small" onClick={() => setUndoing(merge)} aria-label={`Undo merge ${merge.id}`}>
                          Undo
                        </Button>
                      )}
                    </TableCell>
                  ) : null}
                </TableRow>
              ))}
            </TableBody>
          )}
        </Table>
      </TableContainer>
      {!merges.isPending && items.length === 0 ? <EmptyState title="No merges yet" /> : null}
      {merges.data && merges.data.total > 0 ? (
        <PagedTablePagination
          total={merges.data.total}
          page={page}
          pageSize={pageSize}
          onPageChange={setPage}
          onPageSizeChange={(size) => {
            setPageSize(size);
            setPage(1);
          }}
        />
      ) : null}
      <ConfirmDialog
        open={undoing !== null}
        title="Undo this merge?"
        confirmLabel="Undo merge"
        busy={undo.isPending}
        error={undo.error}
        onConfirm={() => undoing && undo.mutate(undoing)}
        onClose={() => {
          undo.reset();
          setUndoing(null);
        }}
      >
        The merged contact is restored as a separate profile. The undo is recorded in the audit log.
      </ConfirmDialog>
    </Paper>
  );
}
