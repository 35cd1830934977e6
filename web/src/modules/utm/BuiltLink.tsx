import type { UseQueryResult } from '@tanstack/react-query';
import { Alert, Box, Paper, Stack, Typography } from '@mui/material';
import { isApiError, problemFieldErrors } from '../../api/problem';
import type { UtmLink } from '../../api/types';
import { CopyButton } from '../../components/CopyButton';
import { ShortLinkClicks } from './ShortLinkClicks';
import { shortLinkCode } from './utmForm';

/** The tagged link once it is built (and its short tracked link when asked for), each with a copy button; or why it could not be. */
export function BuiltLink({ link }: { link: UseQueryResult<UtmLink> }) {
  if (link.isError) {
    const fields = isApiError(link.error) ? problemFieldErrors(link.error.problem) : {};
    const message = Object.values(fields).join(' ') || (link.error instanceof Error ? link.error.message : String(link.error));
    return <Alert severity="error">The link could not be built: {message}</Alert>;
  }
  if (!link.data) return null;
  const { url, shortUrl } = link.data;
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="built-link-heading">
      <Typography variant="subtitle2" component="h3" id="built-link-heading">
        Your link
      </Typography>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mt: 0.5 }}>
        <Box component="code" data-testid="built-link" sx={{ wordBreak: 'break-all', flex: 1 }}>
          {url}
        </Box>
        <CopyButton value={url} label="Copy the link" />
      </Stack>
      {shortUrl ? (
        <>
          <Typography variant="subtitle2" component="h3" sx={{ mt: 2 }}>
            Short tracked link
          </Typography>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mt: 0.5 }}>
            <Box component="code" data-testid="short-link" sx={{ wordBreak: 'break-all', flex: 1 }}>
              {shortUrl}
            </Box>
            <CopyButton value={shortUrl} label="Copy the short link" />
          </Stack>
          <ShortLinkClicks code={shortLinkCode(shortUrl)} />
        </>
      ) : null}
    </Paper>
  );
}
