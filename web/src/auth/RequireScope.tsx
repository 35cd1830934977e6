import type { ReactNode } from 'react';
import { Alert } from '@mui/material';
import { useCan } from './useCan';

/** Guards a whole page: shows an explanation instead of the page when the scope is missing. */
export function RequireScope({ scope, children }: { scope: string; children: ReactNode }) {
  const can = useCan();
  if (can(scope)) return <>{children}</>;
  return (
    <Alert severity="info" sx={{ m: 3 }}>
      Your role does not include the <code>{scope}</code> permission needed for this page. Ask an owner or admin
      if you need access.
    </Alert>
  );
}
