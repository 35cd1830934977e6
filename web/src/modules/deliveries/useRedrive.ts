import { useMutation, useQueryClient } from '@tanstack/react-query';
import { redriveDelivery } from '../../api/endpoints/deliveries';
import { errorMessage } from '../../api/problem';
import { useNotify } from '../../components/notifyContext';

/** Re-drives one delivery, with a toast for the outcome (Retry on failure). */
export function useRedrive() {
  const queryClient = useQueryClient();
  const notify = useNotify();
  const mutation = useMutation({
    mutationFn: redriveDelivery,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['deliveries'] });
      notify({ message: 'Delivery queued again.' });
    },
    onError: (error, id) =>
      notify({ message: `Re-drive failed: ${errorMessage(error)}`, severity: 'error', retry: () => mutation.mutate(id) }),
  });
  return mutation;
}
