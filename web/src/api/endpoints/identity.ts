import { api, call, cleanQuery, unwrap } from '../client';
import type { AcceptResult, IdentityMerge, IdentityReview, Page, PageQuery, ReviewStatus } from '../types';

/** IdentityReview narrows the document's plain-string status and the two contacts (see types.ts). */
export async function listReviews(query: PageQuery & { status?: ReviewStatus }): Promise<Page<IdentityReview>> {
  const page = await unwrap(api.http.GET('/api/v1/identity/review', { params: { query: cleanQuery(query) } }));
  return page as Page<IdentityReview>;
}

export function acceptReview(id: string): Promise<AcceptResult> {
  return unwrap(api.http.POST('/api/v1/identity/review/{id}/accept', { params: { path: { id } } }));
}

export async function rejectReview(id: string): Promise<void> {
  await call(api.http.POST('/api/v1/identity/review/{id}/reject', { params: { path: { id } } }));
}

export function listMerges(query: PageQuery & { contactId?: string }): Promise<Page<IdentityMerge>> {
  return unwrap(api.http.GET('/api/v1/identity/merges', { params: { query: cleanQuery(query) } }));
}

export async function undoMerge(id: string): Promise<void> {
  await call(api.http.POST('/api/v1/identity/merges/{id}/undo', { params: { path: { id } } }));
}
