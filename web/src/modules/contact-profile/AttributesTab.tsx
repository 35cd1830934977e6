import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Box, Button, Skeleton, Stack, Typography } from '@mui/material';
import { listAttributeDefinitions } from '../../api/endpoints/contacts';
import { errorMessage, problemFieldErrors, isApiError } from '../../api/problem';
import { queryKeys } from '../../api/queryKeys';
import type { AttributeValue, Contact } from '../../api/types';
import { useCan } from '../../auth/useCan';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useNotify } from '../../components/notifyContext';
import { AttributeInput } from './AttributeInput';
import { attributeRows, attributeToText, textToAttribute } from './attributeValues';
import { NewAttributeDialog } from './NewAttributeDialog';
import { useContactUpdate } from './useContactUpdate';

export function AttributesTab({ contact }: { contact: Contact }) {
  const can = useCan();
  const canWrite = can('contacts:write');
  // POST /contacts/attributes needs tenant:manage, not contacts:write.
  const canDefine = can('tenant:manage');
  const notify = useNotify();
  const update = useContactUpdate(contact.id);
  const definitions = useQuery({ queryKey: queryKeys.attributeDefinitions, queryFn: listAttributeDefinitions });
  const values = useMemo(() => contact.attributes ?? {}, [contact.attributes]);
  const rows = useMemo(() => attributeRows(definitions.data ?? [], values), [definitions.data, values]);
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [generalError, setGeneralError] = useState<string | null>(null);
  const [defining, setDefining] = useState(false);

  const textOf = (name: string, type: (typeof rows)[number]['type']) =>
    name in edits ? edits[name] : attributeToText(values[name], type);

  const save = async () => {
    const next: Record<string, AttributeValue> = { ...values };
    const found: Record<string, string> = {};
    for (const row of rows) {
      if (!(row.name in edits)) continue;
      try {
        next[row.name] = textToAttribute(edits[row.name], row.type);
      } catch (error) {
        found[row.name] = `${row.label || row.name} ${(error as Error).message}.`;
      }
    }
    setErrors(found);
    setGeneralError(null);
    if (Object.keys(found).length > 0) return;
    try {
      await update.mutateAsync({ attributes: next });
      setEdits({});
      notify({ message: 'Attributes saved.' });
    } catch (error) {
      const fieldErrors = isApiError(error) ? problemFieldErrors(error.problem) : {};
      const mapped = Object.fromEntries(
        Object.entries(fieldErrors).map(([key, message]) => [key.replace(/^attributes\./, ''), message]),
      );
      setErrors(mapped);
      setGeneralError(Object.keys(mapped).length > 0 ? null : errorMessage(error));
    }
  };

  if (definitions.isPending) return <Skeleton variant="rectangular" height={120} />;
  if (definitions.isError) {
    return <ErrorAlert error={definitions.error} title="Attribute definitions could not be loaded" onRetry={() => definitions.refetch()} />;
  }

  return (
    <Stack spacing={2}>
      {generalError ? <Alert severity="error">{generalError}</Alert> : null}
      {rows.length === 0 ? (
        <Typography color="text.secondary">No custom attributes are defined for this tenant yet.</Typography>
      ) : (
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' } }}>
          {rows.map((row) => (
            <AttributeInput
              key={row.name}
              definition={row}
              value={textOf(row.name, row.type)}
              error={errors[row.name]}
              disabled={!canWrite}
              onChange={(text) => setEdits((current) => ({ ...current, [row.name]: text }))}
            />
          ))}
        </Box>
      )}
      {canWrite || canDefine ? (
        <Stack direction="row" spacing={1}>
          {canWrite && rows.length > 0 ? (
            <Button variant="contained" onClick={save} disabled={Object.keys(edits).length === 0 || update.isPending}>
              Save attributes
            </Button>
          ) : null}
          {canDefine ? <Button onClick={() => setDefining(true)}>New attribute</Button> : null}
        </Stack>
      ) : null}
      {defining ? <NewAttributeDialog onClose={() => setDefining(false)} /> : null}
    </Stack>
  );
}
