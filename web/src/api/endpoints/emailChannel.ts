import { ApiError } from '../problem';
import { call, unwrap } from '../client';
import { pendingHttp } from '../pending';
import type { DkimRecord, DkimRequest, EmailSettings, EmailSettingsInput, TestEmailResult } from '../types';

const BASE = '/api/v1/channels/email';

/** Null when the tenant has not configured a sender yet (404). */
export async function getEmailSettings(): Promise<EmailSettings | null> {
  try {
    return (await unwrap(pendingHttp.GET(`${BASE}/settings`, {}))) as EmailSettings;
  } catch (error) {
    if (error instanceof ApiError && error.isNotFound) return null;
    throw error;
  }
}

export function saveEmailSettings(body: EmailSettingsInput): Promise<EmailSettings> {
  return unwrap(pendingHttp.PUT(`${BASE}/settings`, { body })) as Promise<EmailSettings>;
}

/** Null when no DKIM key was generated yet (404). */
export async function getDkimRecord(): Promise<DkimRecord | null> {
  try {
    return (await unwrap(pendingHttp.GET(`${BASE}/dkim`, {}))) as DkimRecord;
  } catch (error) {
    if (error instanceof ApiError && error.isNotFound) return null;
    throw error;
  }
}

/** Generates a new key, replacing the current one; 409 before a sender is configured. */
export function generateDkimKey(body: DkimRequest): Promise<DkimRecord> {
  return unwrap(pendingHttp.POST(`${BASE}/dkim`, { body })) as Promise<DkimRecord>;
}

/** Throws ApiError 422 carrying the provider's reply (`detail`) when the provider refuses the message. */
export async function sendTestEmail(to: string): Promise<TestEmailResult> {
  const { data } = await call(pendingHttp.POST(`${BASE}/test`, { body: { to } }));
  return data as TestEmailResult;
}
