import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Skeleton, Stack, TextField } from '@mui/material';
import { getTenant, updateTenant } from '../../api/endpoints/settings';
import { queryKeys } from '../../api/queryKeys';
import type { Tenant } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { NativeSelectField } from '../../components/NativeSelectField';
import { useNotify } from '../../components/notifyContext';
import { applyServerErrors } from '../../lib/serverErrors';
import { tenantSchema, type TenantValues } from './settingsSchemas';
import { timeZones } from './timezones';

function toValues(tenant: Tenant): TenantValues {
  return { name: tenant.name, defaultCountry: tenant.defaultCountry, timezone: tenant.timezone };
}

function TenantForm({ tenant }: { tenant: Tenant }) {
  const queryClient = useQueryClient();
  const notify = useNotify();
  const [formError, setFormError] = useState<string | null>(null);
  const zones = useMemo(() => {
    const all = timeZones();
    return tenant.timezone && !all.includes(tenant.timezone) ? [tenant.timezone, ...all] : all;
  }, [tenant.timezone]);
  const { register, handleSubmit, setError, reset, formState } = useForm<TenantValues>({
    resolver: zodResolver(tenantSchema),
    defaultValues: toValues(tenant),
  });
  const mutation = useMutation({
    mutationFn: (values: TenantValues) =>
      updateTenant({
        name: values.name.trim(),
        defaultCountry: values.defaultCountry.trim().toUpperCase(),
        timezone: values.timezone,
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKeys.tenant, saved);
      void queryClient.invalidateQueries({ queryKey: queryKeys.me });
      reset(toValues(saved));
      notify({ message: 'Tenant settings saved.' });
    },
    onError: (error) => setFormError(applyServerErrors(error, setError, ['name', 'defaultCountry', 'timezone'])),
  });
  const errors = formState.errors;
  return (
    <Stack component="form" spacing={2} sx={{ maxWidth: 480 }} onSubmit={handleSubmit((v) => mutation.mutate(v))} noValidate aria-label="Tenant settings">
      {formError ? <Alert severity="error">{formError}</Alert> : null}
      <TextField label="Name" {...register('name')} error={Boolean(errors.name)} helperText={errors.name?.message} />
      <TextField
        label="Default country"
        {...register('defaultCountry')}
        error={Boolean(errors.defaultCountry)}
        helperText={errors.defaultCountry?.message ?? 'Two-letter code; used for phone numbers without a country prefix.'}
        slotProps={{ htmlInput: { maxLength: 2 } }}
      />
      <NativeSelectField
        label="Timezone"
        options={zones.map((z) => ({ value: z, label: z }))}
        {...register('timezone')}
        error={Boolean(errors.timezone)}
        helperText={errors.timezone?.message}
      />
      <div>
        <Button type="submit" variant="contained" disabled={!formState.isDirty || mutation.isPending}>
          Save tenant
        </Button>
      </div>
    </Stack>
  );
}

export function TenantTab() {
  const tenant = useQuery({ queryKey: queryKeys.tenant, queryFn: getTenant });
  if (tenant.isPending) return <Skeleton variant="rectangular" height={200} sx={{ maxWidth: 480 }} />;
  if (tenant.isError) return <ErrorAlert error={tenant.error} title="Tenant settings could not be loaded" onRetry={() => tenant.refetch()} />;
  return <TenantForm tenant={tenant.data} />;
}
