import { Box, Typography } from '@mui/material';
import { CONSENT_CHANNELS, type ConsentChannel } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatNumber, formatPercent, humanize } from '../../lib/format';
import { StatCard } from './StatCard';
import { useContactCount } from './useContactCount';

function ChannelCard({ channel, total }: { channel: ConsentChannel; total: number | undefined }) {
  const count = useContactCount({ consentChannel: channel, consentStatus: 'opted_in' });
  return (
    <StatCard
      label={`${humanize(channel)} — opted in`}
      loading={count.isPending}
      value={count.isError ? '—' : formatNumber(count.data)}
      hint={count.data !== undefined && total ? `${formatPercent(count.data, total)} of contacts` : undefined}
    />
  );
}

/** Contact totals and the consent mix, all from the contacts endpoint. */
export function AudienceStats() {
  const total = useContactCount({});
  return (
    <Box component="section" aria-labelledby="audience-heading" sx={{ mb: 4 }}>
      <Typography variant="h2" id="audience-heading" sx={{ mb: 2 }}>
        Audience
      </Typography>
      {total.isError ? <ErrorAlert error={total.error} title="Contact numbers could not be loaded" onRetry={() => total.refetch()} /> : null}
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))' }}>
        <StatCard label="Contacts" loading={total.isPending} value={total.isError ? '—' : formatNumber(total.data)} />
        {CONSENT_CHANNELS.map((channel) => (
          <ChannelCard key={channel} channel={channel} total={total.data} />
        ))}
      </Box>
    </Box>
  );
}
