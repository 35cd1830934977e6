import { useId } from 'react';
import { Box, LinearProgress, Skeleton, Typography } from '@mui/material';
import { ErrorAlert } from '../../components/ErrorAlert';
import { EfficiencyTrendChart } from './EfficiencyTrendChart';
import { FunnelCard } from './FunnelCard';
import { InsightsSection } from './InsightsSection';
import { isEmptyPeriod } from './dashboardData';
import { KpiCards } from './KpiCards';
import { NoConversionsState } from './NoConversionsState';
import type { Period } from './period';
import { PeriodPicker } from './PeriodPicker';
import { ReportingNote } from './ReportingNote';
import { RevenueByChannelChart } from './RevenueByChannelChart';
import { RevenueTrendChart } from './RevenueTrendChart';
import { RoasByChannelChart } from './RoasByChannelChart';
import { SegmentConversionsCard } from './SegmentConversionsCard';
import { TopCampaignsCard } from './TopCampaignsCard';
import { useDashboard } from './useDashboard';

interface Props {
  period: Period;
  onPeriodChange: (period: Period) => void;
  /** The query string to keep on links to channel views. */
  search: string;
  /** One channel's ROI view; all channels when absent. */
  channel?: string;
}

/** The Brand Manager's numbers for a period: KPI cards, channels, trends and top campaigns. */
export function AnalyticsOverview({ period, onPeriodChange, search, channel }: Props) {
  const dashboard = useDashboard(period, channel);
  const view = dashboard.data;
  const suffix = `${channel ?? ''} ${period.from} ${period.to}`;
  const headingId = useId();
  return (
    <Box component="section" aria-labelledby={headingId} sx={{ mb: 4 }}>
      <Typography variant="h2" id={headingId} sx={{ mb: 2 }}>
        {channel ? 'Performance' : 'Marketing performance'}
      </Typography>
      <PeriodPicker
        period={period}
        onChange={onPeriodChange}
        comparison={view ? { from: view.previousFrom, to: view.previousTo } : undefined}
      />
      {dashboard.isError ? (
        <ErrorAlert error={dashboard.error} title="The numbers could not be loaded" onRetry={() => void dashboard.refetch()} />
      ) : null}
      {dashboard.isFetching && view ? <LinearProgress aria-label="Refreshing the numbers" sx={{ mb: 1 }} /> : null}
      {view ? <ReportingNote model={view.model} lookbackDays={view.lookbackDays} rolledUpAt={view.rolledUpAt} /> : null}
      {view && !channel ? <InsightsSection period={period} currency={view.currency} /> : null}
      {dashboard.isPending ? (
        <>
          <KpiCards totals={undefined} currency="" detailed={Boolean(channel)} />
          <Skeleton variant="rounded" height={300} />
        </>
      ) : null}
      {view && isEmptyPeriod(view) ? <NoConversionsState /> : null}
      {view && !isEmptyPeriod(view) ? (
        <>
          <KpiCards totals={view.totals} currency={view.currency} detailed={Boolean(channel)} />
          <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' }, mb: 2 }}>
            {channel ? null : (
              <>
                <RevenueByChannelChart channels={view.channels} currency={view.currency} search={search} fileNameSuffix={suffix} />
                <RoasByChannelChart channels={view.channels} currency={view.currency} search={search} fileNameSuffix={suffix} />
              </>
            )}
            <RevenueTrendChart daily={view.daily} currency={view.currency} fileNameSuffix={suffix} />
            <EfficiencyTrendChart daily={view.daily} currency={view.currency} fileNameSuffix={suffix} />
          </Box>
          <TopCampaignsCard campaigns={view.topCampaigns} currency={view.currency} fileNameSuffix={suffix} />
          {!channel ? (
            <Box sx={{ mt: 2 }}>
              <SegmentConversionsCard segments={view.segments} currency={view.currency} fileNameSuffix={suffix} />
            </Box>
          ) : null}
          {channel ? null : (
            <Box sx={{ mt: 2 }}>
              <FunnelCard period={period} fileNameSuffix={suffix} />
            </Box>
          )}
        </>
      ) : null}
    </Box>
  );
}
