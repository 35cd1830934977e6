import { Button, Stack } from '@mui/material';
import { DateRangeFields } from '../../components/DateRangeFields';
import { DebouncedTextField } from '../contacts/DebouncedTextField';
import type { AuditFilters } from './useAuditParams';

interface Props {
  filters: AuditFilters;
  update: (changes: Partial<AuditFilters>) => void;
  hasFilters: boolean;
  clear: () => void;
}

export function AuditFiltersBar({ filters, update, hasFilters, clear }: Props) {
  return (
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ mb: 2, flexWrap: 'wrap' }} role="group" aria-label="Filters">
      <DebouncedTextField label="Entity type" size="small" value={filters.entityType} onDebouncedChange={(entityType) => update({ entityType })} />
      <DebouncedTextField label="Entity id" size="small" value={filters.entityId} onDebouncedChange={(entityId) => update({ entityId })} />
      <DebouncedTextField label="Action" size="small" value={filters.action} onDebouncedChange={(action) => update({ action })} />
      <DebouncedTextField label="Actor" size="small" value={filters.actor} onDebouncedChange={(actor) => update({ actor })} />
      <DateRangeFields from={filters.from} to={filters.to} onChange={update} />
      {hasFilters ? <Button onClick={clear}>Clear filters</Button> : null}
    </Stack>
  );
}
