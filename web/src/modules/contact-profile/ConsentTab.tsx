import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Skeleton, Stack, Typography } from '@mui/material';
import { getConsents } from '../../api/endpoints/consents';
import { queryKeys } from '../../api/queryKeys';
import type { ConsentChannel } from '../../api/types';
import { useCan } from '../../auth/useCan';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ConsentChangeDialog } from './ConsentChangeDialog';
import { ConsentChannelsTable } from './ConsentChannelsTable';
import { ConsentHistoryTable } from './ConsentHistoryTable';
import { GlobalUnsubscribeToggle } from './GlobalUnsubscribeToggle';

export function ConsentTab({ contactId }: { contactId: string }) {
  const canWrite = useCan()('consents:write');
  const [editing, setEditing] = useState<ConsentChannel | null>(null);
  const consents = useQuery({ queryKey: queryKeys.consents(contactId), queryFn: () => getConsents(contactId) });

  if (consents.isPending) return <Skeleton variant="rectangular" height={200} aria-label="Loading consent" />;
  if (consents.isError) {
    return <ErrorAlert error={consents.error} title="Consent could not be loaded" onRetry={() => consents.refetch()} />;
  }
  const data = consents.data;
  return (
    <Stack spacing={3}>
      <GlobalUnsubscribeToggle contactId={contactId} unsubscribed={data.globalUnsubscribe} disabled={!canWrite} />
      <ConsentChannelsTable channels={data.channels ?? []} canChange={canWrite} onChange={setEditing} />
      <section aria-labelledby="consent-history-heading">
        <Typography variant="h3" component="h2" id="consent-history-heading" sx={{ mb: 1 }}>
          History
        </Typography>
        <ConsentHistoryTable history={data.history ?? []} />
      </section>
      {editing ? (
        <ConsentChangeDialog
          contactId={contactId}
          channel={editing}
          current={data.channels?.find((c) => c.channel === editing)}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Stack>
  );
}
