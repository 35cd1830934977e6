import { Box, Button, Chip, Paper, Stack, Typography } from '@mui/material';
import type { IdentityReview } from '../../api/types';
import { StatusChip } from '../../components/StatusChip';
import { contactDisplayName, formatDateTime } from '../../lib/format';
import { ContactSummaryCard } from './ContactSummaryCard';

export function formatScore(score: number): string {
  return score <= 1 ? `${Math.round(score * 100)}%` : `${Math.round(score)}`;
}

interface Props {
  review: IdentityReview;
  canDecide: boolean;
  onAccept: (review: IdentityReview) => void;
  onReject: (review: IdentityReview) => void;
}

export function ReviewPairCard({ review, canDecide, onAccept, onReject }: Props) {
  const pairName = `${contactDisplayName(review.contact)} and ${contactDisplayName(review.candidate)}`;
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="article" aria-label={`Possible duplicate: ${pairName}`}>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' }, mb: 2 }}>
        <Typography variant="h3" component="h2">
          Match score {formatScore(review.score)}
        </Typography>
        <StatusChip status={review.status} />
        <Typography variant="body2" color="text.secondary">
          Found {formatDateTime(review.createdAt)}
        </Typography>
        <Box sx={{ flexGrow: 1 }} />
        {canDecide && review.status === 'pending' ? (
          <Stack direction="row" spacing={1}>
            <Button variant="contained" onClick={() => onAccept(review)}>
              Accept (merge)
            </Button>
            <Button variant="outlined" onClick={() => onReject(review)}>
              Reject
            </Button>
          </Stack>
        ) : null}
      </Stack>
      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1, mb: 2 }} aria-label="Reasons">
        {review.reasons.map((reason) => (
          <Chip key={reason} label={reason} size="small" variant="outlined" />
        ))}
      </Stack>
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' } }}>
        <ContactSummaryCard title="Contact" contact={review.contact} compare={review.candidate} />
        <ContactSummaryCard title="Candidate" contact={review.candidate} compare={review.contact} />
      </Box>
    </Paper>
  );
}
