import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, CardContent, Skeleton, Stack, TextField, Typography } from '@mui/material';
import { getAnalyticsSettings, updateAnalyticsSettings } from '../../api/endpoints/analytics';
import { queryKeys } from '../../api/queryKeys';
import { REPORTING_MODELS, type AnalyticsSettings } from '../../api/types';
import { useCan } from '../../auth/useCan';
import { ErrorAlert } from '../../components/ErrorAlert';
import { NativeSelectField } from '../../components/NativeSelectField';
import { useNotify } from '../../components/notifyContext';
import { formatDateTime } from '../../lib/format';
import { applyServerErrors } from '../../lib/serverErrors';
import { MODEL_LABELS } from '../analytics/analyticsLabels';
import { RefreshRollupButton } from '../analytics/RefreshRollupButton';
import { reportingSettingsSchema, type ReportingSettingsValues } from './reportingSettingsSchema';

function toValues(settings: AnalyticsSettings): ReportingSettingsValues {
  return {
    model: (REPORTING_MODELS as readonly string[]).includes(settings.model) ? (settings.model as ReportingSettingsValues['model']) : 'last_touch',
    lookbackDays: settings.lookbackDays,
    currency: settings.currency,
  };
}

function SettingsForm({ settings }: { settings: AnalyticsSettings }) {
  const canManage = useCan()('analytics:manage');
  const queryClient = useQueryClient();
  const notify = useNotify();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, reset, formState } = useForm<ReportingSettingsValues>({
    resolver: zodResolver(reportingSettingsSchema),
    defaultValues: toValues(settings),
  });
  const save = useMutation({
    mutationFn: (values: ReportingSettingsValues) => updateAnalyticsSettings({ ...values, currency: values.currency.toUpperCase() }),
    onSuccess: async (saved) => {
      reset(toValues(saved));
      setFormError(null);
      await queryClient.invalidateQueries({ queryKey: queryKeys.analytics });
      notify({ message: 'Reporting settings saved. A new model or window is recomputed in the background.' });
    },
    onError: (error) => setFormError(applyServerErrors(error, setError, ['model', 'lookbackDays', 'currency'])),
  });
  const errors = formState.errors;
  return (
    <Stack component="form" spacing={2} onSubmit={handleSubmit((values) => save.mutate(values))} noValidate aria-label="Reporting settings">
      {formError ? <Alert severity="error">{formError}</Alert> : null}
      <NativeSelectField
        label="Reporting model"
        {...register('model')}
        disabled={!canManage}
        options={REPORTING_MODELS.map((model) => ({ value: model, label: MODEL_LABELS[model] }))}
        error={Boolean(errors.model)}
        helperText={errors.model?.message ?? 'How the dashboard credits revenue. Markov and Shapley are on the Attribution page.'}
      />
      <TextField
        label="Lookback window (days)"
        type="number"
        {...register('lookbackDays', { valueAsNumber: true })}
        disabled={!canManage}
        error={Boolean(errors.lookbackDays)}
        helperText={errors.lookbackDays?.message ?? 'Touches this long before a conversion get credit (1–365).'}
        slotProps={{ htmlInput: { min: 1, max: 365 } }}
      />
      <TextField
        label="Currency"
        {...register('currency')}
        disabled={!canManage}
        error={Boolean(errors.currency)}
        helperText={errors.currency?.message ?? 'ISO 4217 code; costs are kept in it.'}
        slotProps={{ htmlInput: { maxLength: 3 } }}
      />
      <Typography variant="body2" color="text.secondary">
        Numbers last computed {settings.rolledUpAt ? formatDateTime(settings.rolledUpAt) : 'never'}; they follow new events within
        about a minute.
      </Typography>
      {canManage ? (
        <Stack direction="row" spacing={1}>
          <Button type="submit" variant="contained" disabled={save.isPending || !formState.isDirty}>
            Save settings
          </Button>
          <RefreshRollupButton variant="outlined" />
        </Stack>
      ) : null}
    </Stack>
  );
}

/** The reporting model, lookback window and currency of the dashboard. */
export function ReportingSettingsCard() {
  const settings = useQuery({ queryKey: queryKeys.analyticsSettings, queryFn: getAnalyticsSettings });
  return (
    <Card variant="outlined" component="section" aria-labelledby="reporting-settings-heading" id="reporting-settings">
      <CardContent>
        <Typography variant="h2" id="reporting-settings-heading" sx={{ mb: 2 }}>
          Reporting settings
        </Typography>
        {settings.isError ? (
          <ErrorAlert error={settings.error} title="Settings could not be loaded" onRetry={() => void settings.refetch()} />
        ) : null}
        {settings.isPending ? <Skeleton variant="rounded" height={220} /> : null}
        {settings.data ? <SettingsForm settings={settings.data} /> : null}
      </CardContent>
    </Card>
  );
}
