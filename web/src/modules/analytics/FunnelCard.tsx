import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { Skeleton } from '@mui/material';
import { getFunnel } from '../../api/endpoints/analytics';
import { queryKeys } from '../../api/queryKeys';
import { DEFAULT_FUNNEL_STEPS } from '../../api/types';
import { ChartCard } from '../../components/ChartCard';
import type { DataColumn } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { NativeSelectField } from '../../components/NativeSelectField';
import { BarChartView } from '../../components/charts/BarChartView';
import { applyParamChanges } from '../../lib/searchParams';
import { formatNumber } from '../../lib/format';
import { keyLabel } from './analyticsLabels';
import { funnelChannels, funnelRow, funnelSteps, type FunnelStep } from './funnelData';
import { formatRate } from './kpiFormat';
import type { Period } from './period';

const STEPS = DEFAULT_FUNNEL_STEPS.join(',');

/** Visitors reaching each step in order (GET /funnel), overall or for one first-visit channel (?funnelChannel=). */
export function FunnelCard({ period, fileNameSuffix }: { period: Period; fileNameSuffix: string }) {
  const [params, setParams] = useSearchParams();
  const channel = params.get('funnelChannel') ?? 'all';
  const query = { from: period.from, to: period.to, steps: STEPS };
  const funnel = useQuery({ queryKey: queryKeys.funnel(query), queryFn: () => getFunnel(query), placeholderData: keepPreviousData });
  if (funnel.isError) return <ErrorAlert error={funnel.error} title="The funnel could not be loaded" onRetry={() => void funnel.refetch()} />;
  if (!funnel.data) return <Skeleton variant="rounded" height={300} />;
  const view = funnel.data;
  const row = funnelRow(view, channel);
  const steps = row && (row.counts[0] ?? 0) > 0 ? funnelSteps(view.steps, row) : [];
  const channels = funnelChannels(view);
  const stepLabel = (step: string) => keyLabel(step);
  const columns: DataColumn<FunnelStep>[] = [
    { label: 'Step', value: (s) => s.step, render: (s) => stepLabel(s.step), rowHeader: true },
    { label: 'Visitors', value: (s) => s.count, render: (s) => formatNumber(s.count), align: 'right' },
    { label: 'From the step before', value: (s) => s.rate, render: (s) => formatRate(s.rate), align: 'right' },
    { label: 'Of the first step', value: (s) => s.ofFirst, render: (s) => formatRate(s.ofFirst), align: 'right' },
  ];
  const rateByStep = new Map(steps.map((s, index) => [s.step, index === 0 ? '' : ` (${formatRate(s.rate)})`]));
  const channelName = channel === 'all' ? 'All channels' : keyLabel(channel);
  return (
    <ChartCard
      title="Funnel"
      description={
        row
          ? `${channelName}: ${formatRate(row.conversion)} of visitors went from ${stepLabel(view.steps[0])} to ${stepLabel(view.steps[view.steps.length - 1])}, in order; the share in brackets passed from the step before.`
          : `${channelName}: no visitors in this period.`
      }
      toolbar={
        <NativeSelectField
          label="Channel"
          size="small"
          value={channel}
          onChange={(event) => setParams((current) => applyParamChanges(current, { funnelChannel: event.target.value }, { funnelChannel: 'all' }), { replace: true })}
          options={[
            { value: 'all', label: 'All channels' },
            ...(channels.includes(channel) || channel === 'all' ? channels : [...channels, channel]).map((c) => ({ value: c, label: keyLabel(c) })),
          ]}
          sx={{ minWidth: 160 }}
        />
      }
      columns={columns}
      rows={steps}
      rowKey={(s) => s.step}
      caption={`Funnel, ${channelName}`}
      fileNameSuffix={`${channel} ${fileNameSuffix}`}
      empty={<EmptyState title="No visitors in this period" description="The funnel counts visitors who reached each step in order." />}
      chart={
        <BarChartView
          title={`Funnel, ${channelName}`}
          data={steps.map((s) => ({ step: s.step, visitors: s.count }))}
          categoryKey="step"
          categoryLabel={(step) => `${stepLabel(step)}${rateByStep.get(step) ?? ''}`}
          series={[{ key: 'visitors', label: 'Visitors' }]}
          format={(value) => formatNumber(value)}
        />
      }
    />
  );
}
