import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Box, Button, Chip, Skeleton } from '@mui/material';
import TuneIcon from '@mui/icons-material/Tune';
import { getBenchmarks } from '../../api/endpoints/analytics';
import { queryKeys } from '../../api/queryKeys';
import type { MetricRating } from '../../api/types';
import { useCan } from '../../auth/useCan';
import { ChartCard } from '../../components/ChartCard';
import type { DataColumn } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { humanize } from '../../lib/format';
import { keyLabel } from './analyticsLabels';
import { BandScale } from './BandScale';
import { BenchmarkBandsDialog } from './BenchmarkBandsDialog';
import { formatMetric, metricLabel, RATING_LABELS, ratingColor } from './benchmarkData';
import type { Period } from './period';

/** The channel's metrics in the period rated against its industry's bands (GET /benchmarks/{channel}); bands editable with analytics:manage. */
export function BenchmarksCard({ channel, period, currency }: { channel: string; period: Period; currency: string }) {
  const canManage = useCan()('analytics:manage');
  const [editing, setEditing] = useState(false);
  const query = { from: period.from, to: period.to };
  const benchmarks = useQuery({
    queryKey: queryKeys.benchmarks(channel, query),
    queryFn: () => getBenchmarks(channel, query),
    placeholderData: keepPreviousData,
  });
  if (benchmarks.isError) {
    return <ErrorAlert error={benchmarks.error} title="Benchmarks could not be loaded" onRetry={() => void benchmarks.refetch()} />;
  }
  if (!benchmarks.data) return <Skeleton variant="rounded" height={260} />;
  const view = benchmarks.data;
  const format = (m: MetricRating, value: number | null) => formatMetric(m.metric, value, currency);
  const threshold = (m: MetricRating, value: number) => `${m.bands.higherIsBetter ? '≥' : '≤'} ${format(m, value)}`;
  const columns: DataColumn<MetricRating>[] = [
    { label: 'Metric', value: (m) => m.metric, render: (m) => metricLabel(m.metric), rowHeader: true },
    { label: 'Value', value: (m) => m.value, render: (m) => format(m, m.value), align: 'right' },
    {
      label: 'Rating',
      value: (m) => m.rating,
      render: (m) =>
        m.rating ? <Chip size="small" color={ratingColor(m.rating)} label={RATING_LABELS[m.rating]} /> : <Chip size="small" label="No data" variant="outlined" />,
    },
    { label: 'Where it sits', value: () => null, render: (m) => <BandScale value={m.value} bands={m.bands} /> },
    { label: 'Average', value: (m) => m.bands.average, render: (m) => threshold(m, m.bands.average), align: 'right' },
    { label: 'Good', value: (m) => m.bands.good, render: (m) => threshold(m, m.bands.good), align: 'right' },
    { label: 'Excellent', value: (m) => m.bands.excellent, render: (m) => threshold(m, m.bands.excellent), align: 'right' },
    { label: 'Bands', value: (m) => (m.custom ? 'custom' : 'shipped'), render: (m) => (m.custom ? <Chip size="small" variant="outlined" label="Custom" /> : 'Shipped') },
  ];
  return (
    <Box sx={{ mb: 2 }}>
      <ChartCard
        title="Benchmarks"
        headingLevel="h2"
        description={`${keyLabel(channel)} against ${humanize(view.industry)} benchmarks; below average is poor${
          view.metrics.some((m) => !m.bands.higherIsBetter) ? ', and for costs (CPA, CAC) lower is better' : ''
        }.`}
        toolbar={
          canManage ? (
            <Button size="small" startIcon={<TuneIcon />} onClick={() => setEditing(true)}>
              Edit bands
            </Button>
          ) : null
        }
        columns={columns}
        rows={view.metrics}
        rowKey={(m) => m.metric}
        caption={`${keyLabel(channel)} benchmarks, ${view.from} to ${view.to}`}
        fileNameSuffix={`${channel} ${view.from} ${view.to}`}
      />
      {editing ? (
        <BenchmarkBandsDialog channel={channel} view={view} currency={currency} onClose={() => setEditing(false)} />
      ) : null}
    </Box>
  );
}
