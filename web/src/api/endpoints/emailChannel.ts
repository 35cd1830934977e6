import { api, call, unwrap } from '../client';
import { ApiError } from '../problem';
import type { DkimRecord, DkimRequest, EmailSettings, EmailSettingsInput, TestEmailRequest, TestEmailResult } from '../types';

// EmailSettings narrows the document's plain-string provider and security (see types.ts).

/** Null when the tenant has not configured a sender yet (404). */
export async function getEmailSettings(): Promise<EmailSettings | null> {
  try {
    return (await unwrap(api.http.GET('/api/v1/channels/email/settings'))) as EmailSettings;
  } catch (error) {
    if (error instanceof ApiError && error.isNotFound) return null;
    throw error;
  }
}

/** The document types the body as JsonElement, so `body` is the app's own EmailSettingsInput. */
export async function saveEmailSettings(body: EmailSettingsInput): Promise<EmailSettings> {
  return (await unwrap(api.http.PUT('/api/v1/channels/email/settings', { body }))) as EmailSettings;
}

/** Null when no DKIM key was generated yet (404). */
export async function getDkimRecord(): Promise<DkimRecord | null> {
  try {
    return await unwrap(api.http.GET('/api/v1/channels/email/dkim'));
  } catch (error) {
    if (error instanceof ApiError && error.isNotFound) return null;
    throw error;
  }
}

/** Generates a new key, replacing the current one; 409 before a sender is configured. */
export function generateDkimKey(body: DkimRequest): Promise<DkimRecord> {
  return unwrap(api.http.POST('/api/v1/channels/email/dkim', { body }));
}

/** Throws ApiError 422 carrying the provider's reply (`detail`) when the provider refuses the message. */
export async function sendTestEmail(to: string): Promise<TestEmailResult> {
  const body: TestEmailRequest = { to };
  const { data } = await call(api.http.POST('/api/v1/channels/email/test', { body }));
  return data;
}
