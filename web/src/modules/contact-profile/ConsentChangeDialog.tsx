import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField, Typography } from '@mui/material';
import { changeConsent } from '../../api/endpoints/consents';
import { queryKeys } from '../../api/queryKeys';
import {
  CONSENT_STATUSES,
  LEGAL_BASES,
  type ConsentChannel,
  type ConsentChannelState,
  type ContactConsents,
} from '../../api/types';
import { enumOptions, NativeSelectField } from '../../components/NativeSelectField';
import { useNotify } from '../../components/notifyContext';
import { humanize } from '../../lib/format';
import { applyServerErrors } from '../../lib/serverErrors';
import {
  CONSENT_FIELD_ALIASES,
  CONSENT_FORM_FIELDS,
  consentChangeSchema,
  toConsentRequest,
  type ConsentChangeValues,
} from './consentSchema';

interface Props {
  contactId: string;
  channel: ConsentChannel;
  current: ConsentChannelState | undefined;
  onClose: () => void;
}

export function ConsentChangeDialog({ contactId, channel, current, onClose }: Props) {
  const queryClient = useQueryClient();
  const notify = useNotify();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<ConsentChangeValues>({
    resolver: zodResolver(consentChangeSchema),
    defaultValues: {
      channel,
      status: current?.status ?? 'unknown',
      source: '',
      legalBasis: current?.legalBasis ?? 'consent',
      ip: '',
      userAgent: '',
      reference: '',
    },
  });
  const mutation = useMutation({
    mutationFn: (values: ConsentChangeValues) => changeConsent(contactId, toConsentRequest(values)),
    onSuccess: (consents: ContactConsents) => {
      queryClient.setQueryData(queryKeys.consents(contactId), consents);
      void queryClient.invalidateQueries({ queryKey: queryKeys.contact(contactId) });
      void queryClient.invalidateQueries({ queryKey: ['contacts', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['contacts', 'timeline', contactId] });
      notify({ message: `${humanize(channel)} consent saved.` });
      onClose();
    },
    onError: (error) =>
      setFormError(applyServerErrors(error, setError, CONSENT_FORM_FIELDS, CONSENT_FIELD_ALIASES)),
  });
  const errors = formState.errors;
  const titleId = 'consent-dialog-title';

  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} fullWidth maxWidth="sm">
      <form
        onSubmit={handleSubmit((values) => {
          setFormError(null);
          mutation.mutate(values);
        })}
        noValidate
      >
        <DialogTitle id={titleId}>Change {humanize(channel).toLowerCase()} consent</DialogTitle>
        <DialogContent>
          {formError ? (
            <Alert severity="error" sx={{ mb: 2 }}>
              {formError}
            </Alert>
          ) : null}
          <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' }, pt: 1 }}>
            <NativeSelectField
              label="Status"
              options={enumOptions(CONSENT_STATUSES, humanize)}
              {...register('status')}
              error={Boolean(errors.status)}
              helperText={errors.status?.message}
            />
            <NativeSelectField
              label="Legal basis"
              options={enumOptions(LEGAL_BASES, humanize)}
              {...register('legalBasis')}
              error={Boolean(errors.legalBasis)}
              helperText={errors.legalBasis?.message}
            />
            <TextField
              label="Source"
              slotProps={{ htmlInput: { 'aria-required': true } }}
              {...register('source')}
              error={Boolean(errors.source)}
              helperText={errors.source?.message ?? 'Where the person gave or withdrew consent'}
              sx={{ gridColumn: { sm: '1 / -1' } }}
            />
          </Box>
          <Typography variant="h3" component="h3" sx={{ mt: 3, mb: 1 }} id="consent-proof-heading">
            Proof
          </Typography>
          <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' } }}>
            <TextField label="IP address" {...register('ip')} error={Boolean(errors.ip)} helperText={errors.ip?.message} />
            <TextField
              label="Reference"
              {...register('reference')}
              error={Boolean(errors.reference)}
              helperText={errors.reference?.message ?? 'Form submission, message or ticket id'}
            />
            <TextField
              label="User agent"
              {...register('userAgent')}
              error={Boolean(errors.userAgent)}
              helperText={errors.userAgent?.message}
              sx={{ gridColumn: { sm: '1 / -1' } }}
            />
          </Box>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={mutation.isPending}>
            Save consent
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
