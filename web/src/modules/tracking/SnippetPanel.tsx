import { Box, Paper, Stack, Typography } from '@mui/material';
import type { WriteKey } from '../../api/types';
import { CopyButton } from '../../components/CopyButton';

/** A key's snippet, to paste before </head> on every page of the site. */
export function SnippetPanel({ writeKey }: { writeKey: WriteKey }) {
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="snippet-heading">
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center' }}>
        <Typography variant="subtitle2" component="h3" id="snippet-heading">
          Snippet for “{writeKey.name}”
        </Typography>
        <CopyButton value={writeKey.snippet} label={`Copy the snippet for ${writeKey.name}`} />
      </Stack>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        Paste it on every page of the site: it sends a page view on load and lets the page call{' '}
        <code>brandhub.identify(email)</code> and <code>brandhub.track(type, …)</code>.
      </Typography>
      <Box
        component="pre"
        tabIndex={0}
        aria-label={`Snippet for ${writeKey.name}`}
        sx={{ m: 0, p: 1.5, bgcolor: 'action.hover', borderRadius: 1, fontSize: '0.8rem', overflow: 'auto', whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}
      >
        {writeKey.snippet}
      </Box>
    </Paper>
  );
}
