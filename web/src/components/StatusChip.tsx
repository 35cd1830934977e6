import { Chip, type ChipProps } from '@mui/material';
import { humanize } from '../lib/format';

const COLORS: Record<string, ChipProps['color']> = {
  opted_in: 'success',
  opted_out: 'error',
  unsubscribed: 'error',
  resubscribed: 'success',
  unknown: 'default',
  completed: 'success',
  succeeded: 'success',
  accepted: 'success',
  running: 'info',
  queued: 'default',
  pending: 'warning',
  failed: 'error',
  dead: 'error',
  rejected: 'default',
  cancelled: 'default',
  revoked: 'default',
  active: 'success',
  sending: 'info',
  sent: 'info',
  delivered: 'success',
  opened: 'success',
  clicked: 'success',
  bounced: 'error',
  complained: 'error',
  suppressed: 'warning',
  draft: 'default',
  scheduled: 'info',
  paused: 'warning',
  archived: 'default',
};

/** A status word with a colour; the text always carries the meaning, not the colour alone. */
export function StatusChip({ status, label }: { status: string | null | undefined; label?: string }) {
  const value = status ?? 'unknown';
  return <Chip size="small" variant="outlined" color={COLORS[value] ?? 'default'} label={label ?? humanize(value)} />;
}
