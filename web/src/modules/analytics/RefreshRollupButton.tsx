import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button } from '@mui/material';
import RefreshIcon from '@mui/icons-material/Refresh';
import { runRollup } from '../../api/endpoints/analytics';
import { errorMessage } from '../../api/problem';
import { queryKeys } from '../../api/queryKeys';
import { useCan } from '../../auth/useCan';
import { useNotify } from '../../components/notifyContext';
import { formatNumber } from '../../lib/format';

/** Brings the daily rollup up to date now (analytics:manage), then reloads every analytics view. */
export function RefreshRollupButton({ variant = 'text' }: { variant?: 'text' | 'outlined' }) {
  const can = useCan();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const refresh = useMutation({
    mutationFn: runRollup,
    onSuccess: async (run) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.analytics });
      notify({ message: `Numbers refreshed: ${formatNumber(run.days)} day${run.days === 1 ? '' : 's'} recomputed.` });
    },
    onError: (error) => notify({ message: `Refresh failed: ${errorMessage(error)}`, severity: 'error', retry: () => refresh.mutate() }),
  });
  if (!can('analytics:manage')) return null;
  return (
    <Button size="small" variant={variant} startIcon={<RefreshIcon />} onClick={() => refresh.mutate()} disabled={refresh.isPending}>
      {refresh.isPending ? 'Refreshing…' : 'Refresh now'}
    </Button>
  );
}
