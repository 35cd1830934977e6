import { Link as RouterLink } from 'react-router';
import { Box, Link, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { listReviews } from '../../api/endpoints/identity';
import { listImports } from '../../api/endpoints/imports';
import { queryKeys } from '../../api/queryKeys';
import { formatDateTime, formatNumber, humanize } from '../../lib/format';
import { StatCard } from './StatCard';

/** Pending identity reviews and the latest import, from their endpoints. */
export function WorkQueueStats() {
  const reviews = useQuery({
    queryKey: queryKeys.reviews('pending', 1, 1),
    queryFn: () => listReviews({ status: 'pending', page: 1, pageSize: 1 }),
  });
  const imports = useQuery({ queryKey: queryKeys.importList(1, 1), queryFn: () => listImports({ page: 1, pageSize: 1 }) });
  const latest = imports.data?.items[0];
  return (
    <Box component="section" aria-labelledby="work-heading" sx={{ mb: 4 }}>
      <Typography variant="h2" id="work-heading" sx={{ mb: 2 }}>
        Work queues
      </Typography>
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))' }}>
        <StatCard
          label="Identity reviews pending"
          loading={reviews.isPending}
          value={reviews.isError ? '—' : formatNumber(reviews.data?.total)}
          hint={
            <Link component={RouterLink} to="/identity">
              Open the review queue
            </Link>
          }
        />
        <StatCard
          label="Latest import"
          loading={imports.isPending}
          value={imports.isError ? '—' : latest ? humanize(latest.status) : 'None yet'}
          hint={
            latest ? (
              <Link component={RouterLink} to={`/imports/${latest.id}`}>
                {latest.fileName} · {formatDateTime(latest.createdAt)}
              </Link>
            ) : (
              <Link component={RouterLink} to="/imports/new">
                Import contacts
              </Link>
            )
          }
        />
      </Box>
    </Box>
  );
}
