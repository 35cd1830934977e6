import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Link,
  List,
  ListItem,
  ListItemButton,
  ListItemIcon,
  ListItemText,
  Skeleton,
  Stack,
  TableCell,
  TableRow,
  Typography,
} from '@mui/material';
import PersonAddIcon from '@mui/icons-material/PersonAdd';
import { listContacts } from '../../api/endpoints/contacts';
import { addSegmentMembers, listSegmentMembers, removeSegmentMembers } from '../../api/endpoints/segments';
import { errorMessage } from '../../api/problem';
import { queryKeys } from '../../api/queryKeys';
import type { Segment, SegmentMember } from '../../api/types';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PagedTable, type PagedTableColumn } from '../../components/PagedTable';
import { useNotify } from '../../components/notifyContext';
import { contactDisplayName, formatDateTime, formatNumber } from '../../lib/format';
import { DebouncedTextField } from '../contacts/DebouncedTextField';

const COLUMNS: PagedTableColumn[] = [{ label: 'Contact' }, { label: 'Email' }, { label: 'Member since' }];
const SELECT_COLUMN: PagedTableColumn = { label: 'Select', hiddenLabel: true };

/** The segment's live members; a static segment's members are added and removed here by hand. */
export function SegmentMembersTab({ segment, canWrite }: { segment: Segment; canWrite: boolean }) {
  const editable = canWrite && segment.type === 'static';
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(25);
  const [selected, setSelected] = useState<Map<string, SegmentMember>>(new Map());
  const [confirmRemove, setConfirmRemove] = useState(false);
  const [adding, setAdding] = useState(false);
  const members = useQuery({
    queryKey: queryKeys.segmentMembers(segment.id, page, pageSize),
    queryFn: () => listSegmentMembers(segment.id, { page, pageSize }),
    placeholderData: keepPreviousData,
  });
  const remove = useMutation({
    mutationFn: () => removeSegmentMembers(segment.id, [...selected.keys()]),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.segments });
      notify({ message: `${formatNumber(result.changed)} removed; ${formatNumber(result.memberCount)} members now.` });
      setSelected(new Map());
      setConfirmRemove(false);
    },
  });
  const toggle = (member: SegmentMember) =>
    setSelected((current) => {
      const next = new Map(current);
      if (next.has(member.contactId)) next.delete(member.contactId);
      else next.set(member.contactId, member);
      return next;
    });

  return (
    <Stack spacing={2}>
      {segment.type === 'dynamic' ? (
        <Typography color="text.secondary">Members follow the criteria; they are recomputed when the segment is saved or refreshed.</Typography>
      ) : null}
      {editable ? (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Button variant="contained" startIcon={<PersonAddIcon />} onClick={() => setAdding(true)}>
            Add members
          </Button>
          <Button color="error" variant="outlined" disabled={selected.size === 0} onClick={() => setConfirmRemove(true)}>
            {selected.size > 0 ? `Remove ${formatNumber(selected.size)} selected` : 'Remove selected'}
          </Button>
        </Stack>
      ) : null}
      <PagedTable
        label="Segment members"
        columns={editable ? [SELECT_COLUMN, ...COLUMNS] : COLUMNS}
        query={members}
        renderRow={(m: SegmentMember) => {
          const name = contactDisplayName(m) || m.contactId;
          return (
            <TableRow key={m.contactId} hover selected={selected.has(m.contactId)}>
              {editable ? (
                <TableCell padding="checkbox">
                  <Checkbox checked={selected.has(m.contactId)} onChange={() => toggle(m)} slotProps={{ input: { 'aria-label': `Select ${name}` } }} />
                </TableCell>
              ) : null}
              <TableCell>
                <Link component={RouterLink} to={`/contacts/${m.contactId}`}>{name}</Link>
              </TableCell>
              <TableCell>{m.email ?? '—'}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(m.addedAt)}</TableCell>
            </TableRow>
          );
        }}
        empty={
          segment.type === 'static' ? (
            <EmptyState
              title="No members"
              description={editable ? 'Add contacts to this static segment by hand.' : 'Nobody has been added to this static segment.'}
              actions={editable ? <Button onClick={() => setAdding(true)}>Add members</Button> : undefined}
            />
          ) : (
            <EmptyState title="No members" description="Nobody matches the criteria at the last refresh. Refresh the segment to recompute it." />
          )
        }
        page={page}
        pageSize={pageSize}
        onPageChange={setPage}
        onPageSizeChange={(size) => {
          setPageSize(size);
          setPage(1);
        }}
      />
      {adding ? <AddMembersDialog segment={segment} onClose={() => setAdding(false)} /> : null}
      <ConfirmDialog
        open={confirmRemove}
        title={`Remove ${formatNumber(selected.size)} ${selected.size === 1 ? 'member' : 'members'}?`}
        confirmLabel="Remove from segment"
        destructive
        busy={remove.isPending}
        error={remove.error}
        onConfirm={() => remove.mutate()}
        onClose={() => {
          remove.reset();
          setConfirmRemove(false);
        }}
      >
        {`${[...selected.values()].slice(0, 5).map((m) => contactDisplayName(m)).join(', ')}${selected.size > 5 ? ` and ${selected.size - 5} more` : ''} leave "${segment.name}". The contacts themselves are kept.`}
      </ConfirmDialog>
    </Stack>
  );
}

const PICK_PAGE_SIZE = 10;

/** Picks contacts through the contacts search and adds them to a static segment. */
function AddMembersDialog({ segment, onClose }: { segment: Segment; onClose: () => void }) {
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<Map<string, string>>(new Map());
  const query = { search, page: 1, pageSize: PICK_PAGE_SIZE };
  const contacts = useQuery({ queryKey: queryKeys.contactList(query), queryFn: () => listContacts(query), placeholderData: keepPreviousData });
  const add = useMutation({
    mutationFn: () => addSegmentMembers(segment.id, [...picked.keys()]),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.segments });
      const skipped = picked.size - result.changed;
      notify({
        message: `${formatNumber(result.changed)} added${skipped > 0 ? ` (${formatNumber(skipped)} already members)` : ''}; ${formatNumber(result.memberCount)} members now.`,
      });
      onClose();
    },
  });
  const toggle = (id: string, label: string) =>
    setPicked((current) => {
      const next = new Map(current);
      if (next.has(id)) next.delete(id);
      else next.set(id, label);
      return next;
    });
  return (
    <Dialog open onClose={add.isPending ? undefined : onClose} aria-labelledby="add-members-title" fullWidth maxWidth="sm">
      <DialogTitle id="add-members-title">Add members to {segment.name}</DialogTitle>
      <DialogContent>
        <DebouncedTextField label="Search contacts" type="search" size="small" value={search} onDebouncedChange={setSearch} fullWidth autoFocus sx={{ mt: 1 }} />
        {contacts.isError ? <ErrorAlert error={contacts.error} title="Contacts could not be loaded" onRetry={() => void contacts.refetch()} /> : null}
        {contacts.isPending ? (
          <Box sx={{ mt: 1 }}>
            {Array.from({ length: 3 }, (_, i) => (
              <Skeleton key={i} height={40} />
            ))}
          </Box>
        ) : null}
        {contacts.data ? (
          contacts.data.items.length === 0 ? (
            <Typography color="text.secondary" sx={{ mt: 2 }}>
              {search ? 'No contacts match this search.' : 'There are no contacts yet.'}
            </Typography>
          ) : (
            <List dense aria-label="Contacts found" sx={{ opacity: contacts.isFetching ? 0.6 : 1 }}>
              {contacts.data.items.map((contact) => {
                const label = contactDisplayName(contact);
                const id = `pick-${contact.id}`;
                return (
                  <ListItem key={contact.id} disablePadding>
                    <ListItemButton onClick={() => toggle(contact.id, label)} dense>
                      <ListItemIcon>
                        <Checkbox edge="start" checked={picked.has(contact.id)} tabIndex={-1} disableRipple slotProps={{ input: { 'aria-labelledby': id } }} />
                      </ListItemIcon>
                      <ListItemText id={id} primary={label} secondary={contact.email && contact.email !== label ? contact.email : undefined} />
                    </ListItemButton>
                  </ListItem>
                );
              })}
            </List>
          )
        ) : null}
        {contacts.data && contacts.data.total > contacts.data.items.length ? (
          <Typography variant="body2" color="text.secondary">
            Showing {contacts.data.items.length} of {formatNumber(contacts.data.total)}; search to narrow down.
          </Typography>
        ) : null}
        {picked.size > 0 ? (
          <Typography variant="body2" sx={{ mt: 1 }}>
            Chosen: {[...picked.values()].join(', ')}
          </Typography>
        ) : null}
        {add.isError ? (
          <Alert severity="error" sx={{ mt: 2 }}>
            {errorMessage(add.error)}
          </Alert>
        ) : null}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={add.isPending}>
          Cancel
        </Button>
        <Button variant="contained" onClick={() => add.mutate()} disabled={picked.size === 0 || add.isPending}>
          {picked.size > 0 ? `Add ${formatNumber(picked.size)} ${picked.size === 1 ? 'contact' : 'contacts'}` : 'Add contacts'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
