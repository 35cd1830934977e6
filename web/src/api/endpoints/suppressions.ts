import { api, call, cleanQuery, unwrapUndocumented } from '../client';
import type { Page, PageQuery, Suppression, SuppressionInput, SuppressionReason } from '../types';

// The document gives none of these responses a schema; Suppression mirrors the host's SuppressionView.

export function listSuppressions(
  query: PageQuery & { channel?: string; reason?: SuppressionReason | ''; search?: string },
): Promise<Page<Suppression>> {
  return unwrapUndocumented<Page<Suppression>>(
    api.http.GET('/api/v1/suppressions', { params: { query: cleanQuery(query) } }),
  );
}

/** Idempotent: an address that is already suppressed comes back as it is (200) instead of 201. */
export function createSuppression(body: SuppressionInput): Promise<Suppression> {
  return unwrapUndocumented<Suppression>(api.http.POST('/api/v1/suppressions', { body }));
}

export async function deleteSuppression(id: string): Promise<void> {
  await call(api.http.DELETE('/api/v1/suppressions/{id}', { params: { path: { id } } }));
}
