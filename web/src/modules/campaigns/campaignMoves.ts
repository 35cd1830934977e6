import type { CampaignMove } from '../../api/endpoints/campaigns';

export interface MoveText {
  label: string;
  /** Confirmation before the move (it sends messages, stops sending or cannot be undone). */
  confirm?: { title: string; body: string; destructive?: boolean };
  done: string;
}

export const MOVE_TEXT: Record<CampaignMove | 'duplicate', MoveText> = {
  launch: {
    label: 'Launch',
    confirm: { title: 'Launch the campaign now?', body: 'The readiness check runs, then messages are queued to the whole audience.' },
    done: 'Campaign launched.',
  },
  pause: {
    label: 'Pause',
    confirm: { title: 'Pause the campaign?', body: 'No new messages are queued until it is resumed; queued ones wait.' },
    done: 'Campaign paused.',
  },
  resume: { label: 'Resume', done: 'Campaign resumed.' },
  unschedule: { label: 'Unschedule', done: 'Campaign back to draft.' },
  complete: {
    label: 'Complete',
    confirm: { title: 'Mark the campaign completed?', body: 'It stops sending for good; this cannot be undone.', destructive: true },
    done: 'Campaign completed.',
  },
  cancel: {
    label: 'Cancel campaign',
    confirm: { title: 'Cancel the campaign?', body: 'Nothing more is sent and it cannot be restarted.', destructive: true },
    done: 'Campaign cancelled.',
  },
  archive: {
    label: 'Archive',
    confirm: { title: 'Archive the campaign?', body: 'It leaves the list (filter by "Archived" to find it); its history is kept.', destructive: true },
    done: 'Campaign archived.',
  },
  duplicate: { label: 'Duplicate', done: 'Campaign duplicated as a new draft.' },
};

/** The actions in `CampaignView.actions` / the list row that are moves without a body (schedule and edit open the wizard). */
export const MOVES: readonly CampaignMove[] = ['launch', 'pause', 'resume', 'unschedule', 'complete', 'cancel', 'archive'];

/** Quick actions offered on a list row, by status (the summary has no `actions`). */
export function rowMoves(status: string): (CampaignMove | 'duplicate')[] {
  switch (status) {
    case 'draft':
      return ['launch', 'duplicate'];
    case 'scheduled':
      return ['launch', 'unschedule', 'duplicate'];
    case 'running':
      return ['pause', 'duplicate'];
    case 'paused':
      return ['resume', 'duplicate'];
    default:
      return ['duplicate'];
  }
}
