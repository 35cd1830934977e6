import { TextField } from '@mui/material';
import { NativeSelectField } from '../../components/NativeSelectField';
import type { AttributeDefinition } from '../../api/types';

interface Props {
  definition: AttributeDefinition;
  value: string;
  error?: string;
  disabled?: boolean;
  onChange: (value: string) => void;
}

/** One input for a typed custom attribute. */
export function AttributeInput({ definition, value, error, disabled, onChange }: Props) {
  const common = {
    label: definition.label || definition.name,
    value,
    disabled,
    error: Boolean(error),
    helperText: error ?? definition.name,
    fullWidth: true,
    size: 'small' as const,
  };
  if (definition.type === 'bool') {
    return (
      <NativeSelectField
        {...common}
        options={[
          { value: '', label: 'Not set' },
          { value: 'true', label: 'Yes' },
          { value: 'false', label: 'No' },
        ]}
        onChange={(event) => onChange(event.target.value)}
      />
    );
  }
  return (
    <TextField
      {...common}
      type={definition.type === 'number' ? 'number' : definition.type === 'date' ? 'date' : 'text'}
      slotProps={definition.type === 'date' ? { inputLabel: { shrink: true } } : undefined}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}
