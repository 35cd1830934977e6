import { Box } from '@mui/material';
import { prettyJson } from '../lib/format';

export function JsonBlock({ value, label }: { value: unknown; label: string }) {
  const text = value === null || value === undefined ? 'null' : prettyJson(value);
  return (
    <Box
      component="pre"
      aria-label={label}
      tabIndex={0}
      sx={{
        m: 0,
        p: 1.5,
        bgcolor: 'action.hover',
        borderRadius: 1,
        fontSize: '0.8rem',
        overflow: 'auto',
        maxHeight: 320,
        whiteSpace: 'pre-wrap',
        wordBreak: 'break-word',
      }}
    >
      {text}
    </Box>
  );
}
