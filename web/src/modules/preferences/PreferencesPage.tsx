import { useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  AlertTitle,
  Box,
  Button,
  CircularProgress,
  Container,
  Divider,
  FormControlLabel,
  FormGroup,
  Paper,
  Stack,
  Switch,
  Typography,
} from '@mui/material';
import { getPreferences, updatePreferences } from '../../api/endpoints/preferences';
import { errorMessage, isApiError } from '../../api/problem';
import { queryKeys } from '../../api/queryKeys';
import type { Preferences, PreferencesChange } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { usePageTitle } from '../../components/usePageTitle';

/** "email" → "email", "sms" → "SMS", "whatsapp" → "WhatsApp", "push" → "push notifications". */
export function channelName(channel: string): string {
  switch (channel) {
    case 'sms':
      return 'SMS';
    case 'whatsapp':
      return 'WhatsApp';
    case 'push':
      return 'push notifications';
    default:
      return channel;
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function PreferencesForm({ token, preferences }: { token: string; preferences: Preferences }) {
  const queryClient = useQueryClient();
  const change = useMutation({
    mutationFn: (body: PreferencesChange) => updatePreferences(token, body),
    onSuccess: (saved) => queryClient.setQueryData(queryKeys.preferences(token), saved),
  });
  const linkChannel = preferences.channel;
  const linkState = preferences.channels.find((c) => c.channel === linkChannel);
  const unsubscribedFromLinkChannel = preferences.unsubscribedFromAll || linkState?.status === 'opted_out';
  const justUnsubscribed = change.isSuccess && change.variables?.[linkChannel] === false;

  return (
    <Stack spacing={3}>
      <div aria-live="polite">
        {change.isError ? (
          <Alert severity="error" action={<Button color="inherit" size="small" onClick={() => change.variables && change.mutate(change.variables)}>Retry</Button>}>
            Your choice could not be saved: {errorMessage(change.error)}
          </Alert>
        ) : null}
        {unsubscribedFromLinkChannel ? (
          <Alert severity="success" role="status">
            <AlertTitle>{justUnsubscribed ? 'You are unsubscribed' : `You do not receive ${channelName(linkChannel)}`}</AlertTitle>
            {preferences.unsubscribedFromAll
              ? `${preferences.tenant} will not send you any marketing messages.`
              : `${preferences.tenant} will not send you marketing ${channelName(linkChannel)} any more. Messages you need about your orders or account may still arrive.`}
          </Alert>
        ) : null}
      </div>
      {!unsubscribedFromLinkChannel ? (
        <Box sx={{ textAlign: 'center' }}>
          <Button
            variant="contained"
            color="error"
            size="large"
            onClick={() => change.mutate({ [linkChannel]: false })}
            disabled={change.isPending}
          >
            {`Unsubscribe from all ${channelName(linkChannel)}`}
          </Button>
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            One click: no sign-in, takes effect at once.
          </Typography>
        </Box>
      ) : null}
      <Divider />
      <Box component="section" aria-labelledby="channels-heading">
        <Typography variant="h2" id="channels-heading" sx={{ mb: 1 }}>
          What you receive
        </Typography>
        <FormGroup>
          {preferences.channels.map((c) => (
            <FormControlLabel
              key={c.channel}
              control={
                <Switch
                  checked={c.subscribed}
                  disabled={change.isPending || preferences.unsubscribedFromAll}
                  onChange={(event) => change.mutate({ [c.channel]: event.target.checked })}
                />
              }
              label={capitalise(channelName(c.channel))}
            />
          ))}
        </FormGroup>
        <FormControlLabel
          sx={{ mt: 2 }}
          control={
            <Switch
              checked={preferences.unsubscribedFromAll}
              disabled={change.isPending}
              onChange={(event) => change.mutate({ unsubscribeAll: event.target.checked })}
            />
          }
          label={`Stop all marketing messages from ${preferences.tenant}`}
        />
      </Box>
      {change.isPending ? (
        <Typography variant="body2" color="text.secondary" aria-live="polite">
          Saving…
        </Typography>
      ) : null}
    </Stack>
  );
}

/** `/u/:token`: the public preference centre behind the unsubscribe link in every marketing message. */
export function PreferencesPage() {
  const { token = '' } = useParams();
  usePageTitle('Email preferences');
  const preferences = useQuery({ queryKey: queryKeys.preferences(token), queryFn: () => getPreferences(token), retry: false });
  const invalidLink = preferences.isError && isApiError(preferences.error) && (preferences.error.isNotFound || preferences.error.status === 400);

  return (
    <Box component="main" sx={{ minHeight: '100vh', bgcolor: 'background.default', py: { xs: 3, sm: 8 } }}>
      <Container maxWidth="sm">
        <Paper variant="outlined" sx={{ p: { xs: 3, sm: 4 } }}>
          {preferences.isPending ? (
            <Box sx={{ display: 'grid', placeItems: 'center', minHeight: 200 }}>
              <CircularProgress aria-label="Loading your preferences" />
            </Box>
          ) : invalidLink ? (
            <>
              <Typography variant="h1" sx={{ mb: 2 }}>
                This link does not work
              </Typography>
              <Alert severity="warning">
                The link is invalid or has expired, or the address it was sent to no longer exists. Use the unsubscribe link
                in a more recent message, or reply to the sender.
              </Alert>
            </>
          ) : preferences.isError ? (
            <>
              <Typography variant="h1" sx={{ mb: 2 }}>
                Email preferences
              </Typography>
              <ErrorAlert error={preferences.error} title="Your preferences could not be loaded" onRetry={() => preferences.refetch()} />
            </>
          ) : (
            <>
              <Typography variant="h1">{preferences.data.tenant}</Typography>
              <Typography color="text.secondary" sx={{ mt: 0.5, mb: 3 }}>
                {preferences.data.email ? `Message preferences for ${preferences.data.email}` : 'Your message preferences'}
              </Typography>
              <PreferencesForm token={token} preferences={preferences.data} />
            </>
          )}
        </Paper>
      </Container>
    </Box>
  );
}
