import { useId, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Box, FormControlLabel, Skeleton, Stack, Switch, Typography } from '@mui/material';
import CheckCircleOutlineIcon from '@mui/icons-material/CheckCircleOutlined';
import { getInsights } from '../../api/endpoints/analytics';
import { queryKeys } from '../../api/queryKeys';
import { ErrorAlert } from '../../components/ErrorAlert';
import { InsightCard } from './InsightCard';
import { countBySeverity } from './insightsData';
import type { Period } from './period';

/** What deserves attention in the period (GET /insights): one card per insight, most severe first. */
export function InsightsSection({ period, currency }: { period: Period; currency: string }) {
  const headingId = useId();
  const [all, setAll] = useState(false);
  const query = { from: period.from, to: period.to, ...(all ? { all: true } : {}) };
  const insights = useQuery({ queryKey: queryKeys.insights(query), queryFn: () => getInsights(query), placeholderData: keepPreviousData });
  const items = insights.data?.items ?? [];
  const counts = countBySeverity(items);
  return (
    <Box component="section" aria-labelledby={headingId} sx={{ mb: 3 }}>
      <Stack direction="row" sx={{ mb: 1, alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap' }}>
        <Typography variant="h3" component="h2" id={headingId}>
          Insights
        </Typography>
        <FormControlLabel control={<Switch checked={all} onChange={(event) => setAll(event.target.checked)} />} label="Show dismissed and done" />
      </Stack>
      {insights.isError ? (
        <ErrorAlert error={insights.error} title="Insights could not be loaded" onRetry={() => void insights.refetch()} />
      ) : null}
      {insights.isPending ? <Skeleton variant="rounded" height={120} /> : null}
      {insights.data && items.length === 0 ? (
        <Alert severity="success" icon={<CheckCircleOutlineIcon />} role="status">
          Nothing unusual in this period
        </Alert>
      ) : null}
      {items.length > 0 ? (
        <>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {[
              counts.critical ? `${counts.critical} critical` : '',
              counts.warning ? `${counts.warning} ${counts.warning === 1 ? 'warning' : 'warnings'}` : '',
              counts.info ? `${counts.info} for information` : '',
            ]
              .filter(Boolean)
              .join(' · ')}
          </Typography>
          <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr', xl: '1fr 1fr 1fr' } }}>
            {items.map((insight, index) => (
              <InsightCard key={insight.key ?? index} insight={insight} currency={currency} />
            ))}
          </Box>
        </>
      ) : null}
    </Box>
  );
}
