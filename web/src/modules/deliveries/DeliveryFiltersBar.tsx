import { Button, Stack } from '@mui/material';
import { DELIVERY_STATUSES, MESSAGE_CATEGORIES, MESSAGE_CHANNELS, type DeliveryStatus, type MessageCategory } from '../../api/types';
import { enumOptions, NativeSelectField } from '../../components/NativeSelectField';
import { humanize } from '../../lib/format';
import { DateRangeFields } from '../../components/DateRangeFields';
import { DebouncedTextField } from '../contacts/DebouncedTextField';
import type { DeliveryFilters } from './deliveryParams';

interface Props {
  filters: DeliveryFilters;
  update: (changes: Partial<DeliveryFilters>) => void;
  hasFilters: boolean;
  clear: () => void;
}

export function DeliveryFiltersBar({ filters, update, hasFilters, clear }: Props) {
  return (
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ mb: 2, flexWrap: 'wrap', rowGap: 2 }} role="group" aria-label="Filters">
      <NativeSelectField
        label="Status"
        size="small"
        value={filters.status}
        options={enumOptions(DELIVERY_STATUSES, humanize, 'Any')}
        onChange={(event) => update({ status: event.target.value as DeliveryStatus | '' })}
        sx={{ minWidth: 150 }}
      />
      <NativeSelectField
        label="Channel"
        size="small"
        value={filters.channel}
        options={enumOptions(MESSAGE_CHANNELS, humanize, 'Any')}
        onChange={(event) => update({ channel: event.target.value })}
        sx={{ minWidth: 130 }}
      />
      <NativeSelectField
        label="Category"
        size="small"
        value={filters.category}
        options={enumOptions(MESSAGE_CATEGORIES, humanize, 'Any')}
        onChange={(event) => update({ category: event.target.value as MessageCategory | '' })}
        sx={{ minWidth: 150 }}
      />
      <DateRangeFields from={filters.from} to={filters.to} onChange={update} />
      <DebouncedTextField
        label="Contact id"
        size="small"
        value={filters.contactId}
        onDebouncedChange={(contactId) => update({ contactId: contactId.trim() })}
        sx={{ minWidth: 280 }}
      />
      {hasFilters ? <Button onClick={clear}>Clear filters</Button> : null}
    </Stack>
  );
}
