import { call, cleanQuery, unwrap } from '../client';
import { pendingHttp } from '../pending';
import type { BulkRedriveResult, Delivery, DeliveryDetail, DeliveryQuery, Page } from '../types';

export function listDeliveries(query: DeliveryQuery): Promise<Page<Delivery>> {
  return unwrap(pendingHttp.GET('/api/v1/deliveries', { params: { query: cleanQuery(query) } })) as Promise<Page<Delivery>>;
}

export function getDelivery(id: string): Promise<DeliveryDetail> {
  return unwrap(pendingHttp.GET('/api/v1/deliveries/{id}', { params: { path: { id } } })) as Promise<DeliveryDetail>;
}

/** Puts one dead or failed delivery back in the queue (same idempotency key: it is still sent at most once). */
export async function redriveDelivery(id: string): Promise<Delivery> {
  const { data } = await call(pendingHttp.POST('/api/v1/deliveries/{id}/redrive', { params: { path: { id } } }));
  return data as Delivery;
}

/** The filters a bulk re-drive takes (every other filter of the list; the status is always `dead`). */
export type RedriveFilter = Omit<DeliveryQuery, 'status' | 'page' | 'pageSize'>;

/** Re-drives every dead delivery matching the filter (channel, category, contact, creation time). */
export function redriveDeadDeliveries(filter: RedriveFilter): Promise<BulkRedriveResult> {
  return unwrap(pendingHttp.POST('/api/v1/deliveries/redrive', { body: cleanQuery(filter) })) as Promise<BulkRedriveResult>;
}
