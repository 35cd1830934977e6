import { useState } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Stack, TableCell, TableRow } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import { deleteSuppression, listSuppressions } from '../../api/endpoints/suppressions';
import { queryKeys } from '../../api/queryKeys';
import type { Suppression } from '../../api/types';
import { useCan } from '../../auth/useCan';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EmptyState } from '../../components/EmptyState';
import { enumOptions, NativeSelectField } from '../../components/NativeSelectField';
import { PagedTable, type PagedTableColumn } from '../../components/PagedTable';
import { PageHeader } from '../../components/PageHeader';
import { useNotify } from '../../components/notifyContext';
import { formatDateTime, humanize } from '../../lib/format';
import { DebouncedTextField } from '../contacts/DebouncedTextField';
import { NewSuppressionDialog } from './NewSuppressionDialog';
import { SUPPRESSION_CHANNELS } from './suppressionSchema';

export function SuppressionsPage() {
  // POST and DELETE /suppressions need consents:write.
  const canWrite = useCan()('consents:write');
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [channel, setChannel] = useState('');
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(25);
  const [creating, setCreating] = useState(false);
  const [removing, setRemoving] = useState<Suppression | null>(null);
  const query = { channel, search, page, pageSize };
  const list = useQuery({
    queryKey: queryKeys.suppressions(query),
    queryFn: () => listSuppressions(query),
    placeholderData: keepPreviousData,
  });
  const remove = useMutation({
    mutationFn: (s: Suppression) => deleteSuppression(s.id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['suppressions'] });
      notify({ message: 'Suppression removed.' });
      setRemoving(null);
    },
  });
  const columns: PagedTableColumn[] = [
    { label: 'Channel' },
    { label: 'Address' },
    { label: 'Reason' },
    { label: 'Note' },
    { label: 'Added' },
    ...(canWrite ? [{ label: 'Actions', align: 'right' as const }] : []),
  ];

  return (
    <>
      <PageHeader
        title="Suppressions"
        subtitle="Hard bounces, complaints, invalid numbers and manual blocks. Nothing is ever sent to these."
        actions={
          canWrite ? (
            <Button variant="contained" startIcon={<AddIcon />} onClick={() => setCreating(true)}>
              Suppress an address
            </Button>
          ) : null
        }
      />
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 2 }}>
        <DebouncedTextField
          label="Search suppressions"
          type="search"
          size="small"
          value={search}
          onDebouncedChange={(value) => {
            setSearch(value);
            setPage(1);
          }}
        />
        <NativeSelectField
          label="Channel"
          size="small"
          value={channel}
          options={enumOptions(SUPPRESSION_CHANNELS, humanize, 'Any')}
          onChange={(event) => {
            setChannel(event.target.value);
            setPage(1);
          }}
          sx={{ minWidth: 160 }}
        />
      </Stack>
      <PagedTable
        label="Suppressions"
        columns={columns}
        query={list}
        renderRow={(s: Suppression) => (
          <TableRow key={s.id}>
            <TableCell>{humanize(s.channel)}</TableCell>
            <TableCell sx={{ wordBreak: 'break-all' }}>{s.address}</TableCell>
            <TableCell>{humanize(s.reason)}</TableCell>
            <TableCell>{s.note ?? '—'}</TableCell>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(s.createdAt)}</TableCell>
            {canWrite ? (
              <TableCell align="right">
                <Button size="small" color="error" onClick={() => setRemoving(s)} aria-label={`Remove suppression of ${s.address}`}>
                  Remove
                </Button>
              </TableCell>
            ) : null}
          </TableRow>
        )}
        empty={<EmptyState title="No suppressed addresses" />}
        page={page}
        pageSize={pageSize}
        onPageChange={setPage}
        onPageSizeChange={(size) => {
          setPageSize(size);
          setPage(1);
        }}
      />
      {creating ? <NewSuppressionDialog onClose={() => setCreating(false)} /> : null}
      <ConfirmDialog
        open={removing !== null}
        title="Remove this suppression?"
        confirmLabel="Remove"
        destructive
        busy={remove.isPending}
        error={remove.error}
        onConfirm={() => removing && remove.mutate(removing)}
        onClose={() => {
          remove.reset();
          setRemoving(null);
        }}
      >
        {`Messages to ${removing?.address ?? ''} become possible again, subject to consent.`}
      </ConfirmDialog>
    </>
  );
}
