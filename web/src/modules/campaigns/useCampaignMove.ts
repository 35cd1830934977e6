import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { duplicateCampaign, moveCampaign, type CampaignMove } from '../../api/endpoints/campaigns';
import { errorMessage } from '../../api/problem';
import { queryKeys } from '../../api/queryKeys';
import type { Campaign } from '../../api/types';
import { useNotify } from '../../components/notifyContext';
import { MOVE_TEXT } from './campaignMoves';
import { conflictProblems } from './readiness';

export type MoveRequest = { id: string; name: string; move: CampaignMove | 'duplicate' };

/**
 * A lifecycle move (or duplicate) with the confirmation it needs: `request` opens the confirmation (or runs the move
 * at once), `pending` is what the dialog shows. A 409 keeps the dialog open with the server's reason.
 */
export function useCampaignMove(onDone?: (campaign: Campaign, request: MoveRequest) => void) {
  const queryClient = useQueryClient();
  const notify = useNotify();
  const [pending, setPending] = useState<MoveRequest | null>(null);
  const mutation = useMutation({
    mutationFn: (request: MoveRequest) =>
      request.move === 'duplicate' ? duplicateCampaign(request.id) : moveCampaign(request.id, request.move),
    onSuccess: async (campaign, request) => {
      setPending(null);
      await queryClient.invalidateQueries({ queryKey: queryKeys.campaigns });
      notify({ message: MOVE_TEXT[request.move].done });
      onDone?.(campaign, request);
    },
    onError: (error, request) => {
      if (MOVE_TEXT[request.move].confirm && pending) return; // shown in the dialog
      const problems = conflictProblems(error);
      const message = problems ? problems.map((p) => p.message).join(' ') : errorMessage(error);
      notify({ message: `${MOVE_TEXT[request.move].label} failed: ${message}`, severity: 'error', retry: () => mutation.mutate(request) });
    },
  });
  const request = (next: MoveRequest) => {
    mutation.reset();
    if (MOVE_TEXT[next.move].confirm) setPending(next);
    else mutation.mutate(next);
  };
  const close = () => {
    mutation.reset();
    setPending(null);
  };
  return { request, pending, close, confirm: () => pending && mutation.mutate(pending), mutation };
}
