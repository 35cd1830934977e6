import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, DialogContentText, Stack } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { deleteContact, eraseContact, exportContact } from '../../api/endpoints/contacts';
import { errorMessage } from '../../api/problem';
import { queryKeys } from '../../api/queryKeys';
import type { Contact } from '../../api/types';
import { useCan } from '../../auth/useCan';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useNotify } from '../../components/notifyContext';
import { saveFile } from '../../lib/download';
import { contactDisplayName } from '../../lib/format';

export function ProfileActions({ contact }: { contact: Contact }) {
  const can = useCan();
  const notify = useNotify();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<'delete' | 'erase' | null>(null);
  const name = contactDisplayName(contact);

  const exportMutation = useMutation({
    mutationFn: () => exportContact(contact.id),
    onSuccess: (file) => {
      saveFile({ ...file, fileName: file.fileName.endsWith('.json') ? file.fileName : `contact-${contact.id}.json` });
      notify({ message: 'Export downloaded.' });
    },
    onError: (error) =>
      notify({ message: `Export failed: ${errorMessage(error)}`, severity: 'error', retry: () => exportMutation.mutate() }),
  });

  const leave = async (message: string) => {
    queryClient.removeQueries({ queryKey: queryKeys.contact(contact.id) });
    await queryClient.invalidateQueries({ queryKey: queryKeys.contacts });
    setDialog(null);
    notify({ message });
    navigate('/contacts', { replace: true });
  };

  const deleteMutation = useMutation({
    mutationFn: () => deleteContact(contact.id),
    onSuccess: () => leave(`${name} was deleted.`),
  });
  const eraseMutation = useMutation({
    mutationFn: () => eraseContact(contact.id),
    onSuccess: (result) => leave(`${name} was erased (erasure ${result?.erasureId ?? 'recorded'}).`),
  });

  const eraseWords = ['ERASE', ...(contact.email ? [contact.email] : [])];

  return (
    <>
      <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', gap: 1 }}>
        <Button variant="outlined" startIcon={<DownloadIcon />} onClick={() => exportMutation.mutate()} disabled={exportMutation.isPending}>
          Export
        </Button>
        {can('contacts:write') ? (
          <Button variant="outlined" color="error" onClick={() => setDialog('delete')}>
            Delete
          </Button>
        ) : null}
        {can('contacts:erase') ? (
          <Button variant="contained" color="error" onClick={() => setDialog('erase')}>
            Erase
          </Button>
        ) : null}
      </Stack>
      <ConfirmDialog
        open={dialog === 'delete'}
        title={`Delete ${name}?`}
        confirmLabel="Delete contact"
        destructive
        busy={deleteMutation.isPending}
        error={deleteMutation.error}
        onConfirm={() => deleteMutation.mutate()}
        onClose={() => {
          deleteMutation.reset();
          setDialog(null);
        }}
      >
        The contact is removed from lists and sending. It is a soft delete: the record and its history stay for audit.
      </ConfirmDialog>
      <ConfirmDialog
        open={dialog === 'erase'}
        title={`Erase ${name} (GDPR)?`}
        confirmLabel="Erase permanently"
        destructive
        typeToConfirm={eraseWords}
        typeToConfirmLabel={contact.email ? 'Type the email address or ERASE to confirm' : 'Type ERASE to confirm'}
        busy={eraseMutation.isPending}
        error={eraseMutation.error}
        onConfirm={() => eraseMutation.mutate()}
        onClose={() => {
          eraseMutation.reset();
          setDialog(null);
        }}
      >
        <DialogContentText>
          Erasing removes this person's personal data from every table. Only anonymised aggregates and the erasure record
          remain. This cannot be undone.
        </DialogContentText>
      </ConfirmDialog>
    </>
  );
}
