import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Link, TableCell, TableRow, Typography } from '@mui/material';
import ReplayIcon from '@mui/icons-material/Replay';
import { listDeliveries, redriveDeadDeliveries } from '../../api/endpoints/deliveries';
import { errorMessage } from '../../api/problem';
import { queryKeys } from '../../api/queryKeys';
import { IN_FLIGHT_STATUSES, REDRIVABLE_STATUSES, type Delivery } from '../../api/types';
import { useCan } from '../../auth/useCan';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EmptyState } from '../../components/EmptyState';
import { PagedTable, type PagedTableColumn } from '../../components/PagedTable';
import { PageHeader } from '../../components/PageHeader';
import { useNotify } from '../../components/notifyContext';
import { formatDateTime, formatNumber, humanize } from '../../lib/format';
import { DeliveryFiltersBar } from './DeliveryFiltersBar';
import { DeliveryHistoryDrawer } from './DeliveryHistoryDrawer';
import { DeliveryStatusChip } from './DeliveryStatusChip';
import { toDeliveryQuery, useDeliveryParams } from './deliveryParams';
import { useRedrive } from './useRedrive';

const REFRESH_MS = 2000;

export function DeliveriesPage() {
  const canManage = useCan()('deliveries:manage');
  const notify = useNotify();
  const queryClient = useQueryClient();
  const { filters, update, clear, hasFilters } = useDeliveryParams();
  const [params, setParams] = useSearchParams();
  const openId = params.get('delivery');
  const setOpenId = (id: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (id) next.set('delivery', id);
        else next.delete('delivery');
        return next;
      },
      { replace: true },
    );
  const [confirmingBulk, setConfirmingBulk] = useState(false);

  const query = toDeliveryQuery(filters);
  const deliveries = useQuery({
    queryKey: queryKeys.deliveryList(query),
    queryFn: () => listDeliveries(query),
    placeholderData: keepPreviousData,
    // Live while anything on the page is still on its way.
    refetchInterval: (q) => (q.state.data?.items.some((d) => IN_FLIGHT_STATUSES.includes(d.status)) ? REFRESH_MS : false),
  });

  // How many dead deliveries a bulk re-drive would take: the list's filters, status dead.
  const { status: _status, page: _page, pageSize: _pageSize, ...redriveFilter } = query;
  const deadQuery = { ...redriveFilter, status: 'dead' as const, page: 1, pageSize: 1 };
  const dead = useQuery({
    queryKey: queryKeys.deliveryList(deadQuery),
    queryFn: () => listDeliveries(deadQuery),
    enabled: canManage,
  });
  const deadCount = dead.data?.total ?? 0;

  const bulk = useMutation({
    mutationFn: () => redriveDeadDeliveries(redriveFilter),
    onSuccess: async (result) => {
      setConfirmingBulk(false);
      await queryClient.invalidateQueries({ queryKey: queryKeys.deliveries });
      notify({ message: `${formatNumber(result.redriven)} dead deliveries queued again.` });
    },
    onError: (error) =>
      notify({ message: `Re-drive failed: ${errorMessage(error)}`, severity: 'error', retry: () => bulk.mutate() }),
  });
  const redrive = useRedrive();

  const columns: PagedTableColumn[] = [
    { label: 'Created' },
    { label: 'Recipient' },
    { label: 'Channel' },
    { label: 'Category' },
    { label: 'Status' },
    { label: 'Attempts', align: 'right' },
    { label: 'Updated' },
    { label: 'Actions', align: 'right' },
  ];

  const renderRow = (delivery: Delivery) => (
    <TableRow key={delivery.id} hover selected={delivery.id === openId}>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(delivery.createdAt)}</TableCell>
      <TableCell sx={{ wordBreak: 'break-all' }}>
        <Link component="button" type="button" onClick={() => setOpenId(delivery.id)} sx={{ textAlign: 'left' }}>
          {delivery.address}
        </Link>
      </TableCell>
      <TableCell>{humanize(delivery.channel)}</TableCell>
      <TableCell>{humanize(delivery.category)}</TableCell>
      <TableCell>
        <DeliveryStatusChip delivery={delivery} />
      </TableCell>
      <TableCell align="right">{delivery.attempts}</TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(delivery.updatedAt)}</TableCell>
      <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
        <Button size="small" onClick={() => setOpenId(delivery.id)} aria-label={`History of the delivery to ${delivery.address}`}>
          History
        </Button>
        {canManage && REDRIVABLE_STATUSES.includes(delivery.status) ? (
          <Button
            size="small"
            onClick={() => redrive.mutate(delivery.id)}
            disabled={redrive.isPending}
            aria-label={`Re-drive the delivery to ${delivery.address}`}
          >
            Re-drive
          </Button>
        ) : null}
      </TableCell>
    </TableRow>
  );

  const inFlight = deliveries.data?.items.some((d) => IN_FLIGHT_STATUSES.includes(d.status)) ?? false;

  return (
    <>
      <PageHeader
        title="Deliveries"
        subtitle={
          deliveries.data
            ? `${formatNumber(deliveries.data.total)} deliveries${hasFilters ? ' match' : ''}${inFlight ? ' · refreshing while messages are on their way' : ''}`
            : 'Every message to every contact, with its status history'
        }
        actions={
          canManage ? (
            <Button
              variant="outlined"
              startIcon={<ReplayIcon />}
              onClick={() => setConfirmingBulk(true)}
              disabled={deadCount === 0 || bulk.isPending}
            >
              Re-drive dead deliveries{deadCount > 0 ? ` (${formatNumber(deadCount)})` : ''}
            </Button>
          ) : null
        }
      />
      <DeliveryFiltersBar filters={filters} update={update} hasFilters={hasFilters} clear={clear} />
      <PagedTable
        label="Deliveries"
        columns={columns}
        query={deliveries}
        renderRow={renderRow}
        empty={
          hasFilters ? (
            <EmptyState title="No deliveries match these filters" actions={<Button onClick={clear}>Clear filters</Button>} />
          ) : (
            <EmptyState
              title="No deliveries yet"
              description={
                <>
                  Messages sent through <code>POST /api/v1/messages</code> (and, later, campaigns) appear here with their status.
                </>
              }
            />
          )
        }
        page={filters.page}
        pageSize={filters.pageSize}
        onPageChange={(page) => update({ page })}
        onPageSizeChange={(pageSize) => update({ pageSize })}
        pageSizeOptions={[25, 50, 100, 200]}
      />
      <DeliveryHistoryDrawer id={openId} onClose={() => setOpenId(null)} />
      <ConfirmDialog
        open={confirmingBulk}
        title="Re-drive dead deliveries?"
        confirmLabel="Re-drive"
        busy={bulk.isPending}
        error={bulk.error}
        onConfirm={() => bulk.mutate()}
        onClose={() => {
          bulk.reset();
          setConfirmingBulk(false);
        }}
      >
        <Typography>
          {formatNumber(deadCount)} dead deliveries{hasFilters ? ' matching the other filters' : ''} go back to
          the queue and are tried again with fresh attempts.
          Each keeps its idempotency key, so none is sent twice; policies (consent, suppressions) are checked again.
        </Typography>
      </ConfirmDialog>
    </>
  );
}
