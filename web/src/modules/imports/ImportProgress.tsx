import { useEffect, useRef } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Box, LinearProgress, Stack, Typography } from '@mui/material';
import { getImport } from '../../api/endpoints/imports';
import { queryKeys } from '../../api/queryKeys';
import type { ContactImport } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { StatusChip } from '../../components/StatusChip';
import { formatDateTime, formatNumber } from '../../lib/format';
import { ImportCounts } from './ImportCounts';
import { ImportErrorsTable } from './ImportErrorsTable';

export function isFinished(record: ContactImport | undefined): boolean {
  return record?.status === 'completed' || record?.status === 'failed';
}

export function progressPercent(record: ContactImport): number {
  if (record.status === 'completed') return 100;
  if (!record.totalRows) return 0;
  return Math.min(100, Math.round((record.processedRows / record.totalRows) * 100));
}

function statusText(record: ContactImport): string {
  switch (record.status) {
    case 'queued':
      return 'Waiting to start…';
    case 'running':
      return `Processing: ${formatNumber(record.processedRows)} of ${formatNumber(record.totalRows)} rows`;
    case 'completed':
      return 'Import completed';
    case 'failed':
      return `Import failed${record.error ? `: ${record.error}` : ''}`;
  }
}

/** Polls the import every second until it completes or fails. */
export function ImportProgress({ importId, initial }: { importId: string; initial?: ContactImport }) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: queryKeys.importDetail(importId),
    queryFn: () => getImport(importId),
    initialData: initial,
    refetchInterval: (q) => (isFinished(q.state.data) ? false : 1000),
    refetchIntervalInBackground: true,
  });
  const record = query.data;
  const finished = isFinished(record);
  const wasFinished = useRef(finished);

  // When the import finishes, cached contact lists are out of date.
  useEffect(() => {
    if (finished && !wasFinished.current) {
      void queryClient.invalidateQueries({ queryKey: ['contacts'] });
      void queryClient.invalidateQueries({ queryKey: ['imports', 'list'] });
    }
    wasFinished.current = finished;
  }, [finished, queryClient]);

  if (query.isError && !record) {
    return <ErrorAlert error={query.error} title="The import could not be loaded" onRetry={() => query.refetch()} />;
  }
  if (!record) return <LinearProgress aria-label="Loading import" />;

  const percent = progressPercent(record);
  const indeterminate = record.status === 'queued' || (record.status === 'running' && !record.totalRows);
  return (
    <Stack spacing={3}>
      <Box>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
          <StatusChip status={record.status} />
          <Typography variant="body2" color="text.secondary">
            {record.fileName} · started {formatDateTime(record.startedAt ?? record.createdAt)}
            {record.finishedAt ? ` · finished ${formatDateTime(record.finishedAt)}` : ''}
          </Typography>
        </Stack>
        <LinearProgress
          variant={indeterminate ? 'indeterminate' : 'determinate'}
          value={percent}
          color={record.status === 'failed' ? 'error' : record.status === 'completed' ? 'success' : 'primary'}
          aria-label="Import progress"
          aria-valuetext={indeterminate ? 'Waiting to start' : `${percent}% — ${formatNumber(record.processedRows)} of ${formatNumber(record.totalRows)} rows`}
          sx={{ height: 10, borderRadius: 5 }}
        />
        <Box aria-live="polite" role="status" sx={{ mt: 1 }}>
          {record.status === 'failed' ? (
            <Alert severity="error">{statusText(record)}</Alert>
          ) : (
            <Typography sx={{ fontWeight: record.status === 'completed' ? 600 : undefined }}>
              {statusText(record)}
            </Typography>
          )}
        </Box>
        {query.isError ? (
          <Typography color="error" variant="body2">
            Lost contact with the server; retrying…
          </Typography>
        ) : null}
      </Box>
      <ImportCounts record={record} />
      {finished && record.failed > 0 ? <ImportErrorsTable importId={importId} /> : null}
    </Stack>
  );
}
