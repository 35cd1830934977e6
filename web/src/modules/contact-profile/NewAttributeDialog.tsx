import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField } from '@mui/material';
import { createAttributeDefinition } from '../../api/endpoints/contacts';
import { queryKeys } from '../../api/queryKeys';
import { ATTRIBUTE_TYPES } from '../../api/types';
import { enumOptions, NativeSelectField } from '../../components/NativeSelectField';
import { useNotify } from '../../components/notifyContext';
import { humanize } from '../../lib/format';
import { applyServerErrors } from '../../lib/serverErrors';
import { attributeDefinitionSchema, type AttributeDefinitionValues } from './attributeSchema';

export function NewAttributeDialog({ onClose }: { onClose: () => void }) {
  const queryClient = useQueryClient();
  const notify = useNotify();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<AttributeDefinitionValues>({
    resolver: zodResolver(attributeDefinitionSchema),
    defaultValues: { name: '', label: '', type: 'string' },
  });
  const mutation = useMutation({
    mutationFn: createAttributeDefinition,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.attributeDefinitions });
      notify({ message: 'Attribute defined.' });
      onClose();
    },
    onError: (error) => setFormError(applyServerErrors(error, setError, ['name', 'label', 'type'])),
  });
  return (
    <Dialog open onClose={onClose} aria-labelledby="new-attribute-title" fullWidth maxWidth="xs">
      <form onSubmit={handleSubmit((values) => mutation.mutate(values))} noValidate>
        <DialogTitle id="new-attribute-title">New attribute</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {formError ? <Alert severity="error">{formError}</Alert> : null}
            <TextField label="Name" {...register('name')} error={Boolean(formState.errors.name)} helperText={formState.errors.name?.message ?? 'Used in imports as attributes.<name>'} />
            <TextField label="Label" {...register('label')} error={Boolean(formState.errors.label)} helperText={formState.errors.label?.message} />
            <NativeSelectField label="Type" options={enumOptions(ATTRIBUTE_TYPES, humanize)} {...register('type')} />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={mutation.isPending}>
            Create attribute
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
