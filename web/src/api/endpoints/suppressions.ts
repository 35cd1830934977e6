import { api, call, cleanQuery, unwrap } from '../client';
import type { Page, PageQuery, Suppression, SuppressionInput, SuppressionReason } from '../types';

// Suppression narrows the document's plain-string `reason` to SuppressionReason (see types.ts).

export async function listSuppressions(
  query: PageQuery & { channel?: string; reason?: SuppressionReason | ''; search?: string },
): Promise<Page<Suppression>> {
  const page = await unwrap(api.http.GET('/api/v1/suppressions', { params: { query: cleanQuery(query) } }));
  return page as Page<Suppression>;
}

/** Idempotent: an address that is already suppressed comes back as it is (200) instead of 201. */
export async function createSuppression(body: SuppressionInput): Promise<Suppression> {
  const suppression = await unwrap(api.http.POST('/api/v1/suppressions', { body }));
  return suppression as Suppression;
}

export async function deleteSuppression(id: string): Promise<void> {
  await call(api.http.DELETE('/api/v1/suppressions/{id}', { params: { path: { id } } }));
}
