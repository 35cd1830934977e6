import { useId } from 'react';
import { Box, Paper, Typography } from '@mui/material';
import { SERP_DESCRIPTION_MAX, SERP_TITLE_MAX, serpBreadcrumb, truncateSerp } from './seoFormat';

interface Props {
  title: string;
  description: string;
  url: string;
}

/** How the page might show in search results: the title and description cut where results cut them. */
export function SerpPreview({ title, description, url }: Props) {
  const id = useId();
  return (
    <Box component="section" aria-labelledby={id}>
      <Typography variant="subtitle2" component="h3" id={id} sx={{ mb: 1 }}>
        Search result preview
      </Typography>
      <Paper variant="outlined" sx={{ p: 2, maxWidth: 640, fontFamily: 'Arial, sans-serif' }} data-testid="serp-preview">
        <Typography variant="body2" sx={{ color: 'text.secondary', fontSize: 13 }} noWrap>
          {serpBreadcrumb(url)}
        </Typography>
        <Typography sx={{ color: '#1a0dab', fontSize: 20, lineHeight: 1.3, mt: 0.5 }} data-testid="serp-title">
          {title ? truncateSerp(title, SERP_TITLE_MAX) : 'No title'}
        </Typography>
        <Typography variant="body2" sx={{ color: 'text.secondary', mt: 0.5, fontSize: 14 }} data-testid="serp-description">
          {description ? truncateSerp(description, SERP_DESCRIPTION_MAX) : 'No description: search engines pick text from the page.'}
        </Typography>
      </Paper>
    </Box>
  );
}
