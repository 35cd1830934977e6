import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField } from '@mui/material';
import { createSuppression } from '../../api/endpoints/suppressions';
import { SUPPRESSION_REASONS } from '../../api/types';
import { enumOptions, NativeSelectField } from '../../components/NativeSelectField';
import { useNotify } from '../../components/notifyContext';
import { humanize } from '../../lib/format';
import { applyServerErrors, emptyToNull } from '../../lib/serverErrors';
import { SUPPRESSION_CHANNELS, suppressionSchema, type SuppressionValues } from './suppressionSchema';

export function NewSuppressionDialog({ onClose }: { onClose: () => void }) {
  const queryClient = useQueryClient();
  const notify = useNotify();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<SuppressionValues>({
    resolver: zodResolver(suppressionSchema),
    defaultValues: { channel: 'email', address: '', reason: 'manual', note: '' },
  });
  const mutation = useMutation({
    mutationFn: (values: SuppressionValues) => createSuppression({ ...values, note: emptyToNull(values.note) }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['suppressions'] });
      notify({ message: 'Address suppressed.' });
      onClose();
    },
    onError: (error) => setFormError(applyServerErrors(error, setError, ['channel', 'address', 'reason', 'note'])),
  });
  const errors = formState.errors;
  return (
    <Dialog open onClose={onClose} aria-labelledby="new-suppression-title" fullWidth maxWidth="xs">
      <form onSubmit={handleSubmit((v) => mutation.mutate(v))} noValidate>
        <DialogTitle id="new-suppression-title">Suppress an address</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {formError ? <Alert severity="error">{formError}</Alert> : null}
            <NativeSelectField label="Channel" options={enumOptions(SUPPRESSION_CHANNELS, humanize)} {...register('channel')} />
            <TextField label="Address" {...register('address')} error={Boolean(errors.address)} helperText={errors.address?.message ?? 'Email address, phone number or device token'} />
            <NativeSelectField label="Reason" options={enumOptions(SUPPRESSION_REASONS, humanize)} {...register('reason')} />
            <TextField label="Note" multiline minRows={2} {...register('note')} error={Boolean(errors.note)} helperText={errors.note?.message} />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={mutation.isPending}>
            Suppress
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
