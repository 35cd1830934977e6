import { useQuery } from '@tanstack/react-query';
import { Button, Stack, Typography } from '@mui/material';
import RefreshIcon from '@mui/icons-material/Refresh';
import { getShortLink } from '../../api/endpoints/utm';
import { queryKeys } from '../../api/queryKeys';
import { formatDateTime, formatNumber } from '../../lib/format';

/** How often a short link was clicked (GET /utm/links/{code}), refreshed on demand. */
export function ShortLinkClicks({ code }: { code: string }) {
  const link = useQuery({ queryKey: queryKeys.shortLink(code), queryFn: () => getShortLink(code), enabled: code !== '' });
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mt: 0.5 }}>
      <Typography variant="body2" color="text.secondary" data-testid="short-link-clicks" aria-live="polite">
        {link.isError
          ? 'Clicks could not be loaded.'
          : link.data
            ? `${formatNumber(link.data.clicks)} ${link.data.clicks === 1 ? 'click' : 'clicks'}${link.data.lastClickedAt ? `, last ${formatDateTime(link.data.lastClickedAt)}` : ''}`
            : 'Loading clicks…'}
      </Typography>
      <Button size="small" startIcon={<RefreshIcon />} onClick={() => void link.refetch()} disabled={link.isFetching}>
        Refresh clicks
      </Button>
    </Stack>
  );
}
