import { TextField, type TextFieldProps } from '@mui/material';

export interface SelectOption {
  value: string;
  label: string;
}

type Props = Omit<TextFieldProps, 'select' | 'children'> & { options: readonly SelectOption[] };

/**
 * A labelled native <select>: keyboard and screen-reader friendly on every
 * platform, and works with react-hook-form's `register`.
 */
export function NativeSelectField({ options, slotProps, ...rest }: Props) {
  return (
    <TextField
      {...rest}
      select
      slotProps={{ ...slotProps, select: { native: true }, inputLabel: { shrink: true } }}
    >
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </TextField>
  );
}

/** Options for an enum, humanised, with an optional leading "empty" choice. */
export function enumOptions(values: readonly string[], humanize: (v: string) => string, empty?: string): SelectOption[] {
  const options = values.map((value) => ({ value, label: humanize(value) }));
  return empty !== undefined ? [{ value: '', label: empty }, ...options] : options;
}
