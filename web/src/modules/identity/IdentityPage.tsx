import { useSearchParams } from 'react-router';
import { Box, Tab, Tabs } from '@mui/material';
import { PageHeader } from '../../components/PageHeader';
import { MergesTable } from './MergesTable';
import { ReviewQueue } from './ReviewQueue';

export function IdentityPage() {
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'merges' ? 'merges' : 'review';
  return (
    <>
      <PageHeader title="Identity review" subtitle="Possible duplicates found by identity resolution, and past merges." />
      <Tabs
        value={tab}
        onChange={(_, value: string) => setParams(value === 'merges' ? { tab: 'merges' } : {}, { replace: true })}
        aria-label="Identity sections"
        sx={{ mb: 2, borderBottom: 1, borderColor: 'divider' }}
      >
        <Tab value="review" label="Review queue" id="identity-tab-review" aria-controls="identity-tabpanel" />
        <Tab value="merges" label="Merges" id="identity-tab-merges" aria-controls="identity-tabpanel" />
      </Tabs>
      <Box role="tabpanel" id="identity-tabpanel" aria-labelledby={`identity-tab-${tab}`}>
        {tab === 'review' ? <ReviewQueue /> : <MergesTable />}
      </Box>
    </>
  );
}
