import { Alert, List, ListItem, Typography } from '@mui/material';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { MOVE_TEXT } from './campaignMoves';
import { conflictProblems } from './readiness';
import type { useCampaignMove } from './useCampaignMove';

/** The confirmation of a destructive or sending move; a 409 lists the readiness problems or the server's reason. */
export function MoveConfirmDialog({ move }: { move: ReturnType<typeof useCampaignMove> }) {
  const { pending, mutation } = move;
  const text = pending ? MOVE_TEXT[pending.move] : null;
  const problems = conflictProblems(mutation.error);
  return (
    <ConfirmDialog
      open={Boolean(pending && text?.confirm)}
      title={text?.confirm?.title ?? ''}
      confirmLabel={text?.label ?? 'Confirm'}
      destructive={text?.confirm?.destructive}
      busy={mutation.isPending}
      error={problems ? undefined : mutation.error}
      onConfirm={move.confirm}
      onClose={move.close}
    >
      <Typography>
        <strong>{pending?.name}</strong>: {text?.confirm?.body}
      </Typography>
      {problems ? (
        <Alert severity="error" sx={{ mt: 2 }}>
          The campaign is not ready:
          <List dense disablePadding>
            {problems.map((problem, index) => (
              <ListItem key={index} disableGutters>
                {problem.message}
              </ListItem>
            ))}
          </List>
        </Alert>
      ) : null}
    </ConfirmDialog>
  );
}
