import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { TemplateQuery } from '../../api/types';
import { applyParamChanges, positiveInt } from '../../lib/searchParams';

export const TEMPLATE_PAGE_SIZE = 25;

export interface TemplateListFilters {
  search: string;
  /** List archived templates too. */
  archived: boolean;
  page: number;
  pageSize: number;
}

export function readTemplateFilters(params: URLSearchParams): TemplateListFilters {
  return {
    search: (params.get('search') ?? '').trim(),
    archived: params.get('archived') === 'true',
    page: positiveInt(params.get('page'), 1),
    pageSize: positiveInt(params.get('pageSize'), TEMPLATE_PAGE_SIZE, 200),
  };
}

export function toTemplateQuery(filters: TemplateListFilters): TemplateQuery {
  return { search: filters.search, includeArchived: filters.archived, page: filters.page, pageSize: filters.pageSize };
}

/** `archived` is written as `archived=true` or left out. */
export function toParamChanges(changes: Partial<TemplateListFilters>): Record<string, string | number | undefined> {
  const { archived, ...rest } = changes;
  return 'archived' in changes ? { ...rest, archived: archived ? 'true' : '' } : rest;
}

export function useTemplateListParams() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => readTemplateFilters(params), [params]);
  const update = useCallback(
    (changes: Partial<TemplateListFilters>) =>
      setParams((current) => applyParamChanges(current, toParamChanges(changes), { pageSize: TEMPLATE_PAGE_SIZE, page: 1 }), {
        replace: true,
      }),
    [setParams],
  );
  return { filters, update };
}
