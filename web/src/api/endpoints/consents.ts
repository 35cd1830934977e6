import { api, unwrap } from '../client';
import type { ConsentChangeRequest, ContactConsents } from '../types';

export function getConsents(id: string): Promise<ContactConsents> {
  return unwrap<ContactConsents>(api.http.GET('/contacts/{id}/consents', { params: { path: { id } } }));
}

export function changeConsent(id: string, body: ConsentChangeRequest): Promise<ContactConsents> {
  return unwrap<ContactConsents>(
    api.http.PUT('/contacts/{id}/consents', { params: { path: { id } }, body }),
  );
}

export function globalUnsubscribe(id: string, source: string): Promise<ContactConsents> {
  return unwrap<ContactConsents>(
    api.http.POST('/contacts/{id}/global-unsubscribe', { params: { path: { id } }, body: { source } }),
  );
}

export function globalResubscribe(id: string): Promise<ContactConsents | undefined> {
  return unwrap<ContactConsents | undefined>(
    api.http.DELETE('/contacts/{id}/global-unsubscribe', { params: { path: { id } } }),
  );
}
