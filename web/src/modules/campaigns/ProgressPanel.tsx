import { useQuery } from '@tanstack/react-query';
import { Alert, Box, LinearProgress, Paper, Stack, Typography } from '@mui/material';
import { getCampaignAlerts, getCampaignProgress } from '../../api/endpoints/campaigns';
import { queryKeys } from '../../api/queryKeys';
import type { CampaignStatus } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime, formatNumber, humanize } from '../../lib/format';

export const PROGRESS_REFRESH_MS = 2000;

/** Live progress: polled every 2 s while the campaign runs. */
export function ProgressPanel({ campaignId, status }: { campaignId: string; status: CampaignStatus }) {
  const live = status === 'running';
  const progress = useQuery({
    queryKey: queryKeys.campaignProgress(campaignId),
    queryFn: () => getCampaignProgress(campaignId),
    refetchInterval: (q) => (live || q.state.data?.status === 'running' ? PROGRESS_REFRESH_MS : false),
  });
  const alerts = useQuery({
    queryKey: queryKeys.campaignAlerts(campaignId),
    queryFn: () => getCampaignAlerts(campaignId),
    refetchInterval: live ? PROGRESS_REFRESH_MS : false,
  });
  if (progress.isError) return <ErrorAlert error={progress.error} title="Progress could not be loaded" onRetry={() => void progress.refetch()} />;
  const p = progress.data;
  const numbers: [string, number][] = p
    ? [
        ['Audience', p.audience],
        ['Queued', p.queued],
        ['Waiting', p.waiting],
        ['Sent', p.sent],
        ['Suppressed', p.suppressed],
        ['Failed', p.failed],
      ]
    : [];
  const done = p && p.audience > 0 ? Math.min(100, ((p.sent + p.failed + p.suppressed) / p.audience) * 100) : 0;
  return (
    <Paper variant="outlined" sx={{ p: 2 }} aria-labelledby="progress-title">
      <Stack direction="row" sx={{ alignItems: 'baseline', justifyContent: 'space-between' }}>
        <Typography variant="h3" component="h2" id="progress-title">
          Progress
        </Typography>
        {live ? <Typography variant="caption" color="text.secondary">Refreshing every 2 s</Typography> : null}
      </Stack>
      {!p ? (
        <Typography color="text.secondary">Loading…</Typography>
      ) : (
        <Stack spacing={2} sx={{ mt: 1 }} aria-live="polite">
          <LinearProgress variant="determinate" value={done} aria-label={`Processed ${done.toFixed(0)} % of the audience`} />
          <Box sx={{ display: 'grid', gridTemplateColumns: { xs: 'repeat(2, 1fr)', sm: 'repeat(6, 1fr)' }, gap: 2 }}>
            {numbers.map(([label, value]) => (
              <Box key={label}>
                <Typography variant="caption" color="text.secondary">{label}</Typography>
                <Typography variant="h3" component="p" data-testid={`progress-${label.toLowerCase()}`}>{formatNumber(value)}</Typography>
              </Box>
            ))}
          </Box>
          {Object.keys(p.suppressedByReason).length > 0 ? (
            <Typography variant="body2">
              Suppressed by reason:{' '}
              {Object.entries(p.suppressedByReason)
                .map(([reason, count]) => `${humanize(reason)} ${formatNumber(count)}`)
                .join(' · ')}
            </Typography>
          ) : null}
          <Typography variant="body2">
            Budget: {formatNumber(p.committed)} committed
            {p.budget !== null ? ` of ${formatNumber(p.budget)}` : ' (no limit)'}
          </Typography>
          {p.budget !== null && p.budget > 0 ? (
            <LinearProgress variant="determinate" color={p.committed >= p.budget ? 'error' : 'primary'} value={Math.min(100, (p.committed / p.budget) * 100)} aria-label="Budget committed" />
          ) : null}
          {p.pausedReason ? <Alert severity="warning">Paused: {humanize(p.pausedReason)}</Alert> : null}
          {p.runs.length > 0 ? (
            <Typography variant="body2" color="text.secondary">
              {p.runs.length} runs; last launched {formatDateTime(p.runs[p.runs.length - 1].launchedAt)}
            </Typography>
          ) : null}
        </Stack>
      )}
      {alerts.data && alerts.data.length > 0 ? (
        <Stack spacing={1} sx={{ mt: 2 }} aria-label="Alerts">
          {alerts.data.map((alert) => (
            <Alert key={alert.id} severity="warning">
              {formatDateTime(alert.createdAt)} · {humanize(alert.kind)}: {alert.message}
            </Alert>
          ))}
        </Stack>
      ) : null}
    </Paper>
  );
}
