import { Button, FormHelperText, IconButton, Stack, TextField } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import { TOUCH_CHANNELS } from '../../api/types';
import { NativeSelectField } from '../../components/NativeSelectField';
import { keyLabel } from '../analytics/analyticsLabels';
import type { MediumRow } from './channelRulesForm';

const CHANNEL_OPTIONS = [
  ...TOUCH_CHANNELS.map((channel) => ({ value: channel, label: keyLabel(channel) })),
  { value: 'paid', label: 'Paid (search, social or display by the source)' },
];

interface Props {
  rows: MediumRow[];
  onChange: (rows: MediumRow[]) => void;
  disabled?: boolean;
  error?: string;
  rowErrors: Record<string, string>;
}

/** utm_medium → channel pairs, one row each. */
export function MediumsEditor({ rows, onChange, disabled, error, rowErrors }: Props) {
  const update = (index: number, change: Partial<MediumRow>) => onChange(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  return (
    <Stack spacing={1}>
      {rows.map((row, index) => {
        const rowError = rowErrors[row.medium.trim().toLowerCase()] ?? rowErrors[row.medium.trim()];
        return (
          <Stack key={index} direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
            <TextField
              size="small"
              label={`Medium ${index + 1}`}
              value={row.medium}
              onChange={(event) => update(index, { medium: event.target.value })}
              disabled={disabled}
              error={Boolean(rowError)}
              sx={{ flex: 1 }}
            />
            <NativeSelectField
              size="small"
              label={`Channel for medium ${index + 1}`}
              value={row.channel}
              onChange={(event) => update(index, { channel: event.target.value })}
              disabled={disabled}
              options={CHANNEL_OPTIONS}
              error={Boolean(rowError)}
              helperText={rowError}
              sx={{ flex: 1 }}
            />
            <IconButton aria-label={`Remove medium ${row.medium || index + 1}`} onClick={() => onChange(rows.filter((_, i) => i !== index))} disabled={disabled}>
              <DeleteIcon fontSize="small" />
            </IconButton>
          </Stack>
        );
      })}
      {error ? <FormHelperText error>{error}</FormHelperText> : null}
      {disabled ? null : (
        <Button size="small" startIcon={<AddIcon />} onClick={() => onChange([...rows, { medium: '', channel: 'email' }])} sx={{ alignSelf: 'flex-start' }}>
          Add a medium
        </Button>
      )}
    </Stack>
  );
}
