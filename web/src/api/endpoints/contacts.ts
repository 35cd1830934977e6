import { api, call, cleanQuery, unwrap, type DownloadedFile } from '../client';
import type {
  AttributeDefinition,
  AttributeDefinitionCreate,
  BulkTagsRequest,
  BulkTagsResult,
  Contact,
  ContactInput,
  ContactQuery,
  CreateContactResult,
  EraseResult,
  Page,
  PageQuery,
  TimelineEntry,
} from '../types';

// `Contact` narrows the generated ContactView (attributes, lifecycle stage and consents; see types.ts).
// The casts below go from the generated type to it, so a field the host drops or renames still fails to compile
// wherever the app uses it.

/** The host answers 400 to a consent filter with only one of channel and status; "any status" means no filter. */
function consentFilter(query: ContactQuery): ContactQuery {
  return query.consentChannel && query.consentStatus ? query : { ...query, consentChannel: '', consentStatus: '' };
}

export async function listContacts(query: ContactQuery): Promise<Page<Contact>> {
  const page = await unwrap(api.http.GET('/api/v1/contacts', { params: { query: cleanQuery(consentFilter(query)) } }));
  return page as Page<Contact>;
}

export async function getContact(id: string): Promise<Contact> {
  const contact = await unwrap(api.http.GET('/api/v1/contacts/{id}', { params: { path: { id } } }));
  return contact as Contact;
}

// The document types the contact body as JsonElement (`unknown`), so `body: ContactInput` is the app's
// own type (types.ts) and the compiler cannot check it against the host.

export async function createContact(body: ContactInput): Promise<CreateContactResult> {
  const { data, response } = await call(api.http.POST('/api/v1/contacts', { body }));
  return {
    contact: data as Contact,
    merged: response.headers.get('X-BrandHub-Merged')?.toLowerCase() === 'true',
  };
}

/** Only the fields present in `patch` change; `null` clears a field. */
export async function updateContact(id: string, patch: ContactInput): Promise<Contact> {
  const contact = await unwrap(api.http.PATCH('/api/v1/contacts/{id}', { params: { path: { id } }, body: patch }));
  return contact as Contact;
}

export async function deleteContact(id: string): Promise<void> {
  await call(api.http.DELETE('/api/v1/contacts/{id}', { params: { path: { id } } }));
}

/** GDPR erase; the host answers 200 with the erasure record (undefined only for a bare 204). */
export function eraseContact(id: string): Promise<EraseResult | undefined> {
  return unwrap(api.http.DELETE('/api/v1/contacts/{id}', { params: { path: { id }, query: { erase: true } } }));
}

export function bulkTags(body: BulkTagsRequest): Promise<BulkTagsResult> {
  return unwrap(api.http.POST('/api/v1/contacts/bulk-tags', { body }));
}

export function getTimeline(id: string, query: PageQuery): Promise<Page<TimelineEntry>> {
  return unwrap(
    api.http.GET('/api/v1/contacts/{id}/timeline', { params: { path: { id }, query: cleanQuery(query) } }),
  );
}

export function exportContact(id: string): Promise<DownloadedFile> {
  return api.download('/api/v1/contacts/{id}/export', { params: { path: { id } } }, `contact-${id}.json`);
}

// AttributeDefinition narrows the document's plain-string `type` to the four attribute types.

export async function listAttributeDefinitions(): Promise<AttributeDefinition[]> {
  const definitions = await unwrap(api.http.GET('/api/v1/contacts/attributes'));
  return definitions as AttributeDefinition[];
}

export async function createAttributeDefinition(body: AttributeDefinitionCreate): Promise<AttributeDefinition> {
  const definition = await unwrap(api.http.POST('/api/v1/contacts/attributes', { body }));
  return definition as AttributeDefinition;
}
