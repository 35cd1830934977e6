import { useQuery } from '@tanstack/react-query';
import { Divider, Skeleton, Stack } from '@mui/material';
import { getEmailSettings } from '../../api/endpoints/emailChannel';
import { queryKeys } from '../../api/queryKeys';
import { useAuth } from '../../auth/authContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DkimSection } from './DkimSection';
import { EmailSenderForm } from './EmailSenderForm';
import { domainOf } from './emailSettingsSchema';
import { TestEmailSection } from './TestEmailSection';

/** Settings → Email: the sender (provider and credentials), DKIM and a test send. */
export function EmailTab() {
  const { me } = useAuth();
  const settings = useQuery({ queryKey: queryKeys.emailSettings, queryFn: getEmailSettings });
  if (settings.isPending) return <Skeleton variant="rectangular" height={320} sx={{ maxWidth: 560 }} aria-label="Loading email settings" />;
  if (settings.isError) {
    return <ErrorAlert error={settings.error} title="Email settings could not be loaded" onRetry={() => settings.refetch()} />;
  }
  const configured = settings.data !== null;
  return (
    <Stack spacing={4} divider={<Divider />}>
      <EmailSenderForm key={settings.data?.updatedAt ?? 'new'} settings={settings.data} />
      <TestEmailSection configured={configured} defaultTo={me?.email ?? ''} />
      <DkimSection
        key={settings.data?.fromEmail ?? 'none'}
        configured={configured}
        defaultDomain={settings.data?.dkim?.domain ?? domainOf(settings.data?.fromEmail)}
      />
    </Stack>
  );
}
