import { api, cleanQuery, unwrap } from '../client';
import type { Page, TrackEvent, TrackEventQuery, WriteKey, WriteKeyInput } from '../types';

/** The tenant's active write keys, newest first (scope analytics:manage). */
export function listWriteKeys(): Promise<WriteKey[]> {
  return unwrap(api.http.GET('/api/v1/tracking/write-keys'));
}

export function createWriteKey(body: WriteKeyInput): Promise<WriteKey> {
  return unwrap(api.http.POST('/api/v1/tracking/write-keys', { body }));
}

/** Events sent with the key are refused from now on. */
export async function revokeWriteKey(id: string): Promise<void> {
  await unwrap(api.http.DELETE('/api/v1/tracking/write-keys/{id}', { params: { path: { id } } }));
}

/** Stored events, newest first. */
export function listTrackEvents(query: TrackEventQuery): Promise<Page<TrackEvent>> {
  return unwrap(api.http.GET('/api/v1/tracking/events', { params: { query: cleanQuery(query) } }));
}
