import { api, unwrap } from '../client';
import type { ConsentChangeRequest, ContactConsents, GlobalUnsubscribeRequest } from '../types';

// ContactConsents narrows the document's plain strings (channel, status, legal basis) to the values the
// host sends; the casts below go from the generated ConsentsView to it.

export async function getConsents(id: string): Promise<ContactConsents> {
  const view = await unwrap(api.http.GET('/api/v1/contacts/{id}/consents', { params: { path: { id } } }));
  return view as ContactConsents;
}

export async function changeConsent(id: string, body: ConsentChangeRequest): Promise<ContactConsents> {
  const view = await unwrap(api.http.PUT('/api/v1/contacts/{id}/consents', { params: { path: { id } }, body }));
  return view as ContactConsents;
}

export async function globalUnsubscribe(id: string, source: string): Promise<ContactConsents> {
  const body: GlobalUnsubscribeRequest = { source };
  const view = await unwrap(api.http.POST('/api/v1/contacts/{id}/global-unsubscribe', { params: { path: { id } }, body }));
  return view as ContactConsents;
}

export async function globalResubscribe(id: string): Promise<ContactConsents> {
  const view = await unwrap(api.http.DELETE('/api/v1/contacts/{id}/global-unsubscribe', { params: { path: { id } } }));
  return view as ContactConsents;
}
