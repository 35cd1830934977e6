import { Link as RouterLink } from 'react-router';
import { Checkbox, Chip, Link, Stack, TableCell, TableRow } from '@mui/material';
import type { Contact } from '../../api/types';
import { StatusChip } from '../../components/StatusChip';
import { contactDisplayName, formatDate, humanize } from '../../lib/format';

interface Props {
  contact: Contact;
  selectable: boolean;
  selected: boolean;
  onToggle: (id: string) => void;
}

export function ContactRow({ contact, selectable, selected, onToggle }: Props) {
  const name = contactDisplayName(contact);
  return (
    <TableRow hover selected={selected}>
      {selectable ? (
        <TableCell padding="checkbox">
          <Checkbox
            checked={selected}
            onChange={() => onToggle(contact.id)}
            slotProps={{ input: { 'aria-label': `Select ${name}` } }}
          />
        </TableCell>
      ) : null}
      <TableCell>
        <Link component={RouterLink} to={`/contacts/${contact.id}`}>
          {name}
        </Link>
      </TableCell>
      <TableCell>{contact.email ?? '—'}</TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>{contact.phone ?? '—'}</TableCell>
      <TableCell>{contact.country ?? '—'}</TableCell>
      <TableCell>{humanize(contact.lifecycleStage)}</TableCell>
      <TableCell>
        <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5 }}>
          {(contact.tags ?? []).map((tag) => (
            <Chip key={tag} label={tag} size="small" />
          ))}
        </Stack>
      </TableCell>
      <TableCell>
        <StatusChip status={contact.globalUnsubscribe ? 'opted_out' : (contact.consents?.email ?? 'unknown')} label={contact.globalUnsubscribe ? 'Unsubscribed' : undefined} />
      </TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDate(contact.createdAt)}</TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDate(contact.updatedAt)}</TableCell>
    </TableRow>
  );
}
