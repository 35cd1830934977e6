import { Box, TextField } from '@mui/material';
import { NativeSelectField } from '../../components/NativeSelectField';
import { DELIMITERS, type ImportOptionsValues } from './importOptionsSchema';

interface Props {
  value: ImportOptionsValues;
  errors: Partial<Record<keyof ImportOptionsValues, string>>;
  onChange: (value: ImportOptionsValues) => void;
}

export function ImportOptionsFields({ value, errors, onChange }: Props) {
  return (
    <Box
      component="fieldset"
      sx={{ border: 0, p: 0, m: 0, display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr 1fr' } }}
    >
      <legend className="visually-hidden">Import options</legend>
      <TextField
        label="Extra tags"
        value={value.tags}
        onChange={(event) => onChange({ ...value, tags: event.target.value })}
        error={Boolean(errors.tags)}
        helperText={errors.tags ?? 'Added to every imported contact; separate with commas.'}
      />
      <TextField
        label="Consent source"
        value={value.consentSource}
        onChange={(event) => onChange({ ...value, consentSource: event.target.value })}
        error={Boolean(errors.consentSource)}
        helperText={errors.consentSource ?? 'Recorded as the source of consent columns.'}
      />
      <NativeSelectField
        label="Delimiter"
        value={value.delimiter}
        options={DELIMITERS}
        onChange={(event) => onChange({ ...value, delimiter: event.target.value as ImportOptionsValues['delimiter'] })}
        error={Boolean(errors.delimiter)}
        helperText={errors.delimiter ?? 'Guessed from the file; change it if the columns look wrong.'}
      />
    </Box>
  );
}
