import { useMemo } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { previewAudience } from '../../api/endpoints/segments';
import { queryKeys } from '../../api/queryKeys';
import type { AudiencePreviewRequest } from '../../api/types';
import { useDebouncedValue } from '../../lib/useDebouncedValue';

export const PREVIEW_DELAY_MS = 400;

/**
 * The live size, reach and sample of an audience while it is edited: debounced, the last answer kept while typing.
 * `null` means nothing to preview (and no answer is shown, not even the last one).
 */
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
  const idle = body === null;
  return { ...query, data: idle ? undefined : query.data, isError: !idle && query.isError, settling: text !== debounced && !idle };
}
