import { Link as RouterLink } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import {
  Box,
  Button,
  Divider,
  Drawer,
  IconButton,
  Link,
  Skeleton,
  Stack,
  Typography,
} from '@mui/material';
import CloseIcon from '@mui/icons-material/Close';
import { getDelivery } from '../../api/endpoints/deliveries';
import { queryKeys } from '../../api/queryKeys';
import { IN_FLIGHT_STATUSES, REDRIVABLE_STATUSES, type DeliveryDetail } from '../../api/types';
import { Can } from '../../auth/Can';
import { ErrorAlert } from '../../components/ErrorAlert';
import { JsonBlock } from '../../components/JsonBlock';
import { StatusChip } from '../../components/StatusChip';
import { formatDateTime, humanize } from '../../lib/format';
import { DeliveryStatusChip } from './DeliveryStatusChip';
import { useRedrive } from './useRedrive';

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <Typography component="dt" variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography component="dd" variant="body2" sx={{ m: 0, wordBreak: 'break-all' }}>
        {children}
      </Typography>
    </>
  );
}

function Details({ detail }: { detail: DeliveryDetail }) {
  const redrive = useRedrive();
  const delivery = detail.delivery;
  return (
    <Stack spacing={2}>
      <DeliveryStatusChip delivery={delivery} />
      <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.5, m: 0 }}>
        <Field label="Recipient">{delivery.address}</Field>
        <Field label="Contact">
          {delivery.contactId ? (
            <Link component={RouterLink} to={`/contacts/${delivery.contactId}`}>
              Open profile
            </Link>
          ) : (
            '—'
          )}
        </Field>
        <Field label="Channel">{humanize(delivery.channel)}</Field>
        <Field label="Category">{humanize(delivery.category)}</Field>
        <Field label="Attempts">{delivery.attempts}</Field>
        <Field label="Idempotency key">{delivery.idempotencyKey}</Field>
        {delivery.templateId ? (
          <Field label="Template">
            <Link component={RouterLink} to={`/content/templates/${delivery.templateId}`}>
              Version {delivery.templateVersion ?? '—'}
            </Link>
          </Field>
        ) : null}
        {delivery.provider ? <Field label="Provider">{delivery.provider.toUpperCase()}</Field> : null}
        {delivery.providerMessageId ? <Field label="Provider message id">{delivery.providerMessageId}</Field> : null}
        {delivery.lastError ? <Field label="Last error">{delivery.lastError}</Field> : null}
        <Field label="Created">{formatDateTime(delivery.createdAt)}</Field>
        {delivery.sentAt ? <Field label="Sent">{formatDateTime(delivery.sentAt)}</Field> : null}
        {delivery.status === 'queued' ? <Field label="Next attempt">{formatDateTime(delivery.nextAttemptAt)}</Field> : null}
      </Box>
      {REDRIVABLE_STATUSES.includes(delivery.status) ? (
        <Can scope="deliveries:manage">
          <div>
            <Button variant="contained" onClick={() => redrive.mutate(delivery.id)} disabled={redrive.isPending}>
              Re-drive delivery
            </Button>
          </div>
        </Can>
      ) : null}
      <details>
        <summary>Message data</summary>
        <Box sx={{ mt: 1 }}>
          <JsonBlock value={detail.data} label="The message's data" />
        </Box>
      </details>
      <Divider />
      <Typography variant="h3" component="h3" id="delivery-history-heading">
        History
      </Typography>
      {detail.history.length === 0 ? (
        <Typography color="text.secondary">No transitions recorded yet.</Typography>
      ) : (
        <Box component="ol" aria-labelledby="delivery-history-heading" sx={{ listStyle: 'none', p: 0, m: 0 }}>
          {detail.history.map((step, index) => (
            <Box
              component="li"
              key={`${step.at}-${index}`}
              sx={{ position: 'relative', pl: 3, pb: 2, borderLeft: 2, borderColor: 'divider', ml: 1 }}
            >
              <Box
                aria-hidden
                sx={{ position: 'absolute', left: -7, top: 4, width: 12, height: 12, borderRadius: '50%', bgcolor: 'primary.main' }}
              />
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                {step.from ? (
                  <>
                    <StatusChip status={step.from} />
                    <span aria-label="to">→</span>
                  </>
                ) : null}
                <StatusChip status={step.to} />
                <Typography variant="body2" component="time" dateTime={step.at}>
                  {formatDateTime(step.at)}
                </Typography>
              </Stack>
              {step.detail ? (
                <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5, wordBreak: 'break-word' }}>
                  {step.detail}
                </Typography>
              ) : null}
            </Box>
          ))}
        </Box>
      )}
    </Stack>
  );
}

/** A delivery's details and its timeline of status transitions. */
export function DeliveryHistoryDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const delivery = useQuery({
    queryKey: queryKeys.delivery(id ?? ''),
    queryFn: () => getDelivery(id ?? ''),
    enabled: id !== null,
    refetchInterval: (q) => (q.state.data && IN_FLIGHT_STATUSES.includes(q.state.data.delivery.status) ? 2000 : false),
  });
  return (
    <Drawer
      anchor="right"
      open={id !== null}
      onClose={onClose}
      // Above the app bar (which sits above the navigation drawer), like any modal.
      sx={{ zIndex: (theme) => theme.zIndex.modal }}
      slotProps={{ paper: { sx: { width: { xs: '100%', sm: 440 }, p: 3 }, role: 'dialog', 'aria-labelledby': 'delivery-drawer-title' } }}
    >
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 2 }}>
        <Typography variant="h2" id="delivery-drawer-title">
          Delivery
        </Typography>
        <IconButton aria-label="Close delivery details" onClick={onClose}>
          <CloseIcon />
        </IconButton>
      </Stack>
      <div aria-live="polite">
        {delivery.isPending ? (
          <Skeleton variant="rectangular" height={240} aria-label="Loading the delivery" />
        ) : delivery.isError ? (
          <ErrorAlert error={delivery.error} title="The delivery could not be loaded" onRetry={() => delivery.refetch()} />
        ) : (
          <Details detail={delivery.data} />
        )}
      </div>
    </Drawer>
  );
}
