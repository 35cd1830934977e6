import { useState } from 'react';
import { Box, Button, Stack } from '@mui/material';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Can } from '../../auth/Can';
import { PageHeader } from '../../components/PageHeader';
import { CostImportDialog } from './CostImportDialog';
import { ConversionRulesCard } from './ConversionRulesCard';
import { CostsTable } from './CostsTable';
import { ReportingSettingsCard } from './ReportingSettingsCard';

/** /analytics/costs — ad spend per day, channel and campaign, and how the dashboard reports. */
export function CostsPage() {
  const [importing, setImporting] = useState(false);
  return (
    <>
      <PageHeader
        title="Costs"
        subtitle="Spend per day, channel and campaign: the other half of ROI, ROAS and CAC"
        actions={
          <Can scope="analytics:manage">
            <Button variant="contained" startIcon={<UploadFileIcon />} onClick={() => setImporting(true)}>
              Import CSV
            </Button>
          </Can>
        }
      />
      <Box sx={{ display: 'grid', gap: 3, gridTemplateColumns: { xs: '1fr', lg: '2fr 1fr' }, alignItems: 'start' }}>
        <CostsTable />
        <Stack spacing={3}>
          <ReportingSettingsCard />
          <ConversionRulesCard />
        </Stack>
      </Box>
      {importing ? <CostImportDialog onClose={() => setImporting(false)} /> : null}
    </>
  );
}
