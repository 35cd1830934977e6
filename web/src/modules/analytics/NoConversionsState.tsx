import { Link as RouterLink } from 'react-router';
import { Button } from '@mui/material';
import { EmptyState } from '../../components/EmptyState';

/** Nothing tracked in the period: point to the tracking snippet. */
export function NoConversionsState({ title = 'No tracked conversions in this period' }: { title?: string }) {
  return (
    <EmptyState
      title={title}
      description="Add the tracking snippet to your site (or send events from your ERP) and import your ad spend: revenue, spend and ROAS appear here as soon as they arrive."
      actions={
        <>
          <Button component={RouterLink} to="/analytics/tracking" variant="contained">
            Set up tracking
          </Button>
          <Button component={RouterLink} to="/analytics/costs">
            Import costs
          </Button>
        </>
      }
    />
  );
}
