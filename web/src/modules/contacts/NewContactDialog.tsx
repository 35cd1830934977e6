import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useForm, type UseFormRegister } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField } from '@mui/material';
import { createContact } from '../../api/endpoints/contacts';
import { queryKeys } from '../../api/queryKeys';
import { useNotify } from '../../components/notifyContext';
import { applyServerErrors } from '../../lib/serverErrors';
import { ContactFormFields } from './ContactFormFields';
import {
  CONTACT_FIELD_NAMES,
  EMPTY_CONTACT_FIELDS,
  newContactSchema,
  newContactToInput,
  type ContactFieldValues,
  type NewContactValues,
} from './contactSchema';

export function NewContactDialog({ onClose }: { onClose: () => void }) {
  const queryClient = useQueryClient();
  const notify = useNotify();
  const navigate = useNavigate();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<NewContactValues>({
    resolver: zodResolver(newContactSchema),
    defaultValues: { ...EMPTY_CONTACT_FIELDS, tags: '' },
  });
  const mutation = useMutation({
    mutationFn: (values: NewContactValues) => createContact(newContactToInput(values)),
    onSuccess: async ({ contact, merged }) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.contacts });
      notify({
        message: merged
          ? 'This person already existed; the details were merged into the existing contact.'
          : 'Contact created.',
        severity: merged ? 'info' : 'success',
      });
      onClose();
      navigate(`/contacts/${contact.id}`);
    },
    onError: (error) => setFormError(applyServerErrors(error, setError, [...CONTACT_FIELD_NAMES, 'tags'])),
  });

  return (
    <Dialog open onClose={onClose} aria-labelledby="new-contact-title" fullWidth maxWidth="md">
      <form
        onSubmit={handleSubmit((values) => {
          setFormError(null);
          mutation.mutate(values);
        })}
        noValidate
      >
        <DialogTitle id="new-contact-title">New contact</DialogTitle>
        <DialogContent>
          {formError ? (
            <Alert severity="error" sx={{ mb: 2 }}>
              {formError}
            </Alert>
          ) : null}
          <ContactFormFields
            register={register as unknown as UseFormRegister<ContactFieldValues>}
            errors={formState.errors}
          />
          <TextField
            label="Tags"
            fullWidth
            sx={{ mt: 2 }}
            {...register('tags')}
            error={Boolean(formState.errors.tags)}
            helperText={formState.errors.tags?.message ?? 'Separate several tags with commas.'}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={mutation.isPending}>
            Create contact
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
