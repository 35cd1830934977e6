import { Chip, Stack, Typography } from '@mui/material';
import EmailIcon from '@mui/icons-material/Email';
import PhoneIcon from '@mui/icons-material/Phone';
import type { Contact } from '../../api/types';
import { contactDisplayName, humanize } from '../../lib/format';

export function ProfileHeader({ contact }: { contact: Contact }) {
  const name = contactDisplayName(contact);
  return (
    <Stack spacing={1}>
      <Typography variant="h1" id="page-title" tabIndex={-1}>
        {name}
      </Typography>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={{ xs: 0.5, sm: 3 }} sx={{ color: 'text.secondary' }}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <EmailIcon fontSize="small" aria-hidden />
          <Typography aria-label="Email address">{contact.email ?? 'No email'}</Typography>
        </Stack>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <PhoneIcon fontSize="small" aria-hidden />
          <Typography aria-label="Phone number">{contact.phone ?? 'No phone'}</Typography>
        </Stack>
      </Stack>
      <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', gap: 1 }}>
        {contact.lifecycleStage ? <Chip size="small" label={humanize(contact.lifecycleStage)} /> : null}
        {contact.company ? <Chip size="small" variant="outlined" label={contact.company} /> : null}
        {contact.globalUnsubscribe ? <Chip size="small" color="error" label="Globally unsubscribed" /> : null}
      </Stack>
    </Stack>
  );
}
