import { TextField } from '@mui/material';
import { IGNORE, type MappingGroup } from './mappingFields';

interface Props {
  header: string;
  value: string;
  groups: MappingGroup[];
  error?: string;
  onChange: (value: string) => void;
}

/** A native select with option groups: the BrandHub field one CSV column goes to. */
export function MappingSelect({ header, value, groups, error, onChange }: Props) {
  return (
    <TextField
      select
      size="small"
      fullWidth
      label={`Field for ${header}`}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      error={Boolean(error)}
      helperText={error}
      slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
    >
      <option value={IGNORE}>Ignore this column</option>
      {groups.map((group) => (
        <optgroup key={group.label} label={group.label}>
          {group.options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </optgroup>
      ))}
    </TextField>
  );
}
