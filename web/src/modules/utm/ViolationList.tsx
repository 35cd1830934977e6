import { Button, List, ListItem, ListItemText, Stack } from '@mui/material';
import type { UtmField, UtmViolation } from '../../api/types';
import { fieldSuggestions } from './utmForm';

interface Props {
  field: UtmField;
  value: string;
  violations: UtmViolation[] | undefined;
  onApply: (field: UtmField, suggestion: string) => void;
}

/** A field's violations and a button for each distinct suggestion. */
export function ViolationList({ field, value, violations, onApply }: Props) {
  if (!violations || violations.length === 0) return null;
  const suggestions = fieldSuggestions(violations, value);
  return (
    <Stack spacing={0.5} sx={{ mt: 0.5 }}>
      <List dense disablePadding aria-label={`Problems with utm_${field}`}>
        {violations.map((violation) => (
          <ListItem key={`${violation.rule}-${violation.message}`} disableGutters sx={{ py: 0 }}>
            <ListItemText
              primary={violation.message}
              slotProps={{ primary: { variant: 'body2', color: 'error' } }}
            />
          </ListItem>
        ))}
      </List>
      {suggestions.length > 0 ? (
        <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', gap: 1 }}>
          {suggestions.map((suggestion) => (
            <Button
              key={suggestion}
              size="small"
              variant="outlined"
              onClick={() => onApply(field, suggestion)}
              aria-label={`Use ${suggestion} for utm_${field}`}
              sx={{ textTransform: 'none' }}
            >
              Use {suggestion}
            </Button>
          ))}
        </Stack>
      ) : null}
    </Stack>
  );
}
