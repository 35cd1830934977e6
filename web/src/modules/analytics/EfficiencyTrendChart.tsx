import type { DayKpis } from '../../api/types';
import { ChartCard } from '../../components/ChartCard';
import type { DataColumn } from '../../components/DataTable';
import { LineChartView } from '../../components/charts/LineChartView';
import { dayLabel } from './dayLabel';
import { formatMoney, formatRatio } from './kpiFormat';

interface Props {
  daily: DayKpis[];
  currency: string;
  fileNameSuffix: string;
}

/** ROAS (left axis) and CAC (right axis) day by day; a day without spend or new customers leaves a gap. */
export function EfficiencyTrendChart({ daily, currency, fileNameSuffix }: Props) {
  const money = (value: number | null) => formatMoney(value, currency);
  const columns: DataColumn<DayKpis>[] = [
    { label: 'Day', value: (d) => d.date, rowHeader: true },
    { label: 'ROAS', value: (d) => d.kpis.roas, render: (d) => formatRatio(d.kpis.roas), align: 'right' },
    { label: `CAC (${currency})`, value: (d) => d.kpis.cac, render: (d) => money(d.kpis.cac), align: 'right' },
    { label: 'New customers', value: (d) => d.kpis.newCustomers, align: 'right' },
  ];
  return (
    <ChartCard
      title="ROAS and CAC by day"
      columns={columns}
      rows={daily}
      rowKey={(d) => d.date}
      fileNameSuffix={fileNameSuffix}
      chart={
        <LineChartView
          title="ROAS and CAC by day"
          data={daily.map((d) => ({ date: d.date, roas: d.kpis.roas, cac: d.kpis.cac }))}
          xKey="date"
          xLabel={(day) => dayLabel(day)}
          series={[
            { key: 'roas', label: 'ROAS' },
            { key: 'cac', label: 'CAC', axis: 'right' },
          ]}
          format={(value) => formatRatio(value)}
          formatRight={(value) => formatMoney(value, currency)}
        />
      }
    />
  );
}
