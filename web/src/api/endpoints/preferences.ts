import { unwrap } from '../client';
import { pendingHttp } from '../pending';
import type { Preferences, PreferencesChange } from '../types';

// Public endpoints: the signed token in the path is the only credential (no sign-in).

export function getPreferences(token: string): Promise<Preferences> {
  return unwrap(pendingHttp.GET('/api/v1/preferences/{token}', { params: { path: { token } } })) as Promise<Preferences>;
}

export function updatePreferences(token: string, change: PreferencesChange): Promise<Preferences> {
  return unwrap(
    pendingHttp.PUT('/api/v1/preferences/{token}', { params: { path: { token } }, body: change }),
  ) as Promise<Preferences>;
}
