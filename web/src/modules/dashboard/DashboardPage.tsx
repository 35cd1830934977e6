import { useAuth } from '../../auth/authContext';
import { useCan } from '../../auth/useCan';
import { PageHeader } from '../../components/PageHeader';
import { AnalyticsOverview } from '../analytics/AnalyticsOverview';
import { usePeriodParams } from '../analytics/usePeriodParams';
import { AudienceStats } from './AudienceStats';
import { WorkQueueStats } from './WorkQueueStats';

export function DashboardPage() {
  const { me } = useAuth();
  const can = useCan();
  const { period, setPeriod, search } = usePeriodParams();
  return (
    <>
      <PageHeader title="Dashboard" subtitle={me ? `${me.tenant.name}` : undefined} />
      {can('analytics:read') ? <AnalyticsOverview period={period} onPeriodChange={setPeriod} search={search} /> : null}
      {can('contacts:read') ? (
        <>
          <AudienceStats />
          <WorkQueueStats />
        </>
      ) : null}
    </>
  );
}
