import { Box, Typography } from '@mui/material';
import type { ContactImport } from '../../api/types';
import { formatNumber } from '../../lib/format';

const COUNTS: { key: 'created' | 'updated' | 'unchanged' | 'failed'; label: string }[] = [
  { key: 'created', label: 'Created' },
  { key: 'updated', label: 'Updated' },
  { key: 'unchanged', label: 'Unchanged' },
  { key: 'failed', label: 'Failed' },
];

export function ImportCounts({ record }: { record: ContactImport }) {
  return (
    <Box
      component="dl"
      sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(120px, 1fr))', gap: 2, m: 0 }}
    >
      {COUNTS.map(({ key, label }) => (
        <Box key={key} sx={{ p: 1.5, border: 1, borderColor: 'divider', borderRadius: 1 }}>
          <Typography component="dt" variant="body2" color="text.secondary">
            {label}
          </Typography>
          <Typography component="dd" variant="h5" sx={{ m: 0 }}>
            {formatNumber(record[key])}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}
