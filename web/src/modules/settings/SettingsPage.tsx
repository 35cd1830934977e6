import { Navigate, useParams, useNavigate } from 'react-router';
import { Alert, Box, Tab, Tabs } from '@mui/material';
import { useCan } from '../../auth/useCan';
import { PageHeader } from '../../components/PageHeader';
import { ApiKeysTab } from './ApiKeysTab';
import { EmailTab } from './EmailTab';
import { TenantTab } from './TenantTab';
import { UsersTab } from './UsersTab';

const SECTIONS = [
  { key: 'users', label: 'Users', scope: 'users:manage' },
  { key: 'api-keys', label: 'API keys', scope: 'apikeys:manage' },
  { key: 'tenant', label: 'Tenant', scope: 'tenant:manage' },
  { key: 'email', label: 'Email', scope: 'channels:manage' },
] as const;

export function SettingsPage() {
  const can = useCan();
  const navigate = useNavigate();
  const { section } = useParams();
  const allowed = SECTIONS.filter((s) => can(s.scope));
  const current = allowed.find((s) => s.key === section);

  if (allowed.length === 0) {
    return (
      <>
        <PageHeader title="Settings" />
        <Alert severity="info">Your role cannot change users, API keys, tenant or channel settings.</Alert>
      </>
    );
  }
  if (!current) return <Navigate to={`/settings/${allowed[0].key}`} replace />;

  return (
    <>
      <PageHeader title="Settings" documentTitle={`${current.label} · Settings`} />
      <Tabs
        value={current.key}
        onChange={(_, key: string) => navigate(`/settings/${key}`)}
        aria-label="Settings sections"
        sx={{ mb: 3, borderBottom: 1, borderColor: 'divider' }}
      >
        {allowed.map((s) => (
          <Tab key={s.key} value={s.key} label={s.label} id={`settings-tab-${s.key}`} aria-controls="settings-tabpanel" />
        ))}
      </Tabs>
      <Box role="tabpanel" id="settings-tabpanel" aria-labelledby={`settings-tab-${current.key}`}>
        {current.key === 'users' ? <UsersTab /> : null}
        {current.key === 'api-keys' ? <ApiKeysTab /> : null}
        {current.key === 'tenant' ? <TenantTab /> : null}
        {current.key === 'email' ? <EmailTab /> : null}
      </Box>
    </>
  );
}
