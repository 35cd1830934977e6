import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import {
  CONSENT_CHANNELS,
  CONSENT_STATUSES,
  CONTACT_SORTS,
  LIFECYCLE_STAGES,
  type ContactQuery,
  type ContactSort,
} from '../../api/types';

export const DEFAULT_SORT: ContactSort = '-createdAt';
export const DEFAULT_PAGE_SIZE = 25;

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | '' {
  return value && (allowed as readonly string[]).includes(value) ? (value as T) : '';
}

function positiveInt(value: string | null, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? Math.min(n, max) : fallback;
}

/** The contact list's filters, sort and page live in the URL so every view can be bookmarked. */
export function useContactListParams() {
  const [params, setParams] = useSearchParams();

  const query = useMemo<Required<ContactQuery>>(
    () => ({
      search: params.get('search') ?? '',
      tag: params.get('tag') ?? '',
      lifecycleStage: oneOf(params.get('lifecycleStage'), LIFECYCLE_STAGES),
      country: params.get('country') ?? '',
      consentChannel: oneOf(params.get('consentChannel'), CONSENT_CHANNELS),
      consentStatus: oneOf(params.get('consentStatus'), CONSENT_STATUSES),
      sort: oneOf(params.get('sort'), CONTACT_SORTS) || DEFAULT_SORT,
      page: positiveInt(params.get('page'), 1),
      pageSize: positiveInt(params.get('pageSize'), DEFAULT_PAGE_SIZE, 200),
    }),
    [params],
  );

  /** Changes some parameters; any change other than `page` returns to page 1. */
  const update = useCallback(
    (changes: Partial<ContactQuery>) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(changes)) {
            if (value === undefined || value === null || value === '') next.delete(key);
            else next.set(key, String(value));
          }
          if (!('page' in changes)) next.delete('page');
          if (next.get('sort') === DEFAULT_SORT) next.delete('sort');
          if (next.get('pageSize') === String(DEFAULT_PAGE_SIZE)) next.delete('pageSize');
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  const clearFilters = useCallback(() => setParams(new URLSearchParams(), { replace: true }), [setParams]);

  const hasFilters = Boolean(
    query.search || query.tag || query.lifecycleStage || query.country || query.consentChannel || query.consentStatus,
  );

  return { query, update, clearFilters, hasFilters };
}
