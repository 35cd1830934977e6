import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getChannelRoi, getDashboard } from '../../api/endpoints/analytics';
import { queryKeys } from '../../api/queryKeys';
import type { Period } from './period';

/** The dashboard (or one channel's ROI view) for a period; the previous answer stays on screen while the next loads. */
export function useDashboard(period: Period, channel?: string) {
  const query = { from: period.from, to: period.to };
  return useQuery({
    queryKey: channel ? queryKeys.channelRoi(channel, query) : queryKeys.dashboard(query),
    queryFn: () => (channel ? getChannelRoi(channel, query) : getDashboard(query)),
    placeholderData: keepPreviousData,
  });
}
