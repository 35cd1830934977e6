import { useMemo, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Box, Button, Chip, Stack, TextField, Typography } from '@mui/material';
import { saveEmailSettings } from '../../api/endpoints/emailChannel';
import { queryKeys } from '../../api/queryKeys';
import { SMTP_SECURITY, type EmailSettings } from '../../api/types';
import { NativeSelectField } from '../../components/NativeSelectField';
import { useNotify } from '../../components/notifyContext';
import { applyServerErrors } from '../../lib/serverErrors';
import {
  EMPTY_EMAIL_SETTINGS,
  emailSettingsSchema,
  fromEmailSettings,
  toEmailSettingsInput,
  type EmailSettingsValues,
} from './emailSettingsSchema';

const FIELDS = Object.keys(EMPTY_EMAIL_SETTINGS);
const SECURITY_LABELS: Record<(typeof SMTP_SECURITY)[number], string> = {
  starttls: 'STARTTLS (usually port 587)',
  tls: 'TLS from the start (usually port 465)',
  none: 'None (only on a trusted network)',
};

/** "Stored" next to a write-only secret that has a value on the server. */
function StoredHint({ stored, what }: { stored: boolean; what: string }) {
  return stored ? (
    <>
      <Chip size="small" label="Stored" color="success" variant="outlined" sx={{ mr: 1 }} />
      {`A ${what} is stored; leave empty to keep it.`}
    </>
  ) : (
    `Write-only: never shown again after saving.`
  );
}

export function EmailSenderForm({ settings }: { settings: EmailSettings | null }) {
  const queryClient = useQueryClient();
  const notify = useNotify();
  const [formError, setFormError] = useState<string | null>(null);
  const schema = useMemo(() => emailSettingsSchema(settings), [settings]);
  const { register, handleSubmit, setError, reset, control, formState } = useForm<EmailSettingsValues>({
    resolver: zodResolver(schema),
    defaultValues: settings ? fromEmailSettings(settings) : EMPTY_EMAIL_SETTINGS,
  });
  const provider = useWatch({ control, name: 'provider' });
  const mutation = useMutation({
    mutationFn: (values: EmailSettingsValues) => saveEmailSettings(toEmailSettingsInput(values)),
    onSuccess: (saved) => {
      setFormError(null);
      queryClient.setQueryData(queryKeys.emailSettings, saved);
      reset(fromEmailSettings(saved));
      notify({ message: 'Email sender saved.' });
    },
    onError: (error) => setFormError(applyServerErrors(error, setError, FIELDS)),
  });
  const errors = formState.errors;
  const field = (name: keyof EmailSettingsValues, label: string, help?: React.ReactNode, type = 'text') => (
    <TextField
      label={label}
      type={type}
      {...register(name)}
      error={Boolean(errors[name])}
      helperText={errors[name]?.message ?? help}
      autoComplete={type === 'password' ? 'new-password' : 'off'}
    />
  );

  return (
    <Stack
      component="form"
      spacing={2}
      sx={{ maxWidth: 560 }}
      onSubmit={handleSubmit((values) => mutation.mutate(values))}
      noValidate
      aria-labelledby="email-sender-heading"
    >
      <Typography variant="h2" id="email-sender-heading">
        Sender
      </Typography>
      {settings === null ? (
        <Alert severity="info">Email is not configured yet: messages wait in the queue until a sender is saved.</Alert>
      ) : null}
      {formError ? <Alert severity="error">{formError}</Alert> : null}
      <NativeSelectField
        label="Provider"
        options={[
          { value: 'smtp', label: 'SMTP server' },
          { value: 'http', label: 'HTTP API (Mailgun-style)' },
        ]}
        {...register('provider')}
      />
      {field('fromEmail', 'From email', undefined, 'email')}
      {field('fromName', 'From name', 'Optional: the name recipients see.')}
      {field('replyTo', 'Reply-to', 'Optional: where replies go.', 'email')}
      {provider === 'smtp' ? (
        <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, display: 'grid', gap: 2 }}>
          <Typography component="legend" variant="h3" sx={{ mb: 2 }}>
            SMTP server
          </Typography>
          {field('host', 'Host')}
          <NativeSelectField
            label="Security"
            options={SMTP_SECURITY.map((value) => ({ value, label: SECURITY_LABELS[value] }))}
            {...register('security')}
          />
          {field('port', 'Port', 'Empty: the usual port for the security mode.')}
          {field('username', 'Username', 'Optional: leave empty for a server without authentication.')}
          {field('password', 'Password', <StoredHint stored={settings?.hasPassword ?? false} what="password" />, 'password')}
        </Box>
      ) : (
        <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, display: 'grid', gap: 2 }}>
          <Typography component="legend" variant="h3" sx={{ mb: 2 }}>
            HTTP provider
          </Typography>
          {field('baseUrl', 'Base URL', 'e.g. https://api.eu.mailgun.net')}
          {field('domain', 'Sending domain', 'The domain registered with the provider, e.g. mg.example.com.')}
          {field('apiKey', 'API key', <StoredHint stored={settings?.hasApiKey ?? false} what="key" />, 'password')}
          {field(
            'webhookSigningKey',
            'Webhook signing key',
            <StoredHint stored={settings?.hasWebhookSigningKey ?? false} what="signing key" />,
            'password',
          )}
          {settings?.webhookUrl ? (
            <Typography variant="body2">
              Point the provider’s event webhook at <code>{settings.webhookUrl}</code>.
            </Typography>
          ) : null}
        </Box>
      )}
      <div>
        <Button type="submit" variant="contained" disabled={mutation.isPending || (settings !== null && !formState.isDirty)}>
          Save sender
        </Button>
      </div>
    </Stack>
  );
}
