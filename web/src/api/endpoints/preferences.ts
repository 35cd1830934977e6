import { api, unwrap } from '../client';
import type { Preferences, PreferencesChange } from '../types';

// Public endpoints: the signed token in the path is the only credential (no sign-in). Preferences narrows the
// document's plain-string channel and status; the PUT body is JsonElement in the document (PreferencesChange here).

export async function getPreferences(token: string): Promise<Preferences> {
  const view = await unwrap(api.http.GET('/api/v1/preferences/{token}', { params: { path: { token } } }));
  return view as Preferences;
}

export async function updatePreferences(token: string, change: PreferencesChange): Promise<Preferences> {
  const view = await unwrap(api.http.PUT('/api/v1/preferences/{token}', { params: { path: { token } }, body: change }));
  return view as Preferences;
}
