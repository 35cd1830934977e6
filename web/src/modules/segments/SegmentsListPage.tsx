import { useCallback, useMemo } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, InputAdornment, Link, Stack, TableCell, TableRow, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import SearchIcon from '@mui/icons-material/Search';
import { listSegments } from '../../api/endpoints/segments';
import { queryKeys } from '../../api/queryKeys';
import type { Segment } from '../../api/segmentTypes';
import { useCan } from '../../auth/useCan';
import { EmptyState } from '../../components/EmptyState';
import { PagedTable, type PagedTableColumn } from '../../components/PagedTable';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime, formatNumber, humanize } from '../../lib/format';
import { applyParamChanges, positiveInt } from '../../lib/searchParams';
import { DebouncedTextField } from '../contacts/DebouncedTextField';

const PAGE_SIZE = 25;
const COLUMNS: PagedTableColumn[] = [{ label: 'Name' }, { label: 'Type' }, { label: 'Members', align: 'right' }, { label: 'Refreshed' }, { label: 'Updated' }];

export function SegmentsListPage() {
  const canWrite = useCan()('contacts:write');
  const [params, setParams] = useSearchParams();
  const filters = useMemo(
    () => ({ search: (params.get('search') ?? '').trim(), page: positiveInt(params.get('page'), 1), pageSize: positiveInt(params.get('pageSize'), PAGE_SIZE, 200) }),
    [params],
  );
  const update = useCallback(
    (changes: Partial<typeof filters>) => setParams((current) => applyParamChanges(current, changes, { page: 1, pageSize: PAGE_SIZE }), { replace: true }),
    [setParams],
  );
  const segments = useQuery({ queryKey: queryKeys.segmentList(filters), queryFn: () => listSegments(filters), placeholderData: keepPreviousData });
  const newButton = canWrite ? (
    <Button variant="contained" startIcon={<AddIcon />} component={RouterLink} to="/segments/new">
      New segment
    </Button>
  ) : null;
  return (
    <>
      <PageHeader
        title="Segments"
        subtitle={segments.data ? `${formatNumber(segments.data.total)} segments${filters.search ? ' match' : ''}` : 'Groups of contacts by attributes, consent, events and metrics'}
        actions={newButton}
      />
      <Stack direction="row" sx={{ mb: 2 }} role="group" aria-label="Filters">
        <DebouncedTextField
          label="Search segments"
          type="search"
          size="small"
          value={filters.search}
          onDebouncedChange={(search) => update({ search })}
          sx={{ minWidth: 280 }}
          slotProps={{ input: { startAdornment: <InputAdornment position="start"><SearchIcon aria-hidden /></InputAdornment> } }}
        />
      </Stack>
      <PagedTable
        label="Segments"
        columns={COLUMNS}
        query={segments}
        renderRow={(segment: Segment) => (
          <TableRow key={segment.id} hover>
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
          filters.search ? (
            <EmptyState title="No segments match this search" actions={<Button onClick={() => update({ search: '' })}>Clear the search</Button>} />
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
