import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Stack, TableCell, TableRow, Typography } from '@mui/material';
import { listTrackEvents } from '../../api/endpoints/tracking';
import { queryKeys } from '../../api/queryKeys';
import { TOUCH_CHANNELS, TRACK_EVENT_TYPES, type TrackEvent } from '../../api/types';
import { EmptyState } from '../../components/EmptyState';
import { enumOptions, NativeSelectField } from '../../components/NativeSelectField';
import { PagedTable, type PagedTableColumn } from '../../components/PagedTable';
import { formatDateTime, formatNumber, humanize } from '../../lib/format';
import { toEventQuery, useEventParams } from './eventParams';

const COLUMNS: PagedTableColumn[] = [
  { label: 'When' },
  { label: 'Event' },
  { label: 'Channel' },
  { label: 'Visitor' },
  { label: 'Page' },
  { label: 'Revenue', align: 'right' },
  { label: 'Order' },
];

function EventRow({ event }: { event: TrackEvent }) {
  return (
    <TableRow>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(event.occurredAt)}</TableCell>
      <TableCell>{event.type === 'custom' ? event.name : humanize(event.type)}</TableCell>
      <TableCell>
        {humanize(event.channel)}
        {event.source ? (
          <Typography variant="body2" color="text.secondary" component="span" sx={{ display: 'block' }}>
            {event.source}
          </Typography>
        ) : null}
      </TableCell>
      <TableCell sx={{ wordBreak: 'break-all' }}>{event.contactId ? 'Known contact' : (event.anonymousId ?? '—')}</TableCell>
      <TableCell sx={{ wordBreak: 'break-all', maxWidth: 320 }}>{event.url ?? '—'}</TableCell>
      <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
        {event.revenue !== null ? `${formatNumber(event.revenue)} ${event.currency ?? ''}` : '—'}
      </TableCell>
      <TableCell>{event.orderId ?? '—'}</TableCell>
    </TableRow>
  );
}

/** The latest tracked events, filtered by type and channel, page by page. */
export function EventsExplorer() {
  const { filters, update, hasFilters } = useEventParams();
  const query = toEventQuery(filters);
  const events = useQuery({
    queryKey: queryKeys.trackEvents(query),
    queryFn: () => listTrackEvents(query),
    placeholderData: keepPreviousData,
  });
  return (
    <Stack spacing={2} component="section" aria-labelledby="events-heading">
      <Typography variant="h2" id="events-heading">
        Recent events
      </Typography>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <NativeSelectField
          label="Event type"
          size="small"
          value={filters.type}
          onChange={(event) => update({ type: event.target.value })}
          options={enumOptions(TRACK_EVENT_TYPES, humanize, 'Any type')}
        />
        <NativeSelectField
          label="Channel"
          size="small"
          value={filters.channel}
          onChange={(event) => update({ channel: event.target.value })}
          options={enumOptions(TOUCH_CHANNELS, humanize, 'Any channel')}
        />
      </Stack>
      <PagedTable
        label="Tracked events"
        columns={COLUMNS}
        query={events}
        renderRow={(event: TrackEvent) => <EventRow key={event.id} event={event} />}
        empty={
          hasFilters ? (
            <EmptyState title="No events match these filters" actions={<Button onClick={() => update({ type: '', channel: '' })}>Clear filters</Button>} />
          ) : (
            <EmptyState title="No events yet" description="Events arrive here as soon as a page with the snippet is visited." />
          )
        }
        page={filters.page}
        pageSize={filters.pageSize}
        onPageChange={(page) => update({ page })}
        onPageSizeChange={(pageSize) => update({ pageSize })}
      />
    </Stack>
  );
}
