import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import {
  DELIVERY_STATUSES,
  MESSAGE_CATEGORIES,
  MESSAGE_CHANNELS,
  type DeliveryQuery,
  type DeliveryStatus,
  type MessageCategory,
} from '../../api/types';
import { dayToIso } from '../../lib/dates';
import { applyParamChanges, isoDay, oneOf, positiveInt } from '../../lib/searchParams';

export const DELIVERY_PAGE_SIZE = 50;

/** The Deliveries page's filters as they stand in the URL (days are local yyyy-mm-dd). */
export interface DeliveryFilters {
  status: DeliveryStatus | '';
  channel: string;
  category: MessageCategory | '';
  contactId: string;
  from: string;
  to: string;
  page: number;
  pageSize: number;
}

const FILTER_KEYS = ['status', 'channel', 'category', 'contactId', 'from', 'to'] as const;

export function readDeliveryFilters(params: URLSearchParams): DeliveryFilters {
  return {
    status: oneOf(params.get('status'), DELIVERY_STATUSES),
    channel: oneOf(params.get('channel'), MESSAGE_CHANNELS),
    category: oneOf(params.get('category'), MESSAGE_CATEGORIES),
    contactId: (params.get('contactId') ?? '').trim(),
    from: isoDay(params.get('from')),
    to: isoDay(params.get('to')),
    page: positiveInt(params.get('page'), 1),
    pageSize: positiveInt(params.get('pageSize'), DELIVERY_PAGE_SIZE, 200),
  };
}

export function toDeliveryQuery(filters: DeliveryFilters): DeliveryQuery {
  return {
    status: filters.status,
    channel: filters.channel,
    category: filters.category,
    contactId: filters.contactId,
    from: dayToIso(filters.from, false),
    to: dayToIso(filters.to, true),
    page: filters.page,
    pageSize: filters.pageSize,
  };
}

export function hasDeliveryFilters(filters: DeliveryFilters): boolean {
  return FILTER_KEYS.some((key) => filters[key] !== '');
}

/** The Deliveries page's filters and page live in the URL. */
export function useDeliveryParams() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => readDeliveryFilters(params), [params]);
  const update = useCallback(
    (changes: Partial<DeliveryFilters>) =>
      setParams((current) => applyParamChanges(current, changes, { pageSize: DELIVERY_PAGE_SIZE, page: 1 }), {
        replace: true,
      }),
    [setParams],
  );
  const clear = useCallback(() => setParams(new URLSearchParams(), { replace: true }), [setParams]);
  return { filters, update, clear, hasFilters: hasDeliveryFilters(filters) };
}
