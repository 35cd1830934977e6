import { Link as RouterLink, useLocation } from 'react-router';
import { Box, Tab, Tabs } from '@mui/material';
import { useCan } from '../../auth/useCan';

const SECTIONS = [
  { path: '/seo', label: 'Overview' },
  { path: '/seo/pages', label: 'Pages' },
  { path: '/seo/jobs', label: 'Bulk runs' },
  { path: '/seo/sitemap', label: 'Sitemap' },
  { path: '/seo/crawl', label: 'Crawler', scope: 'seo:write' },
] as const;

function current(pathname: string): string {
  const match = [...SECTIONS].reverse().find((s) => pathname === s.path || pathname.startsWith(`${s.path}/`));
  return match?.path ?? '/seo';
}

/** The SEO section's pages, as links. */
export function SeoTabs() {
  const { pathname } = useLocation();
  const can = useCan();
  return (
    <Box component="nav" aria-label="SEO sections" sx={{ mb: 3, borderBottom: 1, borderColor: 'divider' }}>
      <Tabs value={current(pathname)} variant="scrollable" allowScrollButtonsMobile>
        {SECTIONS.filter((s) => !('scope' in s) || can(s.scope)).map((s) => (
          <Tab key={s.path} value={s.path} label={s.label} component={RouterLink} to={s.path} />
        ))}
      </Tabs>
    </Box>
  );
}
