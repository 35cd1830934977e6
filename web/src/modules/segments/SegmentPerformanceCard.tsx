import { useQuery } from '@tanstack/react-query';
import { Box, Paper, Skeleton, Typography } from '@mui/material';
import { getSegmentPerformance } from '../../api/endpoints/segments';
import { queryKeys } from '../../api/queryKeys';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PERFORMANCE_ROWS } from './performance';

/** Members, reach per channel, what was sent to them and how they responded, what they spent. */
export function SegmentPerformanceCard({ segmentId }: { segmentId: string }) {
  const performance = useQuery({ queryKey: queryKeys.segmentPerformance(segmentId), queryFn: () => getSegmentPerformance(segmentId) });
  const data = performance.data;
  return (
    <Paper variant="outlined" sx={{ p: 2 }} aria-labelledby="segment-performance-title">
      <Typography variant="h3" component="h2" id="segment-performance-title" sx={{ mb: 1 }}>
        Performance
      </Typography>
      {performance.isError ? <ErrorAlert error={performance.error} title="Performance could not be loaded" onRetry={() => void performance.refetch()} /> : null}
      {performance.isPending ? <Skeleton variant="rounded" height={160} aria-label="Loading performance" /> : null}
      {data ? (
        <>
          <Box component="dl" sx={{ m: 0, display: 'grid', gridTemplateColumns: 'auto auto', columnGap: 2, rowGap: 0.5 }}>
            {PERFORMANCE_ROWS.map((row) => (
              <Box key={row.key} sx={{ display: 'contents' }}>
                <Typography component="dt" color="text.secondary">{row.label}</Typography>
                <Typography component="dd" sx={{ m: 0, textAlign: 'right' }} data-testid={`performance-${row.key}`}>{row.value(data)}</Typography>
              </Box>
            ))}
          </Box>
          {data.sent === 0 ? (
            <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
              Nothing has been sent to these members yet.
            </Typography>
          ) : null}
        </>
      ) : null}
    </Paper>
  );
}
