import { Controller, useFieldArray, type Control, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import { Box, Button, Checkbox, FormControlLabel, IconButton, Stack, TextField, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import type { TemplateValues } from './templateSchema';

interface Props {
  control: Control<TemplateValues>;
  register: UseFormRegister<TemplateValues>;
  errors: FieldErrors<TemplateValues>;
  /** Errors from the live preview, keyed like `variables.0.name`. */
  liveErrors: Record<string, string>;
  disabled: boolean;
}

/** The variables the template reads from `data`, each with its required flag and the sample the preview uses. */
export function VariablesFields({ control, register, errors, liveErrors, disabled }: Props) {
  const { fields, append, remove } = useFieldArray({ control, name: 'variables' });
  const listError = errors.variables?.root?.message ?? errors.variables?.message ?? liveErrors.variables;
  return (
    <Box component="fieldset" sx={{ border: 0, p: 0, m: 0 }} aria-describedby="variables-help">
      <Typography component="legend" variant="h3" sx={{ mb: 0.5 }}>
        Variables
      </Typography>
      <Typography id="variables-help" variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
        Declare every <code>{'{{data.…}}'}</code> value the template uses: an undeclared one is an error on save, and a
        required one missing from a message is refused when the message is queued. Samples (text or JSON) fill the preview.
      </Typography>
      {listError ? (
        <Typography color="error" variant="body2" role="alert" sx={{ mb: 1 }}>
          {listError}
        </Typography>
      ) : null}
      <Stack spacing={1.5}>
        {fields.map((field, index) => {
          const nameError = errors.variables?.[index]?.name?.message ?? liveErrors[`variables.${index}.name`];
          const sampleError = errors.variables?.[index]?.sample?.message ?? liveErrors[`variables.${index}.sample`];
          return (
            <Stack key={field.id} direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: { sm: 'flex-start' } }}>
              <TextField
                label={`Variable ${index + 1} name`}
                size="small"
                placeholder="order.number"
                {...register(`variables.${index}.name`)}
                error={Boolean(nameError)}
                helperText={nameError}
                disabled={disabled}
                sx={{ flex: 1 }}
              />
              <TextField
                label={`Variable ${index + 1} sample`}
                size="small"
                {...register(`variables.${index}.sample`)}
                error={Boolean(sampleError)}
                helperText={sampleError}
                disabled={disabled}
                sx={{ flex: 1 }}
              />
              <FormControlLabel
                control={
                  <Controller
                    control={control}
                    name={`variables.${index}.required`}
                    render={({ field: required }) => (
                      <Checkbox
                        checked={required.value}
                        onChange={(event) => required.onChange(event.target.checked)}
                        onBlur={required.onBlur}
                        disabled={disabled}
                        slotProps={{ input: { 'aria-label': `Variable ${index + 1} required` } }}
                      />
                    )}
                  />
                }
                label="Required"
              />
              <IconButton aria-label={`Remove variable ${index + 1}`} onClick={() => remove(index)} disabled={disabled}>
                <DeleteIcon />
              </IconButton>
            </Stack>
          );
        })}
      </Stack>
      <Button
        startIcon={<AddIcon />}
        onClick={() => append({ name: '', required: false, sample: '' })}
        disabled={disabled}
        sx={{ mt: 1 }}
      >
        Add variable
      </Button>
    </Box>
  );
}
