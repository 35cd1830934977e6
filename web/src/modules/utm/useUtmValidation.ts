import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { buildUtmLink, validateUtm } from '../../api/endpoints/utm';
import { queryKeys } from '../../api/queryKeys';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { hasUtmInput, toUtmParameters, type UtmValues } from './utmForm';

const DEBOUNCE_MS = 350;

/**
 * Validates the parameters as they are typed (debounced), and builds the link once they and the URL pass; with `shorten`
 * also a short tracked link (each build makes a new one, so a built link is never refetched).
 */
export function useUtmValidation(values: UtmValues, shorten = false) {
  const debounced = useDebouncedValue(values, DEBOUNCE_MS);
  const parameters = toUtmParameters(debounced);
  const settled = debounced === values;
  const validation = useQuery({
    queryKey: queryKeys.utmValidation(parameters),
    queryFn: () => validateUtm(parameters),
    enabled: hasUtmInput(debounced),
    placeholderData: keepPreviousData,
  });
  const url = debounced.url.trim();
  const link = useQuery({
    queryKey: [...queryKeys.utmValidation(parameters), 'link', url, shorten],
    queryFn: () => buildUtmLink({ url, ...parameters, shorten }),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    enabled: settled && url !== '' && validation.data?.valid === true && !validation.isPlaceholderData,
    retry: false,
  });
  return { validation, link, settled };
}
