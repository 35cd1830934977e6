import type { FieldErrors, UseFormRegister } from 'react-hook-form';
import { Box, TextField } from '@mui/material';
import { LIFECYCLE_STAGES } from '../../api/types';
import { enumOptions, NativeSelectField } from '../../components/NativeSelectField';
import { humanize } from '../../lib/format';
import type { ContactFieldValues } from './contactSchema';

interface Props {
  register: UseFormRegister<ContactFieldValues>;
  errors: FieldErrors<ContactFieldValues>;
  disabled?: boolean;
}

const TEXT_FIELDS: { name: Exclude<keyof ContactFieldValues, 'lifecycleStage'>; label: string; type?: string; autoComplete?: string; helper?: string }[] = [
  { name: 'firstName', label: 'First name', autoComplete: 'off' },
  { name: 'lastName', label: 'Last name', autoComplete: 'off' },
  { name: 'email', label: 'Email', type: 'email', autoComplete: 'off' },
  { name: 'phone', label: 'Phone', type: 'tel', autoComplete: 'off', helper: 'International format, e.g. +40 721 000 000' },
  { name: 'company', label: 'Company' },
  { name: 'taxId', label: 'Tax id' },
  { name: 'city', label: 'City' },
  { name: 'country', label: 'Country', helper: 'Two-letter code, e.g. RO' },
  { name: 'locale', label: 'Locale', helper: 'e.g. ro-RO' },
  { name: 'timezone', label: 'Timezone', helper: 'e.g. Europe/Bucharest' },
];

/** The contact's own fields, shared by the create dialog and the profile's Details tab. */
export function ContactFormFields({ register, errors, disabled }: Props) {
  return (
    <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' } }}>
      {TEXT_FIELDS.map((field) => (
        <TextField
          key={field.name}
          label={field.label}
          type={field.type ?? 'text'}
          autoComplete={field.autoComplete}
          disabled={disabled}
          {...register(field.name)}
          error={Boolean(errors[field.name])}
          helperText={errors[field.name]?.message ?? field.helper}
        />
      ))}
      <NativeSelectField
        label="Lifecycle stage"
        options={enumOptions(LIFECYCLE_STAGES, humanize, 'None')}
        disabled={disabled}
        {...register('lifecycleStage')}
        error={Boolean(errors.lifecycleStage)}
        helperText={errors.lifecycleStage?.message}
      />
    </Box>
  );
}
