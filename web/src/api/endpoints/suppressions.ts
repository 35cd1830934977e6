import { api, call, cleanQuery, unwrap } from '../client';
import type { Page, PageQuery, Suppression, SuppressionInput } from '../types';

export function listSuppressions(
  query: PageQuery & { channel?: string; search?: string },
): Promise<Page<Suppression>> {
  return unwrap<Page<Suppression>>(api.http.GET('/suppressions', { params: { query: cleanQuery(query) } }));
}

export function createSuppression(body: SuppressionInput): Promise<Suppression> {
  return unwrap<Suppression>(api.http.POST('/suppressions', { body }));
}

export async function deleteSuppression(id: string): Promise<void> {
  await call(api.http.DELETE('/suppressions/{id}', { params: { path: { id } } }));
}
