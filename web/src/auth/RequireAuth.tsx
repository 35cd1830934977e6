import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Box, Button, CircularProgress, Stack } from '@mui/material';
import { useAuth } from './authContext';
import { ErrorAlert } from '../components/ErrorAlert';

export function RequireAuth({ children }: { children: ReactNode }) {
  const auth = useAuth();
  const location = useLocation();

  if (!auth.isAuthenticated) {
    return <Navigate to="/login" replace state={{ from: location }} />;
  }
  if (auth.meLoading) {
    return (
      <Box sx={{ display: 'grid', placeItems: 'center', minHeight: '100vh' }}>
        <CircularProgress aria-label="Loading your session" />
      </Box>
    );
  }
  if (auth.meError || !auth.me) {
    return (
      <Stack spacing={2} sx={{ p: 4, maxWidth: 640, mx: 'auto' }}>
        <ErrorAlert error={auth.meError} title="Your session could not be loaded" onRetry={auth.refetchMe} />
        <Button variant="outlined" onClick={auth.logout}>
          Sign out
        </Button>
      </Stack>
    );
  }
  return <>{children}</>;
}
