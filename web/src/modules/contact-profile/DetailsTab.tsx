import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Stack } from '@mui/material';
import type { Contact } from '../../api/types';
import { useCan } from '../../auth/useCan';
import { useNotify } from '../../components/notifyContext';
import { formatDateTime } from '../../lib/format';
import { applyServerErrors } from '../../lib/serverErrors';
import { ContactFormFields } from '../contacts/ContactFormFields';
import {
  CONTACT_FIELD_NAMES,
  contactFieldsSchema,
  contactToFieldValues,
  fieldValuesToInput,
  type ContactFieldValues,
} from '../contacts/contactSchema';
import { useContactUpdate } from './useContactUpdate';

export function DetailsTab({ contact }: { contact: Contact }) {
  const canWrite = useCan()('contacts:write');
  const notify = useNotify();
  const update = useContactUpdate(contact.id);
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, reset, formState } = useForm<ContactFieldValues>({
    resolver: zodResolver(contactFieldsSchema),
    values: contactToFieldValues(contact),
    resetOptions: { keepDirtyValues: true },
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const dirty = CONTACT_FIELD_NAMES.filter((name) => formState.dirtyFields[name]);
    if (dirty.length === 0) return;
    try {
      const saved = await update.mutateAsync(fieldValuesToInput(values, dirty));
      reset(contactToFieldValues(saved));
      notify({ message: 'Contact saved.' });
    } catch (error) {
      setFormError(applyServerErrors(error, setError, CONTACT_FIELD_NAMES));
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Contact details">
      {formError ? (
        <Alert severity="error" sx={{ mb: 2 }}>
          {formError}
        </Alert>
      ) : null}
      <ContactFormFields
        register={register}
        errors={formState.errors}
        disabled={!canWrite}
      />
      <Stack direction="row" spacing={2} sx={{ mt: 2, alignItems: 'center' }}>
        {canWrite ? (
          <>
            <Button type="submit" variant="contained" disabled={!formState.isDirty || formState.isSubmitting}>
              Save changes
            </Button>
            <Button onClick={() => reset(contactToFieldValues(contact))} disabled={!formState.isDirty}>
              Discard changes
            </Button>
          </>
        ) : null}
        <span style={{ flexGrow: 1 }} />
        <span>
          Created {formatDateTime(contact.createdAt)} · Updated {formatDateTime(contact.updatedAt)}
        </span>
      </Stack>
    </form>
  );
}
