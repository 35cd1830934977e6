import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField } from '@mui/material';
import { createWriteKey } from '../../api/endpoints/tracking';
import { queryKeys } from '../../api/queryKeys';
import type { WriteKey } from '../../api/types';
import { splitList } from '../../lib/format';
import { applyServerErrors } from '../../lib/serverErrors';
import { writeKeySchema, type WriteKeyValues } from './writeKeySchema';

interface Props {
  onClose: () => void;
  onCreated: (key: WriteKey) => void;
}

export function NewWriteKeyDialog({ onClose, onCreated }: Props) {
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<WriteKeyValues>({
    resolver: zodResolver(writeKeySchema),
    defaultValues: { name: '', allowedOrigins: '' },
  });
  const create = useMutation({
    mutationFn: (values: WriteKeyValues) =>
      createWriteKey({ name: values.name.trim(), allowedOrigins: splitList(values.allowedOrigins) }),
    onSuccess: async (key) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.writeKeys });
      onCreated(key);
    },
    // allowedOrigins[i] errors land on the one field.
    onError: (error) => setFormError(applyServerErrors(error, setError, ['name', 'allowedOrigins'], originAliases(error))),
  });
  return (
    <Dialog open onClose={onClose} aria-labelledby="new-write-key-title" fullWidth maxWidth="sm">
      <form onSubmit={handleSubmit((values) => create.mutate(values))} noValidate>
        <DialogTitle id="new-write-key-title">New write key</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {formError ? <Alert severity="error">{formError}</Alert> : null}
            <TextField
              label="Name"
              autoFocus
              {...register('name')}
              error={Boolean(formState.errors.name)}
              helperText={formState.errors.name?.message ?? 'The site or app it is for, e.g. Shop'}
            />
            <TextField
              label="Allowed origins"
              multiline
              minRows={2}
              {...register('allowedOrigins')}
              error={Boolean(formState.errors.allowedOrigins)}
              helperText={
                formState.errors.allowedOrigins?.message ??
                'One per line, e.g. https://shop.example.ro. Browsers on other sites are refused; empty allows any.'
              }
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={create.isPending}>
            Create key
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

/** Maps `allowedOrigins.0`, `allowedOrigins.1`… (normalised keys) to the one textarea. */
function originAliases(error: unknown): Record<string, string> {
  const problem = (error as { problem?: { errors?: Record<string, unknown> } } | null)?.problem;
  const aliases: Record<string, string> = {};
  for (const key of Object.keys(problem?.errors ?? {})) {
    const match = /^allowedOrigins\[(\d+)\]$/i.exec(key);
    if (match) aliases[`allowedOrigins.${match[1]}`] = 'allowedOrigins';
  }
  return aliases;
}
