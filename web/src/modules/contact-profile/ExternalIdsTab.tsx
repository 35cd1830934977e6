import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert,
  Button,
  IconButton,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import DeleteIcon from '@mui/icons-material/Delete';
import type { Contact, ExternalId } from '../../api/types';
import { useCan } from '../../auth/useCan';
import { applyServerErrors } from '../../lib/serverErrors';
import { externalIdSchema, type ExternalIdValues } from './externalIdSchema';
import { useContactUpdate } from './useContactUpdate';
import { errorMessage } from '../../api/problem';

export function ExternalIdsTab({ contact }: { contact: Contact }) {
  const canWrite = useCan()('contacts:write');
  const update = useContactUpdate(contact.id);
  const ids = contact.externalIds ?? [];
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, reset, formState } = useForm<ExternalIdValues>({
    resolver: zodResolver(externalIdSchema),
    defaultValues: { source: '', externalId: '' },
  });

  const save = async (next: ExternalId[]) => {
    setFormError(null);
    await update.mutateAsync({ externalIds: next });
  };

  const onAdd = handleSubmit(async (values) => {
    if (ids.some((id) => id.source === values.source && id.externalId === values.externalId)) {
      setError('externalId', { message: 'This id is already linked.' });
      return;
    }
    try {
      await save([...ids, values]);
      reset();
    } catch (error) {
      setFormError(
        applyServerErrors(error, setError, ['source', 'externalId'], {
          [`externalIds.${ids.length}.source`]: 'source',
          [`externalIds.${ids.length}.externalId`]: 'externalId',
        }),
      );
    }
  });

  return (
    <Stack spacing={2}>
      {formError ? <Alert severity="error">{formError}</Alert> : null}
      {ids.length === 0 ? (
        <Typography color="text.secondary">No links to other systems.</Typography>
      ) : (
        <Table size="small" aria-label="External ids">
          <TableHead>
            <TableRow>
              <TableCell>Source</TableCell>
              <TableCell>External id</TableCell>
              {canWrite ? <TableCell align="right">Actions</TableCell> : null}
            </TableRow>
          </TableHead>
          <TableBody>
            {ids.map((id) => (
              <TableRow key={`${id.source}:${id.externalId}`}>
                <TableCell>{id.source}</TableCell>
                <TableCell>{id.externalId}</TableCell>
                {canWrite ? (
                  <TableCell align="right">
                    <IconButton
                      aria-label={`Remove ${id.source} id ${id.externalId}`}
                      disabled={update.isPending}
                      onClick={() =>
                        save(ids.filter((x) => x !== id)).catch((error) => setFormError(errorMessage(error)))
                      }
                    >
                      <DeleteIcon />
                    </IconButton>
                  </TableCell>
                ) : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {canWrite ? (
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} component="form" onSubmit={onAdd} noValidate aria-label="Link an external id">
          <TextField label="Source" size="small" {...register('source')} error={Boolean(formState.errors.source)} helperText={formState.errors.source?.message ?? 'e.g. erp, b2b, smartbill, crm'} />
          <TextField label="External id" size="small" {...register('externalId')} error={Boolean(formState.errors.externalId)} helperText={formState.errors.externalId?.message} />
          <Button type="submit" variant="outlined" disabled={update.isPending} sx={{ alignSelf: 'flex-start' }}>
            Link id
          </Button>
        </Stack>
      ) : null}
    </Stack>
  );
}
