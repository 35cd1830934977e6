import { useCallback, useMemo, useState } from 'react';
import { Link as RouterLink, useNavigate, useSearchParams } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Checkbox, Link, Stack, TableCell, TableRow, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import CompareArrowsIcon from '@mui/icons-material/CompareArrows';
import { listSegments } from '../../api/endpoints/segments';
import { queryKeys } from '../../api/queryKeys';
import { SEGMENT_SORTS, SEGMENT_TYPES, type Segment, type SegmentSort } from '../../api/types';
import { useCan } from '../../auth/useCan';
import { EmptyState } from '../../components/EmptyState';
import { NativeSelectField } from '../../components/NativeSelectField';
import { PagedTable, type PagedTableColumn } from '../../components/PagedTable';
import { PageHeader } from '../../components/PageHeader';
import { SearchField } from '../../components/SearchField';
import { formatDateTime, formatNumber, humanize } from '../../lib/format';
import { applyParamChanges, oneOf, positiveInt } from '../../lib/searchParams';
import { MAX_COMPARED, MIN_COMPARED } from './performance';

const PAGE_SIZE = 25;
const DEFAULT_SORT: SegmentSort = '-updatedAt';
const COLUMNS: PagedTableColumn[] = [
  { label: 'Compare', hiddenLabel: true },
  { label: 'Name' },
  { label: 'Type' },
  { label: 'Members', align: 'right' },
  { label: 'Refreshed' },
  { label: 'Updated' },
];

const SORT_LABELS: Record<SegmentSort, string> = {
  '-updatedAt': 'Recently updated',
  updatedAt: 'Least recently updated',
  name: 'Name A–Z',
  '-name': 'Name Z–A',
  '-createdAt': 'Newest',
  createdAt: 'Oldest',
  '-memberCount': 'Most members',
  memberCount: 'Fewest members',
};

export function SegmentsListPage() {
  const canWrite = useCan()('segments:write');
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [compared, setCompared] = useState<string[]>([]);
  const filters = useMemo(
    () => ({
      search: (params.get('search') ?? '').trim(),
      type: oneOf(params.get('type'), SEGMENT_TYPES),
      sort: oneOf(params.get('sort'), SEGMENT_SORTS) || DEFAULT_SORT,
      page: positiveInt(params.get('page'), 1),
      pageSize: positiveInt(params.get('pageSize'), PAGE_SIZE, 200),
    }),
    [params],
  );
  const update = useCallback(
    (changes: Partial<typeof filters>) =>
      setParams((current) => applyParamChanges(current, changes, { page: 1, pageSize: PAGE_SIZE, sort: DEFAULT_SORT }), { replace: true }),
    [setParams],
  );
  const segments = useQuery({ queryKey: queryKeys.segmentList(filters), queryFn: () => listSegments(filters), placeholderData: keepPreviousData });
  const filtered = Boolean(filters.search || filters.type);
  const toggleCompared = (id: string) =>
    setCompared((current) => (current.includes(id) ? current.filter((c) => c !== id) : current.length < MAX_COMPARED ? [...current, id] : current));
  const newButton = canWrite ? (
    <Button variant="contained" startIcon={<AddIcon />} component={RouterLink} to="/segments/new">
      New segment
    </Button>
  ) : null;
  return (
    <>
      <PageHeader
        title="Segments"
        subtitle={segments.data ? `${formatNumber(segments.data.total)} segments${filtered ? ' match' : ''}` : 'Groups of contacts by attributes, consent, events and metrics'}
        actions={
          <>
            <Button
              variant="outlined"
              startIcon={<CompareArrowsIcon />}
              disabled={compared.length < MIN_COMPARED}
              onClick={() => navigate(`/segments/compare?ids=${compared.join(',')}`)}
            >
              {compared.length > 0 ? `Compare ${compared.length} selected` : 'Compare'}
            </Button>
            {newButton}
          </>
        }
      />
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 2 }} role="group" aria-label="Filters">
        <SearchField
          label="Search segments"
          size="small"
          value={filters.search}
          onDebouncedChange={(search) => update({ search })}
          sx={{ minWidth: 280 }}
        />
        <NativeSelectField
          label="Type"
          size="small"
          value={filters.type}
          options={[{ value: '', label: 'Any type' }, ...SEGMENT_TYPES.map((t) => ({ value: t, label: humanize(t) }))]}
          onChange={(e) => update({ type: e.target.value as (typeof filters)['type'] })}
        />
        <NativeSelectField
          label="Sort by"
          size="small"
          value={filters.sort}
          options={SEGMENT_SORTS.map((s) => ({ value: s, label: SORT_LABELS[s] }))}
          onChange={(e) => update({ sort: e.target.value as SegmentSort })}
        />
      </Stack>
      {compared.length > 0 && compared.length < MIN_COMPARED ? (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          Select at least {MIN_COMPARED} segments (at most {MAX_COMPARED}) to compare them.
        </Typography>
      ) : null}
      <PagedTable
        label="Segments"
        columns={COLUMNS}
        query={segments}
        renderRow={(segment: Segment) => (
          <TableRow key={segment.id} hover selected={compared.includes(segment.id)}>
            <TableCell padding="checkbox">
              <Checkbox
                checked={compared.includes(segment.id)}
                disabled={!compared.includes(segment.id) && compared.length >= MAX_COMPARED}
                onChange={() => toggleCompared(segment.id)}
                slotProps={{ input: { 'aria-label': `Compare ${segment.name}` } }}
              />
            </TableCell>
            <TableCell>
              <Link component={RouterLink} to={`/segments/${segment.id}`}>{segment.name}</Link>
              {segment.description ? <Typography variant="caption" component="div" color="text.secondary">{segment.description}</Typography> : null}
            </TableCell>
            <TableCell>{humanize(segment.type)}</TableCell>
            <TableCell align="right">{formatNumber(segment.memberCount)}</TableCell>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(segment.refreshedAt)}</TableCell>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(segment.updatedAt)}</TableCell>
          </TableRow>
        )}
        empty={
          filtered ? (
            <EmptyState title="No segments match these filters" actions={<Button onClick={() => update({ search: '', type: '' })}>Clear the filters</Button>} />
          ) : (
            <EmptyState title="No segments yet" description="A segment is a set of conditions; its size and reach update live while you build it." actions={newButton} />
          )
        }
        page={filters.page}
        pageSize={filters.pageSize}
        onPageChange={(page) => update({ page })}
        onPageSizeChange={(pageSize) => update({ pageSize })}
      />
    </>
  );
}
