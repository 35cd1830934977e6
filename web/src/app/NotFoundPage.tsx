import { Link as RouterLink } from 'react-router';
import { Button, Typography } from '@mui/material';
import { PageHeader } from '../components/PageHeader';

export function NotFoundPage() {
  return (
    <>
      <PageHeader title="Page not found" />
      <Typography sx={{ mb: 2 }}>There is no page at this address.</Typography>
      <Button component={RouterLink} to="/" variant="outlined">
        Go to the dashboard
      </Button>
    </>
  );
}
