import { useMemo } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { previewAudience } from '../../api/endpoints/segments';
import { queryKeys } from '../../api/queryKeys';
import type { AudiencePreviewRequest } from '../../api/segmentTypes';
import { useDebouncedValue } from '../../lib/useDebouncedValue';

export const PREVIEW_DELAY_MS = 400;

/** The live size, reach and sample of an audience while it is edited: debounced, the last answer kept while typing. */
export function useAudiencePreview(body: AudiencePreviewRequest | null) {
  const text = useMemo(() => (body ? JSON.stringify(body) : ''), [body]);
  const debounced = useDebouncedValue(text, PREVIEW_DELAY_MS);
  const request = useMemo(() => (debounced ? (JSON.parse(debounced) as AudiencePreviewRequest) : null), [debounced]);
  const query = useQuery({
    queryKey: queryKeys.audiencePreview(request ?? {}),
    queryFn: ({ signal }) => previewAudience(request as AudiencePreviewRequest, signal),
    enabled: request !== null,
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: 30_000,
  });
  return { ...query, settling: text !== debounced };
}
