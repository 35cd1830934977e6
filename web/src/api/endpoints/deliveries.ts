import { api, cleanQuery, unwrap } from '../client';
import type { BulkRedriveResult, Delivery, DeliveryDetail, DeliveryQuery, Page } from '../types';

// Delivery, DeliveryTransition and DeliveryDetail narrow the document's plain-string statuses and categories
// (see types.ts); the casts go from the generated types to them.

export async function listDeliveries(query: DeliveryQuery): Promise<Page<Delivery>> {
  const page = await unwrap(api.http.GET('/api/v1/deliveries', { params: { query: cleanQuery(query) } }));
  return page as Page<Delivery>;
}

export async function getDelivery(id: string): Promise<DeliveryDetail> {
  const detail = await unwrap(api.http.GET('/api/v1/deliveries/{id}', { params: { path: { id } } }));
  return detail as DeliveryDetail;
}

/** Puts one dead or failed delivery back in the queue with fresh attempts (409 for any other status). */
export async function redriveDelivery(id: string): Promise<Delivery> {
  const delivery = await unwrap(api.http.POST('/api/v1/deliveries/{id}/redrive', { params: { path: { id } } }));
  return delivery as Delivery;
}

/** The filters a bulk re-drive takes (every other filter of the list; the status is always `dead`). */
export type RedriveFilter = Omit<DeliveryQuery, 'status' | 'page' | 'pageSize'>;

/** Re-drives every dead delivery matching the filter (channel, category, contact, creation time). */
export function redriveDeadDeliveries(filter: RedriveFilter): Promise<BulkRedriveResult> {
  return unwrap(api.http.POST('/api/v1/deliveries/redrive', { body: cleanQuery(filter) }));
}
