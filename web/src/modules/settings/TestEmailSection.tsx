import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { Alert, AlertTitle, Button, Stack, TextField, Typography } from '@mui/material';
import { sendTestEmail } from '../../api/endpoints/emailChannel';
import { errorMessage, isApiError } from '../../api/problem';
import { testEmailSchema, type TestEmailValues } from './emailSettingsSchema';

/** Sends one message through the saved sender and shows what the provider answered. */
export function TestEmailSection({ configured, defaultTo }: { configured: boolean; defaultTo: string }) {
  const { register, handleSubmit, formState } = useForm<TestEmailValues>({
    resolver: zodResolver(testEmailSchema),
    defaultValues: { to: defaultTo },
  });
  const send = useMutation({ mutationFn: (values: TestEmailValues) => sendTestEmail(values.to.trim()) });
  const failure = send.error;
  return (
    <Stack component="section" spacing={2} sx={{ maxWidth: 560 }} aria-labelledby="test-email-heading">
      <Typography variant="h2" id="test-email-heading">
        Send a test email
      </Typography>
      <Stack
        component="form"
        direction={{ xs: 'column', sm: 'row' }}
        spacing={2}
        onSubmit={handleSubmit((values) => send.mutate(values))}
        noValidate
        aria-label="Send a test email"
        sx={{ alignItems: 'flex-start' }}
      >
        <TextField
          label="Send to"
          type="email"
          size="small"
          {...register('to')}
          error={Boolean(formState.errors.to)}
          helperText={formState.errors.to?.message}
          sx={{ minWidth: 280 }}
        />
        <Button type="submit" variant="outlined" disabled={!configured || send.isPending}>
          {send.isPending ? 'Sending…' : 'Send test email'}
        </Button>
      </Stack>
      <div aria-live="polite">
        {send.isSuccess ? (
          <Alert severity="success">
            <AlertTitle>Test email accepted</AlertTitle>
            The {send.data.provider.toUpperCase()} provider accepted the message
            {send.data.providerMessageId ? ` (id ${send.data.providerMessageId})` : ''}.
          </Alert>
        ) : null}
        {failure ? (
          <Alert severity="error">
            <AlertTitle>
              {isApiError(failure) && failure.status === 422 ? (failure.problem?.title ?? 'The provider did not accept the test email') : 'The test email could not be sent'}
            </AlertTitle>
            {errorMessage(failure)}
          </Alert>
        ) : null}
      </div>
    </Stack>
  );
}
