import { api, call, cleanQuery, unwrap } from '../client';
import type { AcceptResult, IdentityMerge, IdentityReview, Page, PageQuery, ReviewStatus } from '../types';

export function listReviews(query: PageQuery & { status?: ReviewStatus }): Promise<Page<IdentityReview>> {
  return unwrap<Page<IdentityReview>>(api.http.GET('/identity/review', { params: { query: cleanQuery(query) } }));
}

export function acceptReview(id: string): Promise<AcceptResult> {
  return unwrap<AcceptResult>(api.http.POST('/identity/review/{id}/accept', { params: { path: { id } } }));
}

export async function rejectReview(id: string): Promise<void> {
  await call(api.http.POST('/identity/review/{id}/reject', { params: { path: { id } } }));
}

export function listMerges(query: PageQuery): Promise<Page<IdentityMerge>> {
  return unwrap<Page<IdentityMerge>>(api.http.GET('/identity/merges', { params: { query: cleanQuery(query) } }));
}

export async function undoMerge(id: string): Promise<void> {
  await call(api.http.POST('/identity/merges/{id}/undo', { params: { path: { id } } }));
}
