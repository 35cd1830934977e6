import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField } from '@mui/material';
import { createApiKey } from '../../api/endpoints/settings';
import { queryKeys } from '../../api/queryKeys';
import { API_KEY_ROLES, type ApiKeyCreated } from '../../api/types';
import { enumOptions, NativeSelectField } from '../../components/NativeSelectField';
import { humanize } from '../../lib/format';
import { applyServerErrors } from '../../lib/serverErrors';
import { apiKeyCreateSchema, type ApiKeyCreateValues } from './settingsSchemas';

interface Props {
  onClose: () => void;
  onCreated: (created: ApiKeyCreated) => void;
}

export function NewApiKeyDialog({ onClose, onCreated }: Props) {
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<ApiKeyCreateValues>({
    resolver: zodResolver(apiKeyCreateSchema),
    defaultValues: { name: '', role: 'marketer' },
  });
  const mutation = useMutation({
    mutationFn: createApiKey,
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.apiKeys });
      onCreated(created);
    },
    onError: (error) => setFormError(applyServerErrors(error, setError, ['name', 'role'])),
  });
  return (
    <Dialog open onClose={onClose} aria-labelledby="new-key-title" fullWidth maxWidth="xs">
      <form onSubmit={handleSubmit((values) => mutation.mutate(values))} noValidate>
        <DialogTitle id="new-key-title">New API key</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {formError ? <Alert severity="error">{formError}</Alert> : null}
            <TextField label="Name" autoFocus {...register('name')} error={Boolean(formState.errors.name)} helperText={formState.errors.name?.message ?? 'e.g. ERP sync'} />
            <NativeSelectField
              label="Role"
              options={enumOptions(API_KEY_ROLES, humanize)}
              {...register('role')}
              helperText="The key gets the scopes of this role."
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={mutation.isPending}>
            Create key
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
