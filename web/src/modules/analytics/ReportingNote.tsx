import { Link as RouterLink } from 'react-router';
import { Link, Stack, Typography } from '@mui/material';
import { Can } from '../../auth/Can';
import { formatDateTime } from '../../lib/format';
import { modelLabel } from './analyticsLabels';
import { RefreshRollupButton } from './RefreshRollupButton';

interface Props {
  model: string;
  lookbackDays: number;
  rolledUpAt: string | null;
}

/** Which model credits the revenue, over which lookback window, and how fresh the numbers are. */
export function ReportingNote({ model, lookbackDays, rolledUpAt }: Props) {
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1, mb: 2 }}>
      <Typography variant="body2" color="text.secondary" data-testid="reporting-note">
        Revenue credited by <strong>{modelLabel(model)}</strong>, {lookbackDays}-day lookback ·{' '}
        {rolledUpAt ? `updated ${formatDateTime(rolledUpAt)}` : 'not computed yet'}
      </Typography>
      <Can scope="analytics:manage">
        <Link component={RouterLink} to="/analytics/costs#reporting-settings" variant="body2">
          Change the reporting model
        </Link>
      </Can>
      <RefreshRollupButton />
    </Stack>
  );
}
