import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Paper, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import { listWriteKeys, revokeWriteKey } from '../../api/endpoints/tracking';
import { queryKeys } from '../../api/queryKeys';
import type { WriteKey } from '../../api/types';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { CopyButton } from '../../components/CopyButton';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TableSkeleton } from '../../components/TableSkeleton';
import { useNotify } from '../../components/notifyContext';
import { formatDateTime } from '../../lib/format';
import { NewWriteKeyDialog } from './NewWriteKeyDialog';
import { SnippetPanel } from './SnippetPanel';

/** The tenant's write keys (public: they only add events), each with its snippet; revoking asks first. */
export function WriteKeysSection() {
  const queryClient = useQueryClient();
  const notify = useNotify();
  const [creating, setCreating] = useState(false);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<WriteKey | null>(null);
  const keys = useQuery({ queryKey: queryKeys.writeKeys, queryFn: listWriteKeys });
  const revoke = useMutation({
    mutationFn: (key: WriteKey) => revokeWriteKey(key.id),
    onSuccess: async (_, key) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.writeKeys });
      notify({ message: `Write key “${key.name}” revoked.` });
      setRevoking(null);
    },
  });
  const selected = keys.data?.find((key) => key.id === selectedId) ?? keys.data?.[0];
  return (
    <Stack spacing={2} component="section" aria-labelledby="write-keys-heading" sx={{ mb: 4 }}>
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center' }}>
        <Typography variant="h2" id="write-keys-heading">
          Write keys
        </Typography>
        <Button variant="contained" startIcon={<AddIcon />} onClick={() => setCreating(true)}>
          New write key
        </Button>
      </Stack>
      {keys.isError ? (
        <ErrorAlert error={keys.error} title="Write keys could not be loaded" onRetry={() => void keys.refetch()} />
      ) : (
        <Paper variant="outlined">
          <TableContainer>
            <Table size="small" aria-label="Write keys">
              <TableHead>
                <TableRow>
                  <TableCell>Name</TableCell>
                  <TableCell>Key</TableCell>
                  <TableCell>Allowed origins</TableCell>
                  <TableCell>Created</TableCell>
                  <TableCell align="right">Actions</TableCell>
                </TableRow>
              </TableHead>
              {keys.isPending ? (
                <TableSkeleton columns={5} rows={2} />
              ) : (
                <TableBody>
                  {keys.data.map((key) => (
                    <TableRow key={key.id} selected={key.id === selected?.id}>
                      <TableCell>{key.name}</TableCell>
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>
                        <code>{key.key}</code>
                        <CopyButton value={key.key} label={`Copy the key ${key.name}`} />
                      </TableCell>
                      <TableCell>{key.allowedOrigins.length ? key.allowedOrigins.join(', ') : 'Any'}</TableCell>
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(key.createdAt)}</TableCell>
                      <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                        <Button size="small" onClick={() => setSelectedId(key.id)} aria-label={`Show the snippet for ${key.name}`}>
                          Snippet
                        </Button>
                        <Button color="error" size="small" onClick={() => setRevoking(key)} aria-label={`Revoke ${key.name}`}>
                          Revoke
                        </Button>
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              )}
            </Table>
          </TableContainer>
          {keys.data && keys.data.length === 0 ? (
            <EmptyState title="No write keys yet" description="Create one per site or app, then paste its snippet into the pages." />
          ) : null}
        </Paper>
      )}
      {selected ? <SnippetPanel writeKey={selected} /> : null}
      {creating ? (
        <NewWriteKeyDialog
          onClose={() => setCreating(false)}
          onCreated={(key) => {
            setCreating(false);
            setSelectedId(key.id);
            notify({ message: `Write key “${key.name}” created: copy its snippet below.` });
          }}
        />
      ) : null}
      <ConfirmDialog
        open={revoking !== null}
        title={`Revoke “${revoking?.name ?? ''}”?`}
        confirmLabel="Revoke key"
        destructive
        busy={revoke.isPending}
        error={revoke.error}
        onConfirm={() => revoking && revoke.mutate(revoking)}
        onClose={() => {
          revoke.reset();
          setRevoking(null);
        }}
      >
        Pages still carrying this key stop sending events at once (other nodes within 30 seconds). This cannot be undone.
      </ConfirmDialog>
    </Stack>
  );
}
