import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { CAMPAIGN_STATUSES, type CampaignQuery, type CampaignStatus } from '../../api/types';
import { applyParamChanges, oneOf, positiveInt } from '../../lib/searchParams';

export const CAMPAIGN_PAGE_SIZE = 25;

export const CAMPAIGN_SORTS = [
  { value: '-updatedAt', label: 'Recently updated' },
  { value: '-createdAt', label: 'Newest first' },
  { value: 'name', label: 'Name (A–Z)' },
  { value: 'nextRunAt', label: 'Next run' },
] as const;
export type CampaignSort = (typeof CAMPAIGN_SORTS)[number]['value'];
const SORT_VALUES = CAMPAIGN_SORTS.map((s) => s.value);

export interface CampaignListFilters {
  /** Statuses shown; none means the host's default (everything but archived). */
  statuses: CampaignStatus[];
  search: string;
  sort: CampaignSort;
  page: number;
  pageSize: number;
}

export function readCampaignFilters(params: URLSearchParams): CampaignListFilters {
  const statuses = (params.get('status') ?? '')
    .split(',')
    .map((s) => oneOf(s.trim(), CAMPAIGN_STATUSES))
    .filter((s): s is CampaignStatus => s !== '');
  return {
    statuses: CAMPAIGN_STATUSES.filter((s) => statuses.includes(s)),
    search: (params.get('search') ?? '').trim(),
    sort: oneOf(params.get('sort'), SORT_VALUES) || '-updatedAt',
    page: positiveInt(params.get('page'), 1),
    pageSize: positiveInt(params.get('pageSize'), CAMPAIGN_PAGE_SIZE, 200),
  };
}

export function toCampaignQuery(filters: CampaignListFilters): CampaignQuery {
  return {
    status: filters.statuses.join(','),
    search: filters.search,
    sort: filters.sort,
    page: filters.page,
    pageSize: filters.pageSize,
  };
}

export function toggleStatus(statuses: readonly CampaignStatus[], status: CampaignStatus): CampaignStatus[] {
  return statuses.includes(status) ? statuses.filter((s) => s !== status) : CAMPAIGN_STATUSES.filter((s) => s === status || statuses.includes(s));
}

export function useCampaignListParams() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => readCampaignFilters(params), [params]);
  const update = useCallback(
    (changes: Partial<CampaignListFilters>) => {
      const { statuses, ...rest } = changes;
      const flat: Record<string, string | number | undefined> = { ...rest };
      if (statuses) flat.status = statuses.join(',');
      setParams((current) => applyParamChanges(current, flat, { pageSize: CAMPAIGN_PAGE_SIZE, page: 1, sort: '-updatedAt' }), {
        replace: true,
      });
    },
    [setParams],
  );
  const clear = useCallback(() => setParams(new URLSearchParams(), { replace: true }), [setParams]);
  return { filters, update, clear, hasFilters: filters.statuses.length > 0 || filters.search !== '' };
}
