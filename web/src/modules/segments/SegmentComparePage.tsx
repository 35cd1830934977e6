import { Link as RouterLink, useSearchParams } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  IconButton,
  Link,
  Paper,
  Skeleton,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import CloseIcon from '@mui/icons-material/Close';
import { compareSegments, listSegments } from '../../api/endpoints/segments';
import { queryKeys } from '../../api/queryKeys';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { NativeSelectField } from '../../components/NativeSelectField';
import { PageHeader } from '../../components/PageHeader';
import { formatNumber, formatPercent } from '../../lib/format';
import { MAX_COMPARED, MIN_COMPARED, parseCompareIds, PERFORMANCE_ROWS } from './performance';

const PICKER_QUERY = { page: 1, pageSize: 200, sort: 'name' } as const;

/** 2–5 segments side by side: performance per segment, and how many contacts are in all of them. */
export function SegmentComparePage() {
  const [params, setParams] = useSearchParams();
  const ids = parseCompareIds(params.get('ids'));
  const setIds = (next: string[]) => setParams(next.length ? { ids: next.join(',') } : {}, { replace: true });
  const ready = ids.length >= MIN_COMPARED;
  const comparison = useQuery({
    queryKey: queryKeys.segmentCompare(ids),
    queryFn: () => compareSegments(ids),
    enabled: ready,
    placeholderData: keepPreviousData,
  });
  const all = useQuery({ queryKey: queryKeys.segmentList(PICKER_QUERY), queryFn: () => listSegments(PICKER_QUERY) });
  const names = new Map((all.data?.items ?? []).map((s) => [s.id, s.name]));
  const addable = (all.data?.items ?? []).filter((s) => !ids.includes(s.id));
  const data = ready ? comparison.data : undefined;
  const smallest = data ? Math.min(...data.segments.map((s) => s.members)) : 0;

  return (
    <>
      <PageHeader title="Compare segments" subtitle={`Pick ${MIN_COMPARED} to ${MAX_COMPARED} segments to see their performance side by side.`} actions={<Button component={RouterLink} to="/segments">All segments</Button>} />
      <Stack spacing={2}>
        <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', gap: 1, alignItems: 'center' }} role="group" aria-label="Compared segments">
          {ids.map((id) => (
            <Paper key={id} variant="outlined" sx={{ pl: 1.5, display: 'flex', alignItems: 'center' }}>
              <Typography variant="body2">{names.get(id) ?? data?.segments.find((s) => s.segmentId === id)?.name ?? 'Segment'}</Typography>
              <IconButton size="small" aria-label={`Stop comparing ${names.get(id) ?? 'this segment'}`} onClick={() => setIds(ids.filter((i) => i !== id))}>
                <CloseIcon fontSize="small" />
              </IconButton>
            </Paper>
          ))}
          {ids.length < MAX_COMPARED ? (
            <NativeSelectField
              label="Add a segment"
              size="small"
              value=""
              disabled={!all.data}
              options={[{ value: '', label: all.isPending ? 'Loading…' : 'Choose a segment' }, ...addable.map((s) => ({ value: s.id, label: s.name }))]}
              onChange={(e) => e.target.value && setIds([...ids, e.target.value])}
              sx={{ minWidth: 220 }}
            />
          ) : null}
        </Stack>
        {all.isError ? <ErrorAlert error={all.error} title="Segments could not be loaded" onRetry={() => void all.refetch()} /> : null}
        {!ready ? (
          all.data && all.data.total < MIN_COMPARED ? (
            <EmptyState title="Not enough segments" description={`Comparing needs at least ${MIN_COMPARED} segments.`} actions={<Button component={RouterLink} to="/segments/new">New segment</Button>} />
          ) : (
            <Alert severity="info">Choose {MIN_COMPARED - ids.length} more {MIN_COMPARED - ids.length === 1 ? 'segment' : 'segments'} to compare.</Alert>
          )
        ) : null}
        {ready && comparison.isError ? <ErrorAlert error={comparison.error} title="The comparison could not be loaded" onRetry={() => void comparison.refetch()} /> : null}
        {ready && comparison.isPending ? <Skeleton variant="rounded" height={320} /> : null}
        {data ? (
          <>
            <Paper variant="outlined" sx={{ p: 2 }}>
              <Typography>
                <strong data-testid="segment-overlap">{formatNumber(data.overlap)}</strong> {data.overlap === 1 ? 'contact is' : 'contacts are'} in all{' '}
                {data.segments.length} segments
                {smallest > 0 ? ` (${formatPercent(data.overlap, smallest)} of the smallest).` : '.'}
              </Typography>
            </Paper>
            <Paper variant="outlined" sx={{ opacity: comparison.isFetching ? 0.6 : 1 }}>
              <TableContainer>
                <Table size="small" aria-label="Segment comparison">
                  <TableHead>
                    <TableRow>
                      <TableCell>Measure</TableCell>
                      {data.segments.map((s) => (
                        <TableCell key={s.segmentId} align="right">
                          <Link component={RouterLink} to={`/segments/${s.segmentId}`}>{s.name}</Link>
                        </TableCell>
                      ))}
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {PERFORMANCE_ROWS.map((row) => (
                      <TableRow key={row.key}>
                        <TableCell component="th" scope="row">{row.label}</TableCell>
                        {data.segments.map((s) => (
                          <TableCell key={s.segmentId} align="right">{row.value(s)}</TableCell>
                        ))}
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </TableContainer>
            </Paper>
          </>
        ) : null}
      </Stack>
    </>
  );
}
