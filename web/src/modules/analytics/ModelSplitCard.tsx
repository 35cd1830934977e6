import type { TrackedAttribution } from '../../api/types';
import { ChartCard } from '../../components/ChartCard';
import type { DataColumn } from '../../components/DataTable';
import { BarChartView } from '../../components/charts/BarChartView';
import { keyLabel, modelLabel } from './analyticsLabels';
import { modelSplit, type SplitRow } from './attributionData';
import type { CreditMetric } from './attributionParams';
import { formatCredit, formatMoney, formatRate } from './kpiFormat';

interface Props {
  view: TrackedAttribution;
  model: string;
  metric: CreditMetric;
  currency: string;
  groupLabel: string;
  fileNameSuffix: string;
}

/** The selected model's split: a bar per key and a table with each key's credit and share. */
export function ModelSplitCard({ view, model, metric, currency, groupLabel, fileNameSuffix }: Props) {
  const rows = modelSplit(view, model, metric);
  const money = (value: number) => formatMoney(value, currency);
  const columns: DataColumn<SplitRow>[] = [
    { label: groupLabel, value: (r) => r.key, render: (r) => keyLabel(r.key), rowHeader: true },
    { label: 'Conversions', value: (r) => r.conversions, render: (r) => formatCredit(r.conversions), align: 'right' },
    { label: 'Share of conversions', value: (r) => r.conversionShare, render: (r) => formatRate(r.conversionShare), align: 'right' },
    { label: `Revenue (${currency})`, value: (r) => r.value, render: (r) => money(r.value), align: 'right' },
    { label: 'Share of revenue', value: (r) => r.valueShare, render: (r) => formatRate(r.valueShare), align: 'right' },
    { label: 'Assisted conversions', value: (r) => r.assisted, render: (r) => formatCredit(r.assisted), align: 'right' },
    ...(model === 'markov'
      ? [{ label: 'Removal effect', value: (r: SplitRow) => r.removalEffect, render: (r: SplitRow) => formatRate(r.removalEffect), align: 'right' as const }]
      : []),
  ];
  const title = `${modelLabel(model)} split`;
  return (
    <ChartCard
      title={title}
      description={`Credit per ${groupLabel.toLowerCase()} under the ${modelLabel(model).toLowerCase()} model.`}
      columns={columns}
      rows={rows}
      rowKey={(r) => r.key}
      fileNameSuffix={fileNameSuffix}
      headingLevel="h2"
      chart={
        <BarChartView
          title={title}
          data={rows.map((r) => ({ name: r.key, credit: r[metric] }))}
          categoryKey="name"
          categoryLabel={keyLabel}
          series={[{ key: 'credit', label: metric === 'value' ? 'Revenue' : 'Conversions' }]}
          format={metric === 'value' ? money : (value) => formatCredit(value)}
        />
      }
    />
  );
}
