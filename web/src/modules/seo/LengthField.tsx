import { useId } from 'react';
import { TextField, Typography, type TextFieldProps } from '@mui/material';
import { lengthCounter, type LengthTarget } from './seoFormat';

type Props = Omit<TextFieldProps, 'value' | 'onChange'> & {
  value: string;
  onChange: (value: string) => void;
  target: LengthTarget;
};

/** A text field with a live character counter against its target range (coloured, and said in words). */
export function LengthField({ value, onChange, target, helperText, ...rest }: Props) {
  const counterId = useId();
  const counter = lengthCounter(value.length, target);
  return (
    <TextField
      {...rest}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      fullWidth
      helperText={
        <>
          <Typography component="span" variant="caption" id={counterId} sx={{ color: counter.color, fontWeight: 600 }} aria-live="polite" data-testid={`${String(rest.name ?? 'field')}-counter`}>
            {counter.text}
          </Typography>
          {helperText ? <> · {helperText}</> : null}
        </>
      }
    />
  );
}
