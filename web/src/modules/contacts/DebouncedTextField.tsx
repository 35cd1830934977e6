import { useEffect, useRef, useState } from 'react';
import { TextField, type TextFieldProps } from '@mui/material';
import { useDebouncedValue } from '../../lib/useDebouncedValue';

type Props = Omit<TextFieldProps, 'value' | 'onChange'> & {
  value: string;
  onDebouncedChange: (value: string) => void;
  delayMs?: number;
};

/** A text field that reports its value after the user pauses typing. */
export function DebouncedTextField({ value, onDebouncedChange, delayMs = 350, ...rest }: Props) {
  const [text, setText] = useState(value);
  const debounced = useDebouncedValue(text, delayMs);
  const lastReported = useRef(value);

  // Follow outside changes (e.g. "Clear filters").
  useEffect(() => {
    if (value !== lastReported.current) {
      lastReported.current = value;
      setText(value);
    }
  }, [value]);

  useEffect(() => {
    if (debounced !== lastReported.current) {
      lastReported.current = debounced;
      onDebouncedChange(debounced);
    }
  }, [debounced, onDebouncedChange]);

  return <TextField {...rest} value={text} onChange={(event) => setText(event.target.value)} />;
}
