import type { DayKpis } from '../../api/types';
import { ChartCard } from '../../components/ChartCard';
import type { DataColumn } from '../../components/DataTable';
import { LineChartView } from '../../components/charts/LineChartView';
import { dayLabel } from './dayLabel';
import { formatCredit, formatMoney } from './kpiFormat';

interface Props {
  daily: DayKpis[];
  currency: string;
  fileNameSuffix: string;
}

/** Revenue and spend day by day. */
export function RevenueTrendChart({ daily, currency, fileNameSuffix }: Props) {
  const money = (value: number) => formatMoney(value, currency);
  const columns: DataColumn<DayKpis>[] = [
    { label: 'Day', value: (d) => d.date, rowHeader: true },
    { label: `Revenue (${currency})`, value: (d) => d.kpis.revenue, render: (d) => money(d.kpis.revenue), align: 'right' },
    { label: `Spend (${currency})`, value: (d) => d.kpis.cost, render: (d) => money(d.kpis.cost), align: 'right' },
    { label: 'Conversions', value: (d) => d.kpis.conversions, render: (d) => formatCredit(d.kpis.conversions), align: 'right' },
  ];
  return (
    <ChartCard
      title="Revenue and spend by day"
      columns={columns}
      rows={daily}
      rowKey={(d) => d.date}
      fileNameSuffix={fileNameSuffix}
      chart={
        <LineChartView
          title="Revenue and spend by day"
          data={daily.map((d) => ({ date: d.date, revenue: d.kpis.revenue, cost: d.kpis.cost }))}
          xKey="date"
          xLabel={(day) => dayLabel(day)}
          series={[
            { key: 'revenue', label: 'Revenue' },
            { key: 'cost', label: 'Spend' },
          ]}
          format={money}
        />
      }
    />
  );
}
