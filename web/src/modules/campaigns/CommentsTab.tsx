import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Box, Button, Paper, Stack, TextField, Typography } from '@mui/material';
import { addCampaignComment, deleteCampaignComment, listCampaignComments } from '../../api/endpoints/campaigns';
import { errorMessage } from '../../api/problem';
import { queryKeys } from '../../api/queryKeys';
import type { CampaignComment } from '../../api/types';
import { useAuth } from '../../auth/authContext';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../lib/format';

function CommentForm({ label, onSubmit, busy, error, onCancel }: { label: string; onSubmit: (body: string) => Promise<unknown>; busy: boolean; error: unknown; onCancel?: () => void }) {
  const [body, setBody] = useState('');
  return (
    <Stack spacing={1}>
      <TextField label={label} multiline minRows={2} value={body} onChange={(e) => setBody(e.target.value)} error={Boolean(error)} helperText={error ? errorMessage(error) : undefined} />
      <Stack direction="row" spacing={1}>
        <Button variant="contained" size="small" disabled={busy || !body.trim()} onClick={() => void onSubmit(body.trim()).then(() => setBody(''))}>
          {label.startsWith('Reply') ? 'Reply' : 'Comment'}
        </Button>
        {onCancel ? <Button size="small" onClick={onCancel}>Cancel</Button> : null}
      </Stack>
    </Stack>
  );
}

export function CommentsTab({ campaignId }: { campaignId: string }) {
  const queryClient = useQueryClient();
  const { me } = useAuth();
  const [replyTo, setReplyTo] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<CampaignComment | null>(null);
  const comments = useQuery({ queryKey: queryKeys.campaignComments(campaignId), queryFn: () => listCampaignComments(campaignId) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.campaignComments(campaignId) });
  const add = useMutation({ mutationFn: (body: { body: string; parentId?: string }) => addCampaignComment(campaignId, body), onSuccess: refresh });
  const remove = useMutation({
    mutationFn: (id: string) => deleteCampaignComment(campaignId, id),
    onSuccess: async () => {
      setDeleting(null);
      await refresh();
    },
  });

  const renderComment = (comment: CampaignComment, depth: number) => (
    <Box key={comment.id} sx={{ ml: depth * 3, borderLeft: depth ? 2 : 0, borderColor: 'divider', pl: depth ? 2 : 0 }}>
      <Paper variant="outlined" sx={{ p: 1.5 }} component="article" aria-label={`Comment by ${comment.author}`}>
        <Typography variant="caption" color="text.secondary">
          {comment.author} · {formatDateTime(comment.createdAt)}
          {comment.editedAt ? ' · edited' : ''}
        </Typography>
        <Typography sx={{ whiteSpace: 'pre-wrap' }} color={comment.deleted ? 'text.secondary' : undefined}>
          {comment.deleted ? 'This comment was deleted.' : comment.body}
        </Typography>
        {!comment.deleted ? (
          <Stack direction="row" spacing={1}>
            {depth === 0 ? <Button size="small" onClick={() => setReplyTo(comment.id)}>Reply</Button> : null}
            {me?.userId === comment.author || me?.email === comment.author || me?.scopes.includes('users:manage') ? (
              <Button size="small" color="error" onClick={() => setDeleting(comment)}>Delete</Button>
            ) : null}
          </Stack>
        ) : null}
      </Paper>
      {replyTo === comment.id ? (
        <Box sx={{ ml: 3, mt: 1 }}>
          <CommentForm label={`Reply to ${comment.author}`} busy={add.isPending} error={add.error} onCancel={() => setReplyTo(null)} onSubmit={(body) => add.mutateAsync({ body, parentId: comment.id }).then(() => setReplyTo(null))} />
        </Box>
      ) : null}
      <Stack spacing={1} sx={{ mt: 1 }}>{comment.replies.map((reply) => renderComment(reply, depth + 1))}</Stack>
    </Box>
  );

  return (
    <Stack spacing={2}>
      {comments.isError ? <ErrorAlert error={comments.error} title="Comments could not be loaded" onRetry={() => void comments.refetch()} /> : null}
      {comments.data?.length === 0 ? <EmptyState title="No comments yet" description="Discuss the campaign with your team here." /> : null}
      {comments.data?.map((comment) => renderComment(comment, 0))}
      <CommentForm label="New comment" busy={add.isPending && replyTo === null} error={replyTo === null ? add.error : null} onSubmit={(body) => add.mutateAsync({ body })} />
      <ConfirmDialog
        open={deleting !== null}
        title="Delete this comment?"
        confirmLabel="Delete"
        destructive
        busy={remove.isPending}
        error={remove.error}
        onConfirm={() => deleting && remove.mutate(deleting.id)}
        onClose={() => {
          remove.reset();
          setDeleting(null);
        }}
      >
        The comment is replaced by "deleted" in the thread.
      </ConfirmDialog>
    </Stack>
  );
}
