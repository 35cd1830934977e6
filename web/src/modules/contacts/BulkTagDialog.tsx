import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField } from '@mui/material';
import { bulkTags } from '../../api/endpoints/contacts';
import { queryKeys } from '../../api/queryKeys';
import { useNotify } from '../../components/notifyContext';
import { splitList } from '../../lib/format';
import { applyServerErrors } from '../../lib/serverErrors';
import { bulkTagSchema, type BulkTagValues } from './bulkTagSchema';

interface Props {
  mode: 'add' | 'remove';
  contactIds: string[];
  onClose: () => void;
  onDone: () => void;
}

export function BulkTagDialog({ mode, contactIds, onClose, onDone }: Props) {
  const queryClient = useQueryClient();
  const notify = useNotify();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<BulkTagValues>({
    resolver: zodResolver(bulkTagSchema),
    defaultValues: { tags: '' },
  });
  const mutation = useMutation({
    mutationFn: (tags: string[]) =>
      bulkTags({ contactIds, add: mode === 'add' ? tags : [], remove: mode === 'remove' ? tags : [] }),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.contacts });
      notify({ message: `Updated ${result.updated} contact${result.updated === 1 ? '' : 's'}.` });
      onDone();
    },
    onError: (error) => setFormError(applyServerErrors(error, setError, ['tags'], { add: 'tags', remove: 'tags' })),
  });
  const title = mode === 'add' ? 'Add tag' : 'Remove tag';
  return (
    <Dialog open onClose={onClose} aria-labelledby="bulk-tag-title" fullWidth maxWidth="xs">
      <form onSubmit={handleSubmit((values) => mutation.mutate(splitList(values.tags)))} noValidate>
        <DialogTitle id="bulk-tag-title">
          {title} — {contactIds.length} contact{contactIds.length === 1 ? '' : 's'}
        </DialogTitle>
        <DialogContent>
          {formError ? (
            <Alert severity="error" sx={{ mb: 2 }}>
              {formError}
            </Alert>
          ) : null}
          <TextField
            label="Tags"
            autoFocus
            fullWidth
            margin="dense"
            {...register('tags')}
            error={Boolean(formState.errors.tags)}
            helperText={formState.errors.tags?.message ?? 'Separate several tags with commas.'}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={mutation.isPending}>
            {title}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
