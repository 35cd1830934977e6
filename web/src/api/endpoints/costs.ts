import { api, cleanQuery, unwrap } from '../client';
import type { Cost, CostPage, CostQuery } from '../types';

/** Spend rows, newest first, with `totalAmount` over the whole filter. */
export function listCosts(query: CostQuery): Promise<CostPage> {
  return unwrap(api.http.GET('/api/v1/marketing/costs', { params: { query: cleanQuery(query) } }));
}

/**
 * Imports a CSV (date,channel,campaign,amount,currency): all rows or none. A 400 carries the errors keyed
 * `row N: field`. The body is sent as it is, as text/csv.
 */
export function importCosts(csv: string): Promise<{ saved: number }> {
  return unwrap(
    api.http.POST('/api/v1/marketing/costs/import', {
      body: csv,
      bodySerializer: (body: string) => body,
      headers: { 'Content-Type': 'text/csv' },
    }),
  );
}

/** Deletes the spend of one day, channel and campaign ('' = the row without a campaign). */
export async function deleteCost(cost: Pick<Cost, 'date' | 'channel' | 'campaign'>): Promise<void> {
  await unwrap(
    api.http.DELETE('/api/v1/marketing/costs', {
      params: { query: { date: cost.date, channel: cost.channel, ...(cost.campaign ? { campaign: cost.campaign } : {}) } },
    }),
  );
}
