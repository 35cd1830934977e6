import { Link as RouterLink, useParams } from 'react-router';
import { Alert, Button } from '@mui/material';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import { TOUCH_CHANNELS } from '../../api/types';
import { PageHeader } from '../../components/PageHeader';
import { keyLabel } from './analyticsLabels';
import { AnalyticsOverview } from './AnalyticsOverview';
import { BenchmarksCard } from './BenchmarksCard';
import { useDashboard } from './useDashboard';
import type { Period } from './period';
import { usePeriodParams } from './usePeriodParams';

/** /analytics/channels/:channel — one channel's revenue, spend, ROI, ROAS, CPA and CAC, its days and its campaigns. */
export function ChannelRoiPage() {
  const { channel = '' } = useParams();
  const { period, setPeriod, search } = usePeriodParams();
  const known = (TOUCH_CHANNELS as readonly string[]).includes(channel);
  return (
    <>
      <PageHeader
        title={`${keyLabel(channel)} ROI`}
        subtitle="Revenue credited to the channel, its spend and what each unit of spend returned"
        actions={
          <Button component={RouterLink} to={`/${search}`} startIcon={<ArrowBackIcon />}>
            All channels
          </Button>
        }
      />
      {known ? (
        <>
          <AnalyticsOverview period={period} onPeriodChange={setPeriod} search={search} channel={channel} />
          <ChannelBenchmarks channel={channel} period={period} />
        </>
      ) : (
        <Alert severity="warning">“{channel}” is not a channel BrandHub classifies visits into.</Alert>
      )}
    </>
  );
}

/** The benchmarks, in the currency of the channel's numbers (the same cached query as the overview's). */
function ChannelBenchmarks({ channel, period }: { channel: string; period: Period }) {
  const dashboard = useDashboard(period, channel);
  return dashboard.data ? <BenchmarksCard channel={channel} period={period} currency={dashboard.data.currency} /> : null;
}
