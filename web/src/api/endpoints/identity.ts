import { api, call, cleanQuery, unwrapUndocumented } from '../client';
import type { AcceptResult, IdentityMerge, IdentityReview, Page, PageQuery, ReviewStatus } from '../types';

// The document gives none of these responses a schema; the local types mirror the host's records.

export function listReviews(query: PageQuery & { status?: ReviewStatus }): Promise<Page<IdentityReview>> {
  return unwrapUndocumented<Page<IdentityReview>>(
    api.http.GET('/api/v1/identity/review', { params: { query: cleanQuery(query) } }),
  );
}

export function acceptReview(id: string): Promise<AcceptResult> {
  return unwrapUndocumented<AcceptResult>(
    api.http.POST('/api/v1/identity/review/{id}/accept', { params: { path: { id } } }),
  );
}

export async function rejectReview(id: string): Promise<void> {
  await call(api.http.POST('/api/v1/identity/review/{id}/reject', { params: { path: { id } } }));
}

export function listMerges(query: PageQuery & { contactId?: string }): Promise<Page<IdentityMerge>> {
  return unwrapUndocumented<Page<IdentityMerge>>(
    api.http.GET('/api/v1/identity/merges', { params: { query: cleanQuery(query) } }),
  );
}

export async function undoMerge(id: string): Promise<void> {
  await call(api.http.POST('/api/v1/identity/merges/{id}/undo', { params: { path: { id } } }));
}
