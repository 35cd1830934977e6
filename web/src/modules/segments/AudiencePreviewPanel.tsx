import { Alert, Box, LinearProgress, List, ListItem, Paper, Stack, Typography } from '@mui/material';
import { errorMessage, isApiError } from '../../api/problem';
import { REACH_CHANNELS } from '../../api/types';
import { contactDisplayName, formatNumber } from '../../lib/format';
import { channelLabel } from './performance';
import type { useAudiencePreview } from './useAudiencePreview';

interface Props {
  preview: ReturnType<typeof useAudiencePreview>;
  /** Shown before there is anything to preview. */
  idleText: string;
  /** Whether to render the error here (the segment builder puts criteria errors on the conditions instead). */
  showError?: boolean;
}

/** Live audience size, reach per channel and a sample of members. */
export function AudiencePreviewPanel({ preview, idleText, showError = true }: Props) {
  const data = preview.data;
  const busy = preview.isFetching || preview.settling;
  return (
    <Paper variant="outlined" sx={{ p: 2 }} aria-labelledby="audience-preview-title">
      <Typography variant="h3" component="h2" id="audience-preview-title">
        Audience
      </Typography>
      <Box sx={{ height: 4, my: 1 }}>{busy ? <LinearProgress aria-label="Updating the audience size" /> : null}</Box>
      {preview.isError && showError ? (
        <Alert severity="error">
          {isApiError(preview.error) && (preview.error.status === 404 || preview.error.status === 405)
            ? 'The audience preview is not available on this server yet.'
            : `The audience could not be counted: ${errorMessage(preview.error)}`}
        </Alert>
      ) : null}
      {!data && !preview.isError ? <Typography color="text.secondary">{preview.isFetching ? 'Counting…' : idleText}</Typography> : null}
      {data ? (
        <Stack spacing={1} aria-live="polite" sx={{ opacity: preview.isError ? 0.5 : 1 }}>
          <Typography>
            <Box component="span" sx={{ fontSize: '2rem', fontWeight: 600 }} data-testid="audience-size">
              {formatNumber(data.size)}
            </Box>{' '}
            {data.size === 1 ? 'contact' : 'contacts'}
          </Typography>
          <Box component="dl" sx={{ m: 0, display: 'grid', gridTemplateColumns: 'auto auto', columnGap: 2, rowGap: 0.5 }}>
            {REACH_CHANNELS.map((channel) => (
              <Box key={channel} sx={{ display: 'contents' }}>
                <Typography component="dt" color="text.secondary">
                  Reachable by {channelLabel(channel)}
                </Typography>
                <Typography component="dd" sx={{ m: 0, textAlign: 'right' }}>
                  {formatNumber(data.reach[channel])}
                </Typography>
              </Box>
            ))}
          </Box>
          {data.sample.length > 0 ? (
            <>
              <Typography variant="subtitle2" component="h3">
                Sample
              </Typography>
              <List dense disablePadding aria-label="Sample members">
                {data.sample.map((member) => (
                  <ListItem key={member.id} disableGutters>
                    {contactDisplayName(member)}
                    {member.email && contactDisplayName(member) !== member.email ? ` · ${member.email}` : ''}
                  </ListItem>
                ))}
              </List>
            </>
          ) : null}
        </Stack>
      ) : null}
    </Paper>
  );
}
