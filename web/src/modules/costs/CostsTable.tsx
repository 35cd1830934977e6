import { useState } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Stack, TableCell, TableRow, Typography } from '@mui/material';
import { getAnalyticsSettings } from '../../api/endpoints/analytics';
import { deleteCost, listCosts } from '../../api/endpoints/costs';
import { queryKeys } from '../../api/queryKeys';
import { TOUCH_CHANNELS, type Cost } from '../../api/types';
import { useCan } from '../../auth/useCan';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DateRangeFields } from '../../components/DateRangeFields';
import { EmptyState } from '../../components/EmptyState';
import { enumOptions, NativeSelectField } from '../../components/NativeSelectField';
import { PagedTable, type PagedTableColumn } from '../../components/PagedTable';
import { useNotify } from '../../components/notifyContext';
import { formatDateTime, humanize } from '../../lib/format';
import { formatMoney } from '../analytics/kpiFormat';
import { toCostQuery, useCostParams } from './costParams';

const COLUMNS: PagedTableColumn[] = [
  { label: 'Day' },
  { label: 'Channel' },
  { label: 'Campaign' },
  { label: 'Amount', align: 'right' },
  { label: 'Source' },
  { label: 'Updated' },
  { label: 'Actions', align: 'right', hiddenLabel: true },
];

const describe = (cost: Cost) => `${cost.date} · ${humanize(cost.channel)}${cost.campaign ? ` · ${cost.campaign}` : ''}`;

/** Spend rows with their filter's total; a row can be deleted (analytics:manage) after a confirmation. */
export function CostsTable() {
  const canManage = useCan()('analytics:manage');
  const notify = useNotify();
  const queryClient = useQueryClient();
  const { filters, update, clear, hasFilters } = useCostParams();
  const [deleting, setDeleting] = useState<Cost | null>(null);
  const query = toCostQuery(filters);
  const costs = useQuery({ queryKey: queryKeys.costList(query), queryFn: () => listCosts(query), placeholderData: keepPreviousData });
  const remove = useMutation({
    mutationFn: (cost: Cost) => deleteCost(cost),
    onSuccess: async (_, cost) => {
      setDeleting(null);
      await queryClient.invalidateQueries({ queryKey: queryKeys.analytics });
      notify({ message: `Spend of ${describe(cost)} deleted.` });
    },
  });
  const settings = useQuery({ queryKey: queryKeys.analyticsSettings, queryFn: getAnalyticsSettings });
  const currency = settings.data?.currency ?? costs.data?.items[0]?.currency ?? '';
  return (
    <Stack spacing={2} component="section" aria-labelledby="costs-heading">
      <Typography variant="h2" id="costs-heading">
        Spend
      </Typography>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' } }}>
        <DateRangeFields from={filters.from} to={filters.to} onChange={(changes) => update(changes)} />
        <NativeSelectField
          label="Channel"
          size="small"
          value={filters.channel}
          onChange={(event) => update({ channel: event.target.value })}
          options={enumOptions(TOUCH_CHANNELS, humanize, 'Any channel')}
        />
        {costs.data ? (
          <Typography data-testid="costs-total">
            Total: <strong>{formatMoney(costs.data.totalAmount, currency)}</strong> over {costs.data.total} {costs.data.total === 1 ? 'row' : 'rows'}
          </Typography>
        ) : null}
      </Stack>
      <PagedTable
        label="Costs"
        columns={COLUMNS}
        query={costs}
        renderRow={(cost: Cost) => (
          <TableRow key={`${cost.date}|${cost.channel}|${cost.campaign}`}>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{cost.date}</TableCell>
            <TableCell>{humanize(cost.channel)}</TableCell>
            <TableCell>{cost.campaign || '—'}</TableCell>
            <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
              {formatMoney(cost.amount, cost.currency)}
            </TableCell>
            <TableCell>{cost.source.toUpperCase()}</TableCell>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(cost.updatedAt)}</TableCell>
            <TableCell align="right">
              {canManage ? (
                <Button color="error" size="small" onClick={() => setDeleting(cost)} aria-label={`Delete the spend of ${describe(cost)}`}>
                  Delete
                </Button>
              ) : null}
            </TableCell>
          </TableRow>
        )}
        empty={
          hasFilters ? (
            <EmptyState title="No spend matches these filters" actions={<Button onClick={clear}>Clear filters</Button>} />
          ) : (
            <EmptyState title="No spend yet" description="Import a CSV of your ad spend, or send it with PUT /api/v1/marketing/costs." />
          )
        }
        page={filters.page}
        pageSize={filters.pageSize}
        onPageChange={(page) => update({ page })}
        onPageSizeChange={(pageSize) => update({ pageSize })}
      />
      <ConfirmDialog
        open={deleting !== null}
        title="Delete this spend?"
        confirmLabel="Delete"
        destructive
        busy={remove.isPending}
        error={remove.error}
        onConfirm={() => deleting && remove.mutate(deleting)}
        onClose={() => {
          remove.reset();
          setDeleting(null);
        }}
      >
        {deleting ? `The spend of ${describe(deleting)} (${formatMoney(deleting.amount, deleting.currency)}) is removed from ROI and ROAS.` : ''}
      </ConfirmDialog>
    </Stack>
  );
}
