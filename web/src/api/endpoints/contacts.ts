import { api, call, cleanQuery, unwrap, type DownloadedFile } from '../client';
import type {
  AttributeDefinition,
  BulkTagsRequest,
  Contact,
  ContactInput,
  ContactQuery,
  CreateContactResult,
  EraseResult,
  Page,
  PageQuery,
  TimelineEntry,
} from '../types';

export function listContacts(query: ContactQuery): Promise<Page<Contact>> {
  return unwrap<Page<Contact>>(api.http.GET('/contacts', { params: { query: cleanQuery(query) } }));
}

export function getContact(id: string): Promise<Contact> {
  return unwrap<Contact>(api.http.GET('/contacts/{id}', { params: { path: { id } } }));
}

export async function createContact(body: ContactInput): Promise<CreateContactResult> {
  const { data, response } = await call(api.http.POST('/contacts', { body }));
  return {
    contact: data as Contact,
    merged: response.headers.get('X-BrandHub-Merged')?.toLowerCase() === 'true',
  };
}

/** Only the fields present in `patch` change; `null` clears a field. */
export function updateContact(id: string, patch: ContactInput): Promise<Contact> {
  return unwrap<Contact>(api.http.PATCH('/contacts/{id}', { params: { path: { id } }, body: patch }));
}

export async function deleteContact(id: string): Promise<void> {
  await call(api.http.DELETE('/contacts/{id}', { params: { path: { id } } }));
}

export function eraseContact(id: string): Promise<EraseResult> {
  return unwrap<EraseResult>(
    api.http.DELETE('/contacts/{id}', { params: { path: { id }, query: { erase: true } } }),
  );
}

export function bulkTags(body: BulkTagsRequest): Promise<{ updated: number }> {
  return unwrap<{ updated: number }>(api.http.POST('/contacts/bulk-tags', { body }));
}

export function getTimeline(id: string, query: PageQuery): Promise<Page<TimelineEntry>> {
  return unwrap<Page<TimelineEntry>>(
    api.http.GET('/contacts/{id}/timeline', { params: { path: { id }, query: cleanQuery(query) } }),
  );
}

export function exportContact(id: string): Promise<DownloadedFile> {
  return api.download(`/contacts/${encodeURIComponent(id)}/export`, undefined, `contact-${id}.json`);
}

export function listAttributeDefinitions(): Promise<AttributeDefinition[]> {
  return unwrap<AttributeDefinition[]>(api.http.GET('/contacts/attributes', {}));
}

export function createAttributeDefinition(body: AttributeDefinition): Promise<AttributeDefinition> {
  return unwrap<AttributeDefinition>(api.http.POST('/contacts/attributes', { body }));
}
