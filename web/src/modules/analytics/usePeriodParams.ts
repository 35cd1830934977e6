import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { applyParamChanges } from '../../lib/searchParams';
import { periodParams, readPeriod, type Period } from './period';

/** The analytics pages' period lives in the URL (?period=7 or ?from=…&to=…), so a view can be shared. */
export function usePeriodParams() {
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  // Re-read when the query string changes (the day of "today" is taken at that moment).
  const period = useMemo(() => readPeriod(new URLSearchParams(key)), [key]);
  const setPeriod = useCallback(
    (next: Period) => setParams((current) => applyParamChanges(current, periodParams(next)), { replace: true }),
    [setParams],
  );
  return { period, setPeriod, search: key ? `?${key}` : '' };
}
