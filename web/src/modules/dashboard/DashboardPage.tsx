import { Box, Typography } from '@mui/material';
import { useAuth } from '../../auth/authContext';
import { useCan } from '../../auth/useCan';
import { NotBuiltPanel } from '../../components/NotBuiltPanel';
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
      <Box component="section" aria-labelledby="performance-heading">
        <Typography variant="h2" id="performance-heading" sx={{ mb: 2 }}>
          Performance
        </Typography>
        <NotBuiltPanel
          module="Revenue by channel, conversions by segment, CAC / ROAS, top campaigns and anomaly alerts"
          description="these need the campaigns, tracking and analytics modules"
        />
      </Box>
    </>
  );
}
