import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, FormControlLabel, FormGroup, FormLabel, Stack, TextField } from '@mui/material';
import { updateUtmRules } from '../../api/endpoints/utm';
import { queryKeys } from '../../api/queryKeys';
import { UTM_FIELDS, type UtmRules } from '../../api/types';
import { NativeSelectField } from '../../components/NativeSelectField';
import { useNotify } from '../../components/notifyContext';
import { applyServerErrors } from '../../lib/serverErrors';
import { SEPARATORS, toRulesInput, toRulesValues, utmRulesSchema, type UtmRulesValues } from './utmRulesSchema';

const FIELDS = ['allowedSources', 'allowedMediums', 'lowerCase', 'separator', 'required', 'campaignPattern', 'campaignPatternHint'];
const SEPARATOR_LABELS: Record<(typeof SEPARATORS)[number], string> = { '-': 'Hyphen (-)', _: 'Underscore (_)', '.': 'Dot (.)' };

/** The tenant's UTM naming rules, editable with analytics:manage. */
export function UtmRulesForm({ rules }: { rules: UtmRules }) {
  const queryClient = useQueryClient();
  const notify = useNotify();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, control, handleSubmit, setError, reset, formState } = useForm<UtmRulesValues>({
    resolver: zodResolver(utmRulesSchema),
    defaultValues: toRulesValues(rules),
  });
  const save = useMutation({
    mutationFn: (values: UtmRulesValues) => updateUtmRules(toRulesInput(values)),
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKeys.utmRules, saved);
      void queryClient.invalidateQueries({ queryKey: ['utm', 'validate'] });
      reset(toRulesValues(saved));
      setFormError(null);
      notify({ message: 'UTM rules saved.' });
    },
    onError: (error) => setFormError(applyServerErrors(error, setError, FIELDS)),
  });
  const errors = formState.errors;
  return (
    <Stack component="form" spacing={2} onSubmit={handleSubmit((values) => save.mutate(values))} noValidate aria-label="UTM rules">
      {formError ? <Alert severity="error">{formError}</Alert> : null}
      <TextField
        label="Allowed sources"
        {...register('allowedSources')}
        error={Boolean(errors.allowedSources)}
        helperText={errors.allowedSources?.message ?? 'Comma-separated, e.g. google, facebook, newsletter. Empty allows any.'}
      />
      <TextField
        label="Allowed mediums"
        {...register('allowedMediums')}
        error={Boolean(errors.allowedMediums)}
        helperText={errors.allowedMediums?.message ?? 'Comma-separated. Empty allows any.'}
      />
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' } }}>
        <Controller
          control={control}
          name="lowerCase"
          render={({ field }) => (
            <FormControlLabel
              control={<Checkbox checked={field.value} onChange={(event) => field.onChange(event.target.checked)} />}
              label="Lower case only"
            />
          )}
        />
        <NativeSelectField
          label="Word separator"
          size="small"
          {...register('separator')}
          options={SEPARATORS.map((value) => ({ value, label: SEPARATOR_LABELS[value] }))}
          error={Boolean(errors.separator)}
          helperText={errors.separator?.message}
        />
      </Stack>
      <Controller
        control={control}
        name="required"
        render={({ field }) => (
          <FormGroup row role="group" aria-labelledby="utm-required-label">
            <FormLabel id="utm-required-label" sx={{ width: '100%' }}>
              Required fields
            </FormLabel>
            {UTM_FIELDS.map((name) => (
              <FormControlLabel
                key={name}
                label={`utm_${name}`}
                control={
                  <Checkbox
                    checked={field.value.includes(name)}
                    onChange={(event) =>
                      field.onChange(event.target.checked ? [...field.value, name] : field.value.filter((value) => value !== name))
                    }
                  />
                }
              />
            ))}
          </FormGroup>
        )}
      />
      <TextField
        label="Campaign pattern"
        {...register('campaignPattern')}
        error={Boolean(errors.campaignPattern)}
        helperText={errors.campaignPattern?.message ?? 'A regular expression, e.g. ^\\d{4}-\\d{2}-[a-z0-9-]+$. Empty: any name.'}
        slotProps={{ htmlInput: { spellCheck: false } }}
      />
      <TextField
        label="Pattern hint"
        {...register('campaignPatternHint')}
        error={Boolean(errors.campaignPatternHint)}
        helperText={errors.campaignPatternHint?.message ?? 'Shown with the violation, e.g. yyyy-mm-name.'}
      />
      <div>
        <Button type="submit" variant="contained" disabled={save.isPending || !formState.isDirty}>
          Save rules
        </Button>
      </div>
    </Stack>
  );
}
