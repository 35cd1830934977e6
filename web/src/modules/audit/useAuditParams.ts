import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { AuditQuery } from '../../api/types';
import { dayToIso } from '../../lib/dates';

export interface AuditFilters {
  entityType: string;
  action: string;
  actor: string;
  entityId: string;
  /** yyyy-mm-dd (local day) */
  from: string;
  /** yyyy-mm-dd (local day, inclusive) */
  to: string;
  page: number;
  pageSize: number;
}

const FILTER_KEYS = ['entityType', 'action', 'actor', 'entityId', 'from', 'to'] as const;

export function toAuditQuery(filters: AuditFilters): AuditQuery {
  return {
    entityType: filters.entityType,
    action: filters.action,
    actor: filters.actor,
    entityId: filters.entityId,
    from: dayToIso(filters.from, false),
    to: dayToIso(filters.to, true),
    page: filters.page,
    pageSize: filters.pageSize,
  };
}

export function useAuditParams() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo<AuditFilters>(() => {
    const page = Number(params.get('page'));
    const pageSize = Number(params.get('pageSize'));
    return {
      entityType: params.get('entityType') ?? '',
      action: params.get('action') ?? '',
      actor: params.get('actor') ?? '',
      entityId: params.get('entityId') ?? '',
      from: params.get('from') ?? '',
      to: params.get('to') ?? '',
      page: Number.isInteger(page) && page > 0 ? page : 1,
      pageSize: Number.isInteger(pageSize) && pageSize > 0 ? Math.min(pageSize, 200) : 50,
    };
  }, [params]);

  const update = useCallback(
    (changes: Partial<AuditFilters>) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(changes)) {
            if (value === '' || value === undefined) next.delete(key);
            else next.set(key, String(value));
          }
          if (!('page' in changes)) next.delete('page');
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  const hasFilters = FILTER_KEYS.some((key) => filters[key] !== '');
  const clear = useCallback(() => setParams(new URLSearchParams(), { replace: true }), [setParams]);
  return { filters, update, hasFilters, clear };
}
