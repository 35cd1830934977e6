import { useState } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { Box, Button, LinearProgress, TableCell, TableRow, Typography } from '@mui/material';
import { cancelBulkRun, listBulkRuns } from '../../api/endpoints/seo';
import { queryKeys } from '../../api/queryKeys';
import type { Page, SeoBulkRun } from '../../api/types';
import { useCan } from '../../auth/useCan';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { PagedTable } from '../../components/PagedTable';
import { StatusChip } from '../../components/StatusChip';
import { useNotify } from '../../components/notifyContext';
import { formatDateTime, formatNumber } from '../../lib/format';
import { applyParamChanges, positiveInt } from '../../lib/searchParams';
import { SeoTabs } from './SeoTabs';
import { formatEta, formatPagesPerSecond, progressPercent } from './seoFormat';

const KIND_LABELS: Record<SeoBulkRun['kind'], string> = { audit: 'Bulk audit', generate: 'Metadata generation', crawl: 'Crawl' };
const ACTIVE: readonly SeoBulkRun['state'][] = ['queued', 'running'];

export const isActiveRun = (run: SeoBulkRun) => ACTIVE.includes(run.state);

/** Poll every 2 s while any run on the page is queued or running. */
export function bulkRefetchInterval(data: Page<SeoBulkRun> | undefined): number | false {
  return data?.items.some(isActiveRun) ? 2000 : false;
}

/** /seo/jobs — bulk audits, metadata runs and crawls with their progress, rate and ETA; live while one runs. */
export function SeoJobsPage() {
  const [params, setParams] = useSearchParams();
  const page = positiveInt(params.get('page'), 1);
  const pageSize = positiveInt(params.get('pageSize'), 25, 100);
  const query = { page, pageSize };
  const can = useCan();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const runs = useQuery({
    queryKey: queryKeys.seoBulkRuns(query),
    queryFn: () => listBulkRuns(query),
    placeholderData: keepPreviousData,
    refetchInterval: (q) => bulkRefetchInterval(q.state.data),
  });
  const [cancelling, setCancelling] = useState<SeoBulkRun | null>(null);
  const cancel = useMutation({
    mutationFn: (id: string) => cancelBulkRun(id),
    onSuccess: () => {
      setCancelling(null);
      notify({ message: 'The run stops after the chunk in flight.' });
      void queryClient.invalidateQueries({ queryKey: queryKeys.seo });
    },
  });
  const update = (changes: Record<string, number>) => setParams((current) => applyParamChanges(current, changes, { page: 1, pageSize: 25 }), { replace: true });

  return (
    <>
      <PageHeader title="SEO bulk runs" subtitle="Bulk audits, metadata generation and crawls, newest first" />
      <SeoTabs />
      <PagedTable
        label="Bulk runs"
        query={runs}
        columns={[{ label: 'Run' }, { label: 'State' }, { label: 'Progress' }, { label: 'Rate', align: 'right' }, { label: 'ETA', align: 'right' }, { label: 'Started' }, { label: 'Actions', hiddenLabel: true }]}
        renderRow={(run: SeoBulkRun) => {
          const percent = progressPercent(run.done, run.failed, run.total);
          const label = `${KIND_LABELS[run.kind]} ${formatDateTime(run.createdAt)}`;
          return (
            <TableRow key={run.id}>
              <TableCell component="th" scope="row">
                {KIND_LABELS[run.kind]}
                {run.lastError ? (
                  <Typography variant="body2" color="error" sx={{ maxWidth: 280 }}>
                    {run.lastError}
                  </Typography>
                ) : null}
              </TableCell>
              <TableCell>
                <StatusChip status={run.state} />
              </TableCell>
              <TableCell sx={{ minWidth: 220 }}>
                <LinearProgress
                  variant={run.state === 'running' && run.total === 0 ? 'indeterminate' : 'determinate'}
                  value={percent}
                  aria-label={`${label} progress`}
                  color={run.state === 'dead' ? 'error' : run.failed > 0 ? 'warning' : 'primary'}
                  sx={{ height: 8, borderRadius: 4 }}
                />
                <Box sx={{ mt: 0.5, fontSize: 13, color: 'text.secondary' }}>
                  {formatNumber(run.done)} / {formatNumber(run.total)} done{run.failed ? ` · ${formatNumber(run.failed)} failed` : ''} · {percent}%
                </Box>
              </TableCell>
              <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                {formatPagesPerSecond(run.pagesPerSecond)}
              </TableCell>
              <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                {isActiveRun(run) ? formatEta(run.etaSeconds) : '—'}
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                {formatDateTime(run.startedAt ?? run.createdAt)}
                {run.finishedAt ? (
                  <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                    finished {formatDateTime(run.finishedAt)}
                  </Typography>
                ) : null}
              </TableCell>
              <TableCell align="right">
                {can('seo:write') && isActiveRun(run) ? (
                  <Button size="small" color="error" onClick={() => setCancelling(run)} aria-label={`Cancel ${label}`}>
                    Cancel
                  </Button>
                ) : null}
              </TableCell>
            </TableRow>
          );
        }}
        empty={<EmptyState title="No bulk runs yet" description="Select pages to audit or generate metadata for, or start a crawl." />}
        page={page}
        pageSize={pageSize}
        onPageChange={(next) => update({ page: next })}
        onPageSizeChange={(next) => update({ pageSize: next })}
      />
      {cancelling ? (
        <ConfirmDialog
          open
          title={`Cancel this ${KIND_LABELS[cancelling.kind].toLowerCase()}?`}
          confirmLabel="Cancel run"
          destructive
          busy={cancel.isPending}
          error={cancel.error}
          onConfirm={() => cancel.mutate(cancelling.id)}
          onClose={() => {
            cancel.reset();
            setCancelling(null);
          }}
        >
          {`It stops after the chunk in flight; the ${formatNumber(cancelling.done)} pages done so far keep their results.`}
        </ConfirmDialog>
      ) : null}
    </>
  );
}
