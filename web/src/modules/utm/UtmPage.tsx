import { Box } from '@mui/material';
import { PageHeader } from '../../components/PageHeader';
import { UtmBuilder } from './UtmBuilder';
import { UtmRulesCard } from './UtmRulesCard';

/** /analytics/utm — build tagged links that follow the tenant's naming rules, and keep the rules. */
export function UtmPage() {
  return (
    <>
      <PageHeader title="UTM links" subtitle="Build tagged links that follow your naming rules, so every report groups them right" />
      <Box sx={{ display: 'grid', gap: 3, gridTemplateColumns: { xs: '1fr', lg: '3fr 2fr' }, alignItems: 'start' }}>
        <UtmBuilder />
        <UtmRulesCard />
      </Box>
    </>
  );
}
