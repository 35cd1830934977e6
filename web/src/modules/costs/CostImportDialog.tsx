import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  List,
  ListItem,
  ListItemText,
  Stack,
  TextField,
} from '@mui/material';
import { importCosts } from '../../api/endpoints/costs';
import { errorMessage } from '../../api/problem';
import { queryKeys } from '../../api/queryKeys';
import { useNotify } from '../../components/notifyContext';
import { formatNumber } from '../../lib/format';
import { importErrors } from './importErrors';

const EXAMPLE = 'date,channel,campaign,amount,currency\n2026-11-02,paid_search,brand,120.50,RON';

/** Paste or pick a CSV of spend; all rows are saved or none, and each bad row is named. */
export function CostImportDialog({ onClose }: { onClose: () => void }) {
  const queryClient = useQueryClient();
  const notify = useNotify();
  const [csv, setCsv] = useState('');
  const upload = useMutation({
    mutationFn: () => importCosts(csv),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.analytics });
      notify({ message: `${formatNumber(result.saved)} cost rows imported. The dashboard follows within a minute.` });
      onClose();
    },
  });
  const readFile = async (file: File | undefined) => {
    if (file) setCsv(await file.text());
  };
  const errors = importErrors(upload.error);
  return (
    <Dialog open onClose={onClose} aria-labelledby="cost-import-title" fullWidth maxWidth="md">
      <DialogTitle id="cost-import-title">Import costs from CSV</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <DialogContentText>
            Columns <code>date,channel,campaign,amount,currency</code> (campaign and currency optional). Each row replaces
            the spend of its day, channel and campaign, so importing the same file again is safe.
          </DialogContentText>
          <Button component="label" variant="outlined" sx={{ alignSelf: 'flex-start' }}>
            Choose a CSV file
            <input type="file" accept=".csv,text/csv" hidden onChange={(event) => void readFile(event.target.files?.[0])} />
          </Button>
          <TextField
            label="CSV"
            multiline
            minRows={6}
            value={csv}
            onChange={(event) => setCsv(event.target.value)}
            placeholder={EXAMPLE}
            slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: 'monospace' } } }}
          />
          {upload.isError ? (
            <Alert severity="error">
              {errors.length > 0 ? 'Nothing was imported. Fix these rows and import again:' : errorMessage(upload.error)}
              {errors.length > 0 ? (
                <List dense aria-label="Import errors">
                  {errors.map((error) => (
                    <ListItem key={error.where} disableGutters>
                      <ListItemText primary={`${error.where}: ${error.message}`} />
                    </ListItem>
                  ))}
                </List>
              ) : null}
            </Alert>
          ) : null}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" onClick={() => upload.mutate()} disabled={csv.trim() === '' || upload.isPending}>
          Import
        </Button>
      </DialogActions>
    </Dialog>
  );
}
