import { useMutation, useQueryClient } from '@tanstack/react-query';
import { updateContact } from '../../api/endpoints/contacts';
import { queryKeys } from '../../api/queryKeys';
import type { Contact, ContactInput } from '../../api/types';

/** PATCH /contacts/{id}; refreshes the cached profile and lists. */
export function useContactUpdate(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: ContactInput) => updateContact(id, patch),
    onSuccess: (contact: Contact) => {
      queryClient.setQueryData(queryKeys.contact(id), contact);
      void queryClient.invalidateQueries({ queryKey: ['contacts', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['contacts', 'timeline', id] });
    },
  });
}
