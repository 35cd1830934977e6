import type { ReactNode } from 'react';
import { useCan } from './useCan';

/** Renders children only when the user holds `scope`. */
export function Can({ scope, children, otherwise = null }: { scope: string; children: ReactNode; otherwise?: ReactNode }) {
  const can = useCan();
  return <>{can(scope) ? children : otherwise}</>;
}
