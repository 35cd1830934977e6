import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FormControlLabel, Switch } from '@mui/material';
import { globalResubscribe, globalUnsubscribe } from '../../api/endpoints/consents';
import { queryKeys } from '../../api/queryKeys';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useNotify } from '../../components/notifyContext';

interface Props {
  contactId: string;
  unsubscribed: boolean;
  disabled: boolean;
}

export function GlobalUnsubscribeToggle({ contactId, unsubscribed, disabled }: Props) {
  const queryClient = useQueryClient();
  const notify = useNotify();
  const [confirming, setConfirming] = useState(false);
  const mutation = useMutation({
    mutationFn: () => (unsubscribed ? globalResubscribe(contactId) : globalUnsubscribe(contactId, 'manual')),
    onSuccess: async (consents) => {
      if (consents) queryClient.setQueryData(queryKeys.consents(contactId), consents);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.consents(contactId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.contact(contactId) }),
        queryClient.invalidateQueries({ queryKey: ['contacts', 'list'] }),
      ]);
      notify({ message: unsubscribed ? 'Contact resubscribed.' : 'Contact unsubscribed from everything.' });
      setConfirming(false);
    },
  });
  return (
    <>
      <FormControlLabel
        control={<Switch checked={unsubscribed} onChange={() => setConfirming(true)} disabled={disabled} />}
        label="Globally unsubscribed"
      />
      <ConfirmDialog
        open={confirming}
        title={unsubscribed ? 'Resubscribe this contact?' : 'Unsubscribe this contact from everything?'}
        confirmLabel={unsubscribed ? 'Resubscribe' : 'Unsubscribe'}
        destructive={!unsubscribed}
        busy={mutation.isPending}
        error={mutation.error}
        onConfirm={() => mutation.mutate()}
        onClose={() => {
          mutation.reset();
          setConfirming(false);
        }}
      >
        {unsubscribed
          ? 'Removing the global unsubscribe lets per-channel consent decide again. Channels that are opted out stay opted out.'
          : 'Nothing will be sent to this person on any channel, whatever the per-channel consent says. The change is recorded in the consent history.'}
      </ConfirmDialog>
    </>
  );
}
