import type { ReactNode } from 'react';
import { Box, Stack, Typography } from '@mui/material';

interface EmptyStateProps {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
}

export function EmptyState({ title, description, actions }: EmptyStateProps) {
  return (
    <Box sx={{ py: 6, px: 2, textAlign: 'center' }} role="status">
      <Typography variant="h3" component="p">
        {title}
      </Typography>
      {description ? (
        <Typography color="text.secondary" sx={{ mt: 1 }}>
          {description}
        </Typography>
      ) : null}
      {actions ? (
        <Stack direction="row" spacing={1} sx={{ mt: 2, justifyContent: 'center' }}>
          {actions}
        </Stack>
      ) : null}
    </Box>
  );
}
