import { LinearProgress } from '@mui/material';

export function PageFallback() {
  return <LinearProgress aria-label="Loading page" />;
}
