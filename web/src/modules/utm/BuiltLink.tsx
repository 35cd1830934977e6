import type { UseQueryResult } from '@tanstack/react-query';
import { Alert, Box, Paper, Stack, Typography } from '@mui/material';
import { isApiError, problemFieldErrors } from '../../api/problem';
import type { UtmLink } from '../../api/types';
import { CopyButton } from '../../components/CopyButton';

/** The tagged link once it is built, with a copy button; or why it could not be. */
export function BuiltLink({ link }: { link: UseQueryResult<UtmLink> }) {
  if (link.isError) {
    const fields = isApiError(link.error) ? problemFieldErrors(link.error.problem) : {};
    const message = Object.values(fields).join(' ') || (link.error instanceof Error ? link.error.message : String(link.error));
    return <Alert severity="error">The link could not be built: {message}</Alert>;
  }
  if (!link.data) return null;
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="built-link-heading">
      <Typography variant="subtitle2" component="h3" id="built-link-heading">
        Your link
      </Typography>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mt: 0.5 }}>
        <Box component="code" data-testid="built-link" sx={{ wordBreak: 'break-all', flex: 1 }}>
          {link.data.url}
        </Box>
        <CopyButton value={link.data.url} label="Copy the link" />
      </Stack>
    </Paper>
  );
}
