import { useQuery } from '@tanstack/react-query';
import { Box, Paper, Typography } from '@mui/material';
import { getSegmentPerformance } from '../../api/endpoints/segments';
import { queryKeys } from '../../api/queryKeys';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatNumber, humanize } from '../../lib/format';

/** Flattens the performance answer ({members, reach:{email…}, engagement:{…}, revenue}) into labelled numbers. */
export function performanceRows(value: unknown, prefix = ''): [string, string][] {
  if (value === null || value === undefined) return [];
  if (typeof value === 'number') return [[prefix, formatNumber(Math.round(value * 100) / 100)]];
  if (typeof value === 'string' || typeof value === 'boolean') return [[prefix, String(value)]];
  if (Array.isArray(value)) return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) =>
    performanceRows(inner, prefix ? `${prefix} · ${humanize(key)}` : humanize(key)),
  );
}

export function SegmentPerformanceCard({ segmentId }: { segmentId: string }) {
  const performance = useQuery({ queryKey: queryKeys.segmentPerformance(segmentId), queryFn: () => getSegmentPerformance(segmentId) });
  return (
    <Paper variant="outlined" sx={{ p: 2 }} aria-labelledby="segment-performance-title">
      <Typography variant="h3" component="h2" id="segment-performance-title" sx={{ mb: 1 }}>
        Performance
      </Typography>
      {performance.isError ? <ErrorAlert error={performance.error} title="Performance could not be loaded" onRetry={() => void performance.refetch()} /> : null}
      {performance.isPending ? <Typography color="text.secondary">Loading…</Typography> : null}
      {performance.data ? (
        <Box component="dl" sx={{ m: 0, display: 'grid', gridTemplateColumns: 'auto auto', columnGap: 2, rowGap: 0.5 }}>
          {performanceRows(performance.data).map(([label, value]) => (
            <Box key={label} sx={{ display: 'contents' }}>
              <Typography component="dt" color="text.secondary">{label}</Typography>
              <Typography component="dd" sx={{ m: 0, textAlign: 'right' }}>{value}</Typography>
            </Box>
          ))}
        </Box>
      ) : null}
    </Paper>
  );
}
