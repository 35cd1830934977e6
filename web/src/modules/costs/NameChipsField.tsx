import { Autocomplete, Chip, TextField } from '@mui/material';

interface Props {
  label: string;
  values: string[];
  onChange: (values: string[]) => void;
  /** Suggestions offered in the list (any other name can be typed). */
  options?: readonly string[];
  disabled?: boolean;
  error?: string;
  helperText: string;
  max?: number;
}

/** A list of names as chips: type one and press Enter to add it, Backspace or the chip's × to remove. */
export function NameChipsField({ label, values, onChange, options = [], disabled, error, helperText, max }: Props) {
  const full = max !== undefined && values.length >= max;
  return (
    <Autocomplete
      multiple
      freeSolo
      options={options.filter((option) => !values.includes(option))}
      value={values}
      disabled={disabled}
      onChange={(_, next) => onChange(Array.from(new Set(next.map((value) => value.trim()).filter(Boolean))).slice(0, max))}
      renderValue={(selected, getItemProps) =>
        selected.map((value, index) => {
          const { key, ...itemProps } = getItemProps({ index });
          return <Chip key={key} size="small" label={value} {...itemProps} />;
        })
      }
      renderInput={(params) => (
        <TextField
          {...params}
          label={label}
          error={Boolean(error)}
          helperText={error ?? (full ? `${helperText} (at most ${max})` : helperText)}
          slotProps={{ ...params.slotProps, htmlInput: { ...params.slotProps.htmlInput, readOnly: full || undefined } }}
        />
      )}
    />
  );
}
