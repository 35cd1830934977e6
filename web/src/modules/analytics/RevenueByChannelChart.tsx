import { useNavigate } from 'react-router';
import type { ChannelKpis } from '../../api/types';
import { ChartCard } from '../../components/ChartCard';
import type { DataColumn } from '../../components/DataTable';
import { BarChartView } from '../../components/charts/BarChartView';
import { keyLabel } from './analyticsLabels';
import { ChangeIndicator } from './ChangeIndicator';
import { ChannelLinkCell } from './ChannelLinkCell';
import { channelPath } from './channelLink';
import { formatMoney } from './kpiFormat';

interface Props {
  channels: ChannelKpis[];
  currency: string;
  search: string;
  fileNameSuffix: string;
}

/** Revenue and spend per channel; a bar (or the channel's link in the table) opens the channel's ROI view. */
export function RevenueByChannelChart({ channels, currency, search, fileNameSuffix }: Props) {
  const navigate = useNavigate();
  const money = (value: number) => formatMoney(value, currency);
  const columns: DataColumn<ChannelKpis>[] = [
    { label: 'Channel', value: (c) => c.channel, render: (c) => <ChannelLinkCell channel={c.channel} search={search} />, rowHeader: true },
    { label: `Revenue (${currency})`, value: (c) => c.kpis.revenue, render: (c) => money(c.kpis.revenue), align: 'right' },
    { label: `Spend (${currency})`, value: (c) => c.kpis.cost, render: (c) => money(c.kpis.cost), align: 'right' },
    {
      label: 'Revenue change',
      value: (c) => c.change.revenue ?? null,
      render: (c) => <ChangeIndicator change={c.change.revenue} />,
      align: 'right',
    },
  ];
  return (
    <ChartCard
      title="Revenue by channel"
      description="Select a channel to see its ROI."
      columns={columns}
      rows={channels}
      rowKey={(c) => c.channel}
      fileNameSuffix={fileNameSuffix}
      chart={
        <BarChartView
          title="Revenue and spend by channel"
          data={channels.map((c) => ({ channel: c.channel, revenue: c.kpis.revenue, cost: c.kpis.cost }))}
          categoryKey="channel"
          categoryLabel={keyLabel}
          series={[
            { key: 'revenue', label: 'Revenue' },
            { key: 'cost', label: 'Spend' },
          ]}
          format={money}
          onSelect={(row) => navigate(channelPath(String(row.channel), search))}
        />
      }
    />
  );
}
