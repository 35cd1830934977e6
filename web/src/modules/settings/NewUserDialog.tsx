import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField } from '@mui/material';
import { createUser } from '../../api/endpoints/settings';
import { queryKeys } from '../../api/queryKeys';
import { ROLES } from '../../api/types';
import { enumOptions, NativeSelectField } from '../../components/NativeSelectField';
import { useNotify } from '../../components/notifyContext';
import { humanize } from '../../lib/format';
import { applyServerErrors } from '../../lib/serverErrors';
import { PASSWORD_MIN_LENGTH, userCreateSchema, type UserCreateValues } from './settingsSchemas';

export function NewUserDialog({ onClose }: { onClose: () => void }) {
  const queryClient = useQueryClient();
  const notify = useNotify();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<UserCreateValues>({
    resolver: zodResolver(userCreateSchema),
    defaultValues: { email: '', displayName: '', role: 'marketer', password: '' },
  });
  const mutation = useMutation({
    mutationFn: createUser,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.users });
      notify({ message: 'User created.' });
      onClose();
    },
    onError: (error) => setFormError(applyServerErrors(error, setError, ['email', 'displayName', 'role', 'password'])),
  });
  const errors = formState.errors;
  return (
    <Dialog open onClose={onClose} aria-labelledby="new-user-title" fullWidth maxWidth="sm">
      <form onSubmit={handleSubmit((values) => mutation.mutate(values))} noValidate>
        <DialogTitle id="new-user-title">New user</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {formError ? <Alert severity="error">{formError}</Alert> : null}
            <TextField label="Email" type="email" autoComplete="off" {...register('email')} error={Boolean(errors.email)} helperText={errors.email?.message} />
            <TextField label="Display name" {...register('displayName')} error={Boolean(errors.displayName)} helperText={errors.displayName?.message} />
            <NativeSelectField label="Role" options={enumOptions(ROLES, humanize)} {...register('role')} error={Boolean(errors.role)} helperText={errors.role?.message} />
            <TextField
              label="Initial password"
              type="password"
              autoComplete="new-password"
              {...register('password')}
              error={Boolean(errors.password)}
              helperText={errors.password?.message ?? `At least ${PASSWORD_MIN_LENGTH} characters. Share it with the person securely.`}
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={mutation.isPending}>
            Create user
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
