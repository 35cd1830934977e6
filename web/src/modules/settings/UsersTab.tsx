import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Paper, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import { listUsers } from '../../api/endpoints/settings';
import { queryKeys } from '../../api/queryKeys';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PagedTablePagination } from '../../components/PagedTablePagination';
import { TableSkeleton } from '../../components/TableSkeleton';
import { formatDate, humanize } from '../../lib/format';
import { NewUserDialog } from './NewUserDialog';

export function UsersTab() {
  const [creating, setCreating] = useState(false);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(25);
  const users = useQuery({
    queryKey: queryKeys.userList(page, pageSize),
    queryFn: () => listUsers({ page, pageSize }),
    placeholderData: keepPreviousData,
  });
  const items = users.data?.items ?? [];
  return (
    <Stack spacing={2}>
      <div>
        <Button variant="contained" startIcon={<AddIcon />} onClick={() => setCreating(true)}>
          New user
        </Button>
      </div>
      {users.isError ? (
        <ErrorAlert error={users.error} title="Users could not be loaded" onRetry={() => users.refetch()} />
      ) : (
        <Paper variant="outlined">
          <TableContainer>
            <Table size="small" aria-label="Users">
              <TableHead>
                <TableRow>
                  <TableCell>Name</TableCell>
                  <TableCell>Email</TableCell>
                  <TableCell>Role</TableCell>
                  <TableCell>Created</TableCell>
                  <TableCell>Status</TableCell>
                </TableRow>
              </TableHead>
              {users.isPending ? (
                <TableSkeleton columns={5} rows={3} />
              ) : (
                <TableBody>
                  {items.map((user) => (
                    <TableRow key={user.id}>
                      <TableCell>{user.displayName || '—'}</TableCell>
                      <TableCell>{user.email}</TableCell>
                      <TableCell>{humanize(user.role)}</TableCell>
                      <TableCell>{formatDate(user.createdAt)}</TableCell>
                      <TableCell>{user.disabledAt ? `Disabled ${formatDate(user.disabledAt)}` : 'Active'}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              )}
            </Table>
          </TableContainer>
          {!users.isPending && items.length === 0 ? <EmptyState title="No users" /> : null}
          {users.data && users.data.total > 0 ? (
            <PagedTablePagination
              total={users.data.total}
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
      {creating ? <NewUserDialog onClose={() => setCreating(false)} /> : null}
    </Stack>
  );
}
