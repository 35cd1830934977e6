import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Stack, TableCell, TableRow } from '@mui/material';
import { listCampaignDeliveries } from '../../api/endpoints/campaigns';
import { queryKeys } from '../../api/queryKeys';
import { DELIVERY_STATUSES, IN_FLIGHT_STATUSES, type Campaign, type CampaignDelivery } from '../../api/types';
import { EmptyState } from '../../components/EmptyState';
import { NativeSelectField } from '../../components/NativeSelectField';
import { PagedTable } from '../../components/PagedTable';
import { formatDateTime, humanize } from '../../lib/format';
import { DeliveryStatusChip } from '../deliveries/DeliveryStatusChip';

const COLUMNS = [{ label: 'Created' }, { label: 'Recipient' }, { label: 'Step' }, { label: 'Variant' }, { label: 'Status' }, { label: 'Sent' }];

export function CampaignDeliveriesTab({ campaign }: { campaign: Campaign }) {
  const [filters, setFilters] = useState({ status: '', stepId: '', variantId: '', page: 1, pageSize: 25 });
  const deliveries = useQuery({
    queryKey: queryKeys.campaignDeliveries(campaign.id, filters),
    queryFn: () => listCampaignDeliveries(campaign.id, filters),
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (q.state.data?.items.some((d) => IN_FLIGHT_STATUSES.includes(d.status)) ? 2000 : false),
  });
  const set = (change: Partial<typeof filters>) => setFilters((f) => ({ ...f, page: 1, ...change }));
  const step = campaign.steps.find((s) => s.id === filters.stepId);
  const stepName = (id: string | null) => campaign.steps.find((s) => s.id === id)?.name ?? '—';
  const variantName = (stepId: string | null, id: string | null) =>
    campaign.steps.find((s) => s.id === stepId)?.variants.find((v) => v.id === id)?.name ?? (id ? '—' : 'Holdout');
  return (
    <Stack spacing={2}>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} role="group" aria-label="Delivery filters">
        <NativeSelectField label="Status" size="small" value={filters.status} options={[{ value: '', label: 'Any status' }, ...DELIVERY_STATUSES.map((s) => ({ value: s, label: humanize(s) }))]} onChange={(e) => set({ status: e.target.value })} sx={{ minWidth: 160 }} />
        <NativeSelectField label="Step" size="small" value={filters.stepId} options={[{ value: '', label: 'Every step' }, ...campaign.steps.map((s) => ({ value: s.id, label: s.name }))]} onChange={(e) => set({ stepId: e.target.value, variantId: '' })} sx={{ minWidth: 180 }} />
        <NativeSelectField
          label="Variant"
          size="small"
          value={filters.variantId}
          disabled={!step}
          options={[{ value: '', label: 'Every variant' }, ...(step?.variants.map((v) => ({ value: v.id, label: v.name })) ?? [])]}
          onChange={(e) => set({ variantId: e.target.value })}
          sx={{ minWidth: 160 }}
        />
      </Stack>
      <PagedTable
        label="Campaign deliveries"
        columns={COLUMNS}
        query={deliveries}
        renderRow={(d: CampaignDelivery) => (
          <TableRow key={d.id} hover>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(d.createdAt)}</TableCell>
            <TableCell sx={{ wordBreak: 'break-all' }}>{d.address}</TableCell>
            <TableCell>{stepName(d.stepId)}</TableCell>
            <TableCell>{variantName(d.stepId, d.variantId)}</TableCell>
            <TableCell><DeliveryStatusChip delivery={d} /></TableCell>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(d.sentAt)}</TableCell>
          </TableRow>
        )}
        empty={<EmptyState title="No deliveries" description="Deliveries appear when the campaign sends." />}
        page={filters.page}
        pageSize={filters.pageSize}
        onPageChange={(page) => setFilters((f) => ({ ...f, page }))}
        onPageSizeChange={(pageSize) => set({ pageSize })}
      />
    </Stack>
  );
}
