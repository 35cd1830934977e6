import { useParams, useSearchParams, Link as RouterLink } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Box, Breadcrumbs, Link, Paper, Skeleton, Stack, Tab, Tabs, Typography } from '@mui/material';
import { getContact } from '../../api/endpoints/contacts';
import { isApiError } from '../../api/problem';
import { queryKeys } from '../../api/queryKeys';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { usePageTitle } from '../../components/usePageTitle';
import { contactDisplayName } from '../../lib/format';
import { AttributesTab } from './AttributesTab';
import { ConsentTab } from './ConsentTab';
import { DetailsTab } from './DetailsTab';
import { ExternalIdsTab } from './ExternalIdsTab';
import { ProfileActions } from './ProfileActions';
import { ProfileHeader } from './ProfileHeader';
import { TagsTab } from './TagsTab';
import { TimelineTab } from './TimelineTab';

const TABS = [
  { key: 'details', label: 'Details' },
  { key: 'attributes', label: 'Attributes' },
  { key: 'tags', label: 'Tags' },
  { key: 'external-ids', label: 'External ids' },
  { key: 'consent', label: 'Consent' },
  { key: 'timeline', label: 'Timeline' },
] as const;
type TabKey = (typeof TABS)[number]['key'];

export function ContactProfilePage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const tabParam = params.get('tab');
  const tab: TabKey = TABS.some((t) => t.key === tabParam) ? (tabParam as TabKey) : 'details';
  const contact = useQuery({ queryKey: queryKeys.contact(id), queryFn: () => getContact(id), enabled: id !== '' });
  usePageTitle(contact.data ? `${contactDisplayName(contact.data)} · Contacts` : 'Contact');

  const breadcrumbs = (
    <Breadcrumbs aria-label="Breadcrumb" sx={{ mb: 2 }}>
      <Link component={RouterLink} to="/contacts">
        Contacts
      </Link>
      <Typography color="text.primary" aria-current="page">
        Profile
      </Typography>
    </Breadcrumbs>
  );

  if (contact.isPending) {
    return (
      <>
        {breadcrumbs}
        <Skeleton variant="text" width={280} height={48} />
        <Skeleton variant="rectangular" height={240} sx={{ mt: 2 }} />
      </>
    );
  }
  if (contact.isError) {
    const missing = isApiError(contact.error) && contact.error.isNotFound;
    return (
      <>
        {breadcrumbs}
        <PageHeader title={missing ? 'Contact not found' : 'Contact'} documentTitle={missing ? 'Contact not found' : 'Contact'} />
        <ErrorAlert
          error={contact.error}
          title={missing ? 'This contact does not exist or was deleted' : 'The contact could not be loaded'}
          onRetry={missing ? undefined : () => contact.refetch()}
        />
      </>
    );
  }

  const data = contact.data;
  return (
    <>
      {breadcrumbs}
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ justifyContent: 'space-between', mb: 3 }}>
        <ProfileHeader contact={data} />
        <Box>
          <ProfileActions contact={data} />
        </Box>
      </Stack>
      <Paper variant="outlined">
        <Tabs
          value={tab}
          onChange={(_, value: TabKey) =>
            setParams(
              (current) => {
                const next = new URLSearchParams(current);
                if (value === 'details') next.delete('tab');
                else next.set('tab', value);
                return next;
              },
              { replace: true },
            )
          }
          variant="scrollable"
          scrollButtons="auto"
          aria-label="Contact sections"
          sx={{ borderBottom: 1, borderColor: 'divider' }}
        >
          {TABS.map((t) => (
            <Tab key={t.key} value={t.key} label={t.label} id={`contact-tab-${t.key}`} aria-controls={`contact-tabpanel-${t.key}`} />
          ))}
        </Tabs>
        <Box role="tabpanel" id={`contact-tabpanel-${tab}`} aria-labelledby={`contact-tab-${tab}`} sx={{ p: { xs: 2, md: 3 } }}>
          {tab === 'details' ? <DetailsTab contact={data} /> : null}
          {tab === 'attributes' ? <AttributesTab contact={data} /> : null}
          {tab === 'tags' ? <TagsTab contact={data} /> : null}
          {tab === 'external-ids' ? <ExternalIdsTab contact={data} /> : null}
          {tab === 'consent' ? <ConsentTab contactId={data.id} /> : null}
          {tab === 'timeline' ? <TimelineTab contactId={data.id} /> : null}
        </Box>
      </Paper>
    </>
  );
}
