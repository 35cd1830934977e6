import { Paper, Typography } from '@mui/material';
import ConstructionIcon from '@mui/icons-material/Construction';

interface NotBuiltPanelProps {
  module: string;
  description?: string;
}

/** An honest placeholder for a module that has no implementation yet. */
export function NotBuiltPanel({ module, description }: NotBuiltPanelProps) {
  return (
    <Paper variant="outlined" sx={{ p: 4, textAlign: 'center' }} role="status">
      <ConstructionIcon sx={{ fontSize: 48, color: 'text.secondary' }} aria-hidden />
      <Typography variant="h2" sx={{ mt: 1 }}>
        Not built yet — this module arrives in a later release
      </Typography>
      <Typography color="text.secondary" sx={{ mt: 1, maxWidth: 640, mx: 'auto' }}>
        {module}
        {description ? `: ${description}` : ''}. Nothing on this page is simulated; it will show real data once the
        module ships.
      </Typography>
    </Paper>
  );
}
