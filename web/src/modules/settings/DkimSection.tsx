import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Box, Button, Skeleton, Stack, TextField, Typography } from '@mui/material';
import { generateDkimKey, getDkimRecord } from '../../api/endpoints/emailChannel';
import { queryKeys } from '../../api/queryKeys';
import type { DkimRecord } from '../../api/types';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { CopyButton } from '../../components/CopyButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useNotify } from '../../components/notifyContext';
import { formatDateTime } from '../../lib/format';
import { applyServerErrors } from '../../lib/serverErrors';
import { dkimSchema, type DkimValues } from './emailSettingsSchema';

function RecordField({ label, value }: { label: string; value: string }) {
  return (
    <>
      <Typography component="dt" variant="body2" color="text.secondary" sx={{ pt: 0.5 }}>
        {label}
      </Typography>
      <Stack component="dd" direction="row" spacing={1} sx={{ m: 0, alignItems: 'flex-start', minWidth: 0 }}>
        <Box component="code" sx={{ wordBreak: 'break-all', fontSize: '0.85rem', pt: 0.5, flex: 1 }}>
          {value}
        </Box>
        <CopyButton value={value} label={`Copy the record ${label.toLowerCase()}`} />
      </Stack>
    </>
  );
}

function DnsRecord({ record }: { record: DkimRecord }) {
  return (
    <Box>
      <Typography variant="body2" sx={{ mb: 1 }}>
        Publish this TXT record in the DNS of <strong>{record.domain}</strong> (key created {formatDateTime(record.createdAt)}):
      </Typography>
      <Box
        component="dl"
        aria-label="DKIM DNS record"
        sx={{ display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr)', columnGap: 2, rowGap: 1, m: 0 }}
      >
        <RecordField label="Name" value={record.name} />
        <RecordField label="Type" value={record.type} />
        <RecordField label="Value" value={record.value} />
      </Box>
    </Box>
  );
}

/** The tenant's DKIM key: generate one (domain, selector) and the DNS record to publish. */
export function DkimSection({ configured, defaultDomain }: { configured: boolean; defaultDomain: string }) {
  const queryClient = useQueryClient();
  const notify = useNotify();
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState<DkimValues | null>(null);
  const record = useQuery({ queryKey: queryKeys.dkim, queryFn: getDkimRecord, enabled: configured });
  const { register, handleSubmit, setError, formState } = useForm<DkimValues>({
    resolver: zodResolver(dkimSchema),
    defaultValues: { domain: defaultDomain, selector: 'brandhub' },
  });
  const generate = useMutation({
    mutationFn: generateDkimKey,
    onSuccess: (created) => {
      setPending(null);
      setFormError(null);
      queryClient.setQueryData(queryKeys.dkim, created);
      void queryClient.invalidateQueries({ queryKey: queryKeys.emailSettings });
      notify({ message: 'DKIM key generated. Publish the DNS record below.' });
    },
    onError: (error) => {
      setPending(null);
      setFormError(applyServerErrors(error, setError, ['domain', 'selector']));
    },
  });
  const submit = handleSubmit((values) => (record.data ? setPending(values) : generate.mutate(values)));
  const errors = formState.errors;

  return (
    <Stack component="section" spacing={2} sx={{ maxWidth: 720 }} aria-labelledby="dkim-heading">
      <Typography variant="h2" id="dkim-heading">
        DKIM
      </Typography>
      <Typography variant="body2" color="text.secondary">
        Every message is signed with the tenant’s key so receivers can verify it came from you.
      </Typography>
      {!configured ? (
        <Alert severity="info">Save the sender first; then generate a DKIM key.</Alert>
      ) : record.isPending ? (
        <Skeleton variant="rectangular" height={100} aria-label="Loading the DKIM record" />
      ) : record.isError ? (
        <ErrorAlert error={record.error} title="The DKIM record could not be loaded" onRetry={() => record.refetch()} />
      ) : record.data ? (
        <DnsRecord record={record.data} />
      ) : (
        <Typography>No DKIM key yet: messages are sent unsigned.</Typography>
      )}
      {configured ? (
        <Stack component="form" direction={{ xs: 'column', sm: 'row' }} spacing={2} onSubmit={submit} noValidate aria-label="Generate a DKIM key" sx={{ alignItems: 'flex-start' }}>
          <TextField label="Domain" size="small" {...register('domain')} error={Boolean(errors.domain)} helperText={errors.domain?.message} />
          <TextField label="Selector" size="small" {...register('selector')} error={Boolean(errors.selector)} helperText={errors.selector?.message} />
          <Button type="submit" variant="outlined" disabled={generate.isPending}>
            {record.data ? 'Generate a new key' : 'Generate key'}
          </Button>
        </Stack>
      ) : null}
      {formError ? <Alert severity="error">{formError}</Alert> : null}
      <ConfirmDialog
        open={pending !== null}
        title="Replace the DKIM key?"
        confirmLabel="Replace key"
        destructive
        busy={generate.isPending}
        onConfirm={() => pending && generate.mutate(pending)}
        onClose={() => setPending(null)}
      >
        Messages are signed with the new key at once. Until its DNS record is published, receivers cannot verify them.
      </ConfirmDialog>
    </Stack>
  );
}
