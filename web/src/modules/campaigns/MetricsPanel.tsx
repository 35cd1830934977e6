import { useMutation, useQuery } from '@tanstack/react-query';
import { Box, Button, LinearProgress, Paper, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { downloadCampaignReport, getCampaignFunnel, getCampaignMetrics } from '../../api/endpoints/campaigns';
import { queryKeys } from '../../api/queryKeys';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useNotify } from '../../components/notifyContext';
import { errorMessage } from '../../api/problem';
import { saveFile } from '../../lib/download';
import { formatNumber, humanize } from '../../lib/format';

const pct = (rate: number | undefined) => (rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`);
const COLUMNS = ['Audience', 'Sent', 'Delivered', 'Opened', 'Clicked', 'Unsubscribed', 'Bounced', 'Complained', 'Failed', 'Suppressed', 'Cost', 'Open rate', 'Click rate'];

export function MetricsPanel({ campaignId, live }: { campaignId: string; live: boolean }) {
  const notify = useNotify();
  const metrics = useQuery({ queryKey: queryKeys.campaignMetrics(campaignId), queryFn: () => getCampaignMetrics(campaignId), refetchInterval: live ? 5000 : false });
  const funnel = useQuery({ queryKey: queryKeys.campaignFunnel(campaignId), queryFn: () => getCampaignFunnel(campaignId), refetchInterval: live ? 5000 : false });
  const download = useMutation({
    mutationFn: () => downloadCampaignReport(campaignId, 'csv'),
    onSuccess: saveFile,
    onError: (error) => notify({ message: `Download failed: ${errorMessage(error)}`, severity: 'error', retry: () => download.mutate() }),
  });
  return (
    <Stack spacing={3}>
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center' }}>
        <Typography variant="h3" component="h2">Per step and variant</Typography>
        <Button startIcon={<DownloadIcon />} onClick={() => download.mutate()} disabled={download.isPending}>
          Download CSV report
        </Button>
      </Stack>
      {metrics.isError ? <ErrorAlert error={metrics.error} title="Metrics could not be loaded" onRetry={() => void metrics.refetch()} /> : null}
      {metrics.data ? (
        metrics.data.length === 0 ? (
          <EmptyState title="No metrics yet" description="Numbers appear once the campaign sends." />
        ) : (
          <Paper variant="outlined">
            <TableContainer>
              <Table size="small" aria-label="Metrics per step and variant">
                <TableHead>
                  <TableRow>
                    <TableCell>Step</TableCell>
                    <TableCell>Variant</TableCell>
                    {COLUMNS.map((c) => <TableCell key={c} align="right">{c}</TableCell>)}
                  </TableRow>
                </TableHead>
                <TableBody>
                  {metrics.data.map((row) => (
                    <TableRow key={`${row.stepId}-${row.variantId ?? 'holdout'}`}>
                      <TableCell>{row.stepName}</TableCell>
                      <TableCell>{row.variant}</TableCell>
                      {[row.audience, row.sent, row.delivered, row.opened, row.clicked, row.unsubscribed, row.bounced, row.complained, row.failed, row.suppressed].map((n, i) => (
                        <TableCell key={i} align="right">{formatNumber(n)}</TableCell>
                      ))}
                      <TableCell align="right">{row.cost.toFixed(2)}</TableCell>
                      <TableCell align="right">{pct(row.openRate)}</TableCell>
                      <TableCell align="right">{pct(row.clickRate)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </TableContainer>
          </Paper>
        )
      ) : null}
      <Typography variant="h3" component="h2">Funnel</Typography>
      {funnel.isError ? <ErrorAlert error={funnel.error} title="The funnel could not be loaded" onRetry={() => void funnel.refetch()} /> : null}
      {funnel.data ? (
        <Stack spacing={1.5} aria-label="Funnel">
          {funnel.data.map((stage) => (
            <Box key={stage.stage}>
              <Stack direction="row" sx={{ justifyContent: 'space-between' }}>
                <Typography variant="body2">{humanize(stage.stage)}</Typography>
                <Typography variant="body2">
                  {formatNumber(stage.count)} · {(stage.ofAudience * 100).toFixed(1)}%
                </Typography>
              </Stack>
              <LinearProgress variant="determinate" value={Math.min(100, stage.ofAudience * 100)} aria-label={`${humanize(stage.stage)}: ${(stage.ofAudience * 100).toFixed(1)} % of the audience`} sx={{ height: 10, borderRadius: 1 }} />
            </Box>
          ))}
        </Stack>
      ) : null}
    </Stack>
  );
}
