import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Chip,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
} from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import { listApiKeys, revokeApiKey } from '../../api/endpoints/settings';
import { queryKeys } from '../../api/queryKeys';
import type { ApiKey, ApiKeyCreated } from '../../api/types';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { StatusChip } from '../../components/StatusChip';
import { TableSkeleton } from '../../components/TableSkeleton';
import { useNotify } from '../../components/notifyContext';
import { formatDateTime, humanize } from '../../lib/format';
import { KeyCreatedDialog } from './KeyCreatedDialog';
import { NewApiKeyDialog } from './NewApiKeyDialog';

export function ApiKeysTab() {
  const queryClient = useQueryClient();
  const notify = useNotify();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<ApiKeyCreated | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const keys = useQuery({ queryKey: queryKeys.apiKeys, queryFn: listApiKeys });
  const revoke = useMutation({
    mutationFn: (key: ApiKey) => revokeApiKey(key.id),
    onSuccess: async (_, key) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.apiKeys });
      notify({ message: `Key “${key.name}” revoked.` });
      setRevoking(null);
    },
  });

  return (
    <Stack spacing={2}>
      <div>
        <Button variant="contained" startIcon={<AddIcon />} onClick={() => setCreating(true)}>
          New API key
        </Button>
      </div>
      {keys.isError ? (
        <ErrorAlert error={keys.error} title="API keys could not be loaded" onRetry={() => keys.refetch()} />
      ) : (
        <Paper variant="outlined">
          <TableContainer>
            <Table size="small" aria-label="API keys">
              <TableHead>
                <TableRow>
                  <TableCell>Name</TableCell>
                  <TableCell>Prefix</TableCell>
                  <TableCell>Role</TableCell>
                  <TableCell>Scopes</TableCell>
                  <TableCell>Created</TableCell>
                  <TableCell>Last used</TableCell>
                  <TableCell>Status</TableCell>
                  <TableCell align="right">Actions</TableCell>
                </TableRow>
              </TableHead>
              {keys.isPending ? (
                <TableSkeleton columns={8} rows={3} />
              ) : (
                <TableBody>
                  {keys.data.map((key) => (
                    <TableRow key={key.id}>
                      <TableCell>{key.name}</TableCell>
                      <TableCell>
                        <code>{key.prefix}…</code>
                      </TableCell>
                      <TableCell>{humanize(key.role)}</TableCell>
                      <TableCell>
                        <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5 }}>
                          {(key.scopes ?? []).map((scope) => (
                            <Chip key={scope} label={scope} size="small" variant="outlined" />
                          ))}
                        </Stack>
                      </TableCell>
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(key.createdAt)}</TableCell>
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>{key.lastUsedAt ? formatDateTime(key.lastUsedAt) : 'Never'}</TableCell>
                      <TableCell>
                        {key.revokedAt ? (
                          <StatusChip status="revoked" label={`Revoked ${formatDateTime(key.revokedAt)}`} />
                        ) : (
                          <StatusChip status="active" />
                        )}
                      </TableCell>
                      <TableCell align="right">
                        {key.revokedAt ? null : (
                          <Button color="error" size="small" onClick={() => setRevoking(key)} aria-label={`Revoke ${key.name}`}>
                            Revoke
                          </Button>
                        )}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              )}
            </Table>
          </TableContainer>
          {keys.data && keys.data.length === 0 ? <EmptyState title="No API keys yet" /> : null}
        </Paper>
      )}
      {creating ? (
        <NewApiKeyDialog
          onClose={() => setCreating(false)}
          onCreated={(result) => {
            setCreating(false);
            setCreated(result);
          }}
        />
      ) : null}
      {created ? <KeyCreatedDialog created={created} onClose={() => setCreated(null)} /> : null}
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
        Anything using this key stops working immediately. This cannot be undone.
      </ConfirmDialog>
    </Stack>
  );
}
