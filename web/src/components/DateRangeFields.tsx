import { TextField } from '@mui/material';

interface Props {
  from: string;
  to: string;
  /** Called with the part that changed, as a yyyy-mm-dd string ('' when cleared). */
  onChange: (changes: { from?: string; to?: string }) => void;
}

/** The From / To date pair of a list's filter bar. */
export function DateRangeFields({ from, to, onChange }: Props) {
  return (
    <>
      <TextField
        label="From"
        type="date"
        size="small"
        value={from}
        onChange={(event) => onChange({ from: event.target.value })}
        slotProps={{ inputLabel: { shrink: true } }}
      />
      <TextField
        label="To"
        type="date"
        size="small"
        value={to}
        onChange={(event) => onChange({ to: event.target.value })}
        slotProps={{ inputLabel: { shrink: true } }}
      />
    </>
  );
}
