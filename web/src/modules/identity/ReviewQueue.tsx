import { useState } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Paper, Skeleton, Stack } from '@mui/material';
import { acceptReview, listReviews, rejectReview } from '../../api/endpoints/identity';
import { queryKeys } from '../../api/queryKeys';
import type { IdentityReview, ReviewStatus } from '../../api/types';
import { useCan } from '../../auth/useCan';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { NativeSelectField } from '../../components/NativeSelectField';
import { PagedTablePagination } from '../../components/PagedTablePagination';
import { useNotify } from '../../components/notifyContext';
import { contactDisplayName } from '../../lib/format';
import { ReviewPairCard } from './ReviewPairCard';

const STATUS_OPTIONS = [
  { value: 'pending', label: 'Pending' },
  { value: 'accepted', label: 'Accepted' },
  { value: 'rejected', label: 'Rejected' },
];

export function ReviewQueue() {
  const canDecide = useCan()('identity:write');
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<ReviewStatus>('pending');
  const [page, setPage] = useState(1);
  const pageSize = 10;
  const [decision, setDecision] = useState<{ kind: 'accept' | 'reject'; review: IdentityReview } | null>(null);

  const reviews = useQuery({
    queryKey: queryKeys.reviews(status, page, pageSize),
    queryFn: () => listReviews({ status, page, pageSize }),
    placeholderData: keepPreviousData,
  });
  const decide = useMutation({
    mutationFn: async ({ kind, review }: { kind: 'accept' | 'reject'; review: IdentityReview }) => {
      if (kind === 'accept') await acceptReview(review.id);
      else await rejectReview(review.id);
    },
    onSuccess: async (_, { kind }) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.identity });
      void queryClient.invalidateQueries({ queryKey: queryKeys.contacts });
      notify({ message: kind === 'accept' ? 'Contacts merged. You can undo it from the Merges tab.' : 'Marked as different people.' });
      setDecision(null);
    },
  });

  const items = reviews.data?.items ?? [];
  const pair = decision ? `${contactDisplayName(decision.review.contact)} and ${contactDisplayName(decision.review.candidate)}` : '';

  return (
    <Stack spacing={2}>
      <NativeSelectField
        label="Show"
        size="small"
        value={status}
        options={STATUS_OPTIONS}
        onChange={(event) => {
          setStatus(event.target.value as ReviewStatus);
          setPage(1);
        }}
        sx={{ maxWidth: 200 }}
      />
      {reviews.isError ? (
        <ErrorAlert error={reviews.error} title="The review queue could not be loaded" onRetry={() => reviews.refetch()} />
      ) : reviews.isPending ? (
        <Skeleton variant="rectangular" height={240} />
      ) : items.length === 0 ? (
        <Paper variant="outlined">
          <EmptyState
            title={status === 'pending' ? 'Nothing to review' : `No ${status} pairs`}
            description={status === 'pending' ? 'Possible duplicates appear here when a match falls in the review band.' : undefined}
          />
        </Paper>
      ) : (
        items.map((review) => (
          <ReviewPairCard
            key={review.id}
            review={review}
            canDecide={canDecide}
            onAccept={(r) => setDecision({ kind: 'accept', review: r })}
            onReject={(r) => setDecision({ kind: 'reject', review: r })}
          />
        ))
      )}
      {reviews.data && reviews.data.total > pageSize ? (
        <PagedTablePagination total={reviews.data.total} page={page} pageSize={pageSize} onPageChange={setPage} />
      ) : null}
      <ConfirmDialog
        open={decision !== null}
        title={decision?.kind === 'accept' ? 'Merge these contacts?' : 'Mark as different people?'}
        confirmLabel={decision?.kind === 'accept' ? 'Merge' : 'Reject'}
        busy={decide.isPending}
        error={decide.error}
        onConfirm={() => decision && decide.mutate(decision)}
        onClose={() => {
          decide.reset();
          setDecision(null);
        }}
      >
        {decision?.kind === 'accept'
          ? `${pair} become one profile. The merge is audited and can be undone from the Merges tab.`
          : `${pair} stay separate and this pair is not suggested again.`}
      </ConfirmDialog>
    </Stack>
  );
}
