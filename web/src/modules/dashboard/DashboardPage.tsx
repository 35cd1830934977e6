import { useAuth } from '../../auth/authContext';
import { useCan } from '../../auth/useCan';
import { PageHeader } from '../../components/PageHeader';
import { AudienceStats } from './AudienceStats';
import { WorkQueueStats } from './WorkQueueStats';

export function DashboardPage() {
  const { me } = useAuth();
  const can = useCan();
  return (
    <>
      <PageHeader title="Dashboard" subtitle={me ? `${me.tenant.name}` : undefined} />
      {can('contacts:read') ? (
        <>
          <AudienceStats />
          <WorkQueueStats />
        </>
      ) : null}
    </>
  );
}
