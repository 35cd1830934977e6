import { useCallback } from 'react';
import { useAuth } from './authContext';

/** `can("contacts:write")` — true when the signed-in user holds the scope. */
export function useCan(): (scope: string) => boolean {
  const { me } = useAuth();
  return useCallback((scope: string) => me?.scopes.includes(scope) ?? false, [me]);
}
