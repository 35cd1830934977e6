import type { ChannelKpis } from '../../api/types';
import { ChartCard } from '../../components/ChartCard';
import type { DataColumn } from '../../components/DataTable';
import { BarChartView } from '../../components/charts/BarChartView';
import { keyLabel } from './analyticsLabels';
import { ChangeIndicator } from './ChangeIndicator';
import { ChannelLinkCell } from './ChannelLinkCell';
import { formatMoney, formatRatio } from './kpiFormat';

interface Props {
  channels: ChannelKpis[];
  currency: string;
  search: string;
  fileNameSuffix: string;
}

/** ROAS per channel (no bar, and "—" in the table, for a channel without spend), with ROI, CPA and CAC in the table. */
export function RoasByChannelChart({ channels, currency, search, fileNameSuffix }: Props) {
  const money = (value: number | null) => formatMoney(value, currency);
  const columns: DataColumn<ChannelKpis>[] = [
    { label: 'Channel', value: (c) => c.channel, render: (c) => <ChannelLinkCell channel={c.channel} search={search} />, rowHeader: true },
    { label: 'ROAS', value: (c) => c.kpis.roas, render: (c) => formatRatio(c.kpis.roas), align: 'right' },
    { label: 'ROAS change', value: (c) => c.change.roas ?? null, render: (c) => <ChangeIndicator change={c.change.roas} />, align: 'right' },
    { label: 'ROI', value: (c) => c.kpis.roi, render: (c) => formatRatio(c.kpis.roi), align: 'right' },
    { label: `CPA (${currency})`, value: (c) => c.kpis.cpa, render: (c) => money(c.kpis.cpa), align: 'right' },
    { label: `CAC (${currency})`, value: (c) => c.kpis.cac, render: (c) => money(c.kpis.cac), align: 'right' },
  ];
  return (
    <ChartCard
      title="ROAS by channel"
      description="Revenue per unit of spend; channels without spend have no ROAS."
      columns={columns}
      rows={channels}
      rowKey={(c) => c.channel}
      fileNameSuffix={fileNameSuffix}
      chart={
        <BarChartView
          title="ROAS by channel"
          data={channels.map((c) => ({ channel: c.channel, roas: c.kpis.roas }))}
          categoryKey="channel"
          categoryLabel={keyLabel}
          series={[{ key: 'roas', label: 'ROAS' }]}
          format={(value) => formatRatio(value)}
        />
      }
    />
  );
}
