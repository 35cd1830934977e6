import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { TOUCH_CHANNELS, type CostQuery } from '../../api/types';
import { applyParamChanges, isoDay, oneOf, positiveInt } from '../../lib/searchParams';

export const COST_PAGE_SIZE = 50;

export interface CostFilters {
  from: string;
  to: string;
  channel: string;
  page: number;
  pageSize: number;
}

export function readCostFilters(params: URLSearchParams): CostFilters {
  return {
    from: isoDay(params.get('from')),
    to: isoDay(params.get('to')),
    channel: oneOf(params.get('channel'), TOUCH_CHANNELS),
    page: positiveInt(params.get('page'), 1),
    pageSize: positiveInt(params.get('pageSize'), COST_PAGE_SIZE, 200),
  };
}

/** Days go as they are (the costs endpoint takes inclusive dates, not instants). */
export function toCostQuery(filters: CostFilters): CostQuery {
  return { ...filters };
}

export function useCostParams() {
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  const filters = useMemo(() => readCostFilters(new URLSearchParams(key)), [key]);
  const update = useCallback(
    (changes: Partial<CostFilters>) =>
      setParams((current) => applyParamChanges(current, changes, { pageSize: COST_PAGE_SIZE, page: 1 }), { replace: true }),
    [setParams],
  );
  const clear = useCallback(() => setParams(new URLSearchParams(), { replace: true }), [setParams]);
  const hasFilters = filters.from !== '' || filters.to !== '' || filters.channel !== '';
  return { filters, update, clear, hasFilters };
}
