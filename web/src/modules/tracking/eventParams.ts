import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { TOUCH_CHANNELS, TRACK_EVENT_TYPES, type TrackEventQuery } from '../../api/types';
import { applyParamChanges, oneOf, positiveInt } from '../../lib/searchParams';

export const EVENT_PAGE_SIZE = 25;

export interface EventFilters {
  type: string;
  channel: string;
  page: number;
  pageSize: number;
}

export function readEventFilters(params: URLSearchParams): EventFilters {
  return {
    type: oneOf(params.get('type'), TRACK_EVENT_TYPES),
    channel: oneOf(params.get('channel'), TOUCH_CHANNELS),
    page: positiveInt(params.get('page'), 1),
    pageSize: positiveInt(params.get('pageSize'), EVENT_PAGE_SIZE, 200),
  };
}

export function toEventQuery(filters: EventFilters): TrackEventQuery {
  return { type: filters.type, channel: filters.channel, page: filters.page, pageSize: filters.pageSize };
}

/** The events explorer's filters and page live in the URL. */
export function useEventParams() {
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  const filters = useMemo(() => readEventFilters(new URLSearchParams(key)), [key]);
  const update = useCallback(
    (changes: Partial<EventFilters>) =>
      setParams((current) => applyParamChanges(current, changes, { pageSize: EVENT_PAGE_SIZE, page: 1 }), { replace: true }),
    [setParams],
  );
  return { filters, update, hasFilters: filters.type !== '' || filters.channel !== '' };
}
