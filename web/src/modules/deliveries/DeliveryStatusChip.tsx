import { Stack, Typography } from '@mui/material';
import type { Delivery } from '../../api/types';
import { StatusChip } from '../../components/StatusChip';
import { humanize } from '../../lib/format';

/** The delivery's status, with the reason a suppressed (or failed) delivery was stopped. */
export function DeliveryStatusChip({ delivery }: { delivery: Pick<Delivery, 'status' | 'reason'> }) {
  return (
    <Stack spacing={0.25} sx={{ alignItems: 'flex-start' }}>
      <StatusChip status={delivery.status} />
      {delivery.reason ? (
        <Typography variant="caption" color="text.secondary">
          {humanize(delivery.reason)}
        </Typography>
      ) : null}
    </Stack>
  );
}
