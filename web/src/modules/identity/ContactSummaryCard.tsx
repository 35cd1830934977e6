import { Link as RouterLink } from 'react-router';
import { Box, Card, CardContent, Link, Typography } from '@mui/material';
import type { Contact } from '../../api/types';
import { contactDisplayName, formatDate } from '../../lib/format';

const FIELDS: { key: keyof Contact; label: string }[] = [
  { key: 'email', label: 'Email' },
  { key: 'phone', label: 'Phone' },
  { key: 'company', label: 'Company' },
  { key: 'taxId', label: 'Tax id' },
  { key: 'city', label: 'City' },
  { key: 'country', label: 'Country' },
];

/** One side of a possible-duplicate pair. `compare` highlights fields that differ. */
export function ContactSummaryCard({
  title,
  contact,
  compare,
}: {
  title: string;
  contact: Contact | null;
  compare?: Contact | null;
}) {
  if (!contact) {
    return (
      <Card variant="outlined" sx={{ height: '100%' }}>
        <CardContent>
          <Typography variant="overline" color="text.secondary" component="h3">
            {title}
          </Typography>
          <Typography>This contact was deleted or erased after the pair was found.</Typography>
        </CardContent>
      </Card>
    );
  }
  return (
    <Card variant="outlined" sx={{ height: '100%' }}>
      <CardContent>
        <Typography variant="overline" color="text.secondary" component="h3">
          {title}
        </Typography>
        <Typography variant="h3" component="p" sx={{ mb: 1 }}>
          <Link component={RouterLink} to={`/contacts/${contact.id}`}>
            {contactDisplayName(contact)}
          </Link>
        </Typography>
        <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 2, rowGap: 0.5, m: 0 }}>
          {FIELDS.map(({ key, label }) => {
            const value = (contact[key] as string | null) ?? '—';
            const differs = Boolean(compare) && (compare?.[key] ?? null) !== (contact[key] ?? null);
            return (
              <Box key={key} sx={{ display: 'contents' }}>
                <Typography component="dt" variant="body2" color="text.secondary">
                  {label}
                </Typography>
                <Typography component="dd" variant="body2" sx={{ m: 0, fontWeight: differs ? 600 : undefined }}>
                  {value}
                  {differs ? <span className="visually-hidden"> (differs)</span> : null}
                </Typography>
              </Box>
            );
          })}
          <Typography component="dt" variant="body2" color="text.secondary">
            External ids
          </Typography>
          <Typography component="dd" variant="body2" sx={{ m: 0 }}>
            {(contact.externalIds ?? []).map((id) => `${id.source}: ${id.externalId}`).join(', ') || '—'}
          </Typography>
          <Typography component="dt" variant="body2" color="text.secondary">
            Created
          </Typography>
          <Typography component="dd" variant="body2" sx={{ m: 0 }}>
            {formatDate(contact.createdAt)}
          </Typography>
        </Box>
      </CardContent>
    </Card>
  );
}
