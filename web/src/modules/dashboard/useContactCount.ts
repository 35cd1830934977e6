import { useQuery } from '@tanstack/react-query';
import { listContacts } from '../../api/endpoints/contacts';
import { queryKeys } from '../../api/queryKeys';
import type { ContactQuery } from '../../api/types';

/** The real number of contacts matching a filter (the `total` of a one-row page). */
export function useContactCount(filter: Omit<ContactQuery, 'page' | 'pageSize'>, enabled = true) {
  return useQuery({
    queryKey: queryKeys.contactCount(filter),
    queryFn: async () => (await listContacts({ ...filter, page: 1, pageSize: 1 })).total,
    enabled,
  });
}
