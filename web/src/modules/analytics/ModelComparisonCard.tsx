import { Box } from '@mui/material';
import type { TrackedAttribution } from '../../api/types';
import { ChartCard } from '../../components/ChartCard';
import type { DataColumn } from '../../components/DataTable';
import { BarChartView } from '../../components/charts/BarChartView';
import { keyLabel, MODEL_SHORT_LABELS, modelLabel } from './analyticsLabels';
import { modelComparison, type ComparisonRow } from './attributionData';
import type { CreditMetric } from './attributionParams';
import { formatCredit, formatMoney } from './kpiFormat';

interface Props {
  view: TrackedAttribution;
  models: readonly string[];
  metric: CreditMetric;
  currency: string;
  groupLabel: string;
  fileNameSuffix: string;
}

const BASELINE = 'last_touch';

/** How credit moves between models: grouped bars, and a table of each key's credit per model with the difference from last touch. */
export function ModelComparisonCard({ view, models, metric, currency, groupLabel, fileNameSuffix }: Props) {
  const rows = modelComparison(view, models, metric, BASELINE);
  const format = (value: number) => (metric === 'value' ? formatMoney(value, currency) : formatCredit(value));
  const signed = (value: number) => (value > 0 ? `+${format(value)}` : value < 0 ? `−${format(-value)}` : '±0');
  const columns: DataColumn<ComparisonRow>[] = [
    { label: groupLabel, value: (r) => r.key, render: (r) => keyLabel(r.key), rowHeader: true },
    ...models.map((model) => ({
      label: modelLabel(model),
      value: (r: ComparisonRow) => r.credit[model],
      render: (r: ComparisonRow) => (
        <>
          {format(r.credit[model])}
          {model !== BASELINE ? (
            <Box component="span" sx={{ display: 'block', color: 'text.secondary', fontSize: '0.75rem' }}>
              {signed(r.difference[model])} vs last touch
            </Box>
          ) : null}
        </>
      ),
      align: 'right' as const,
    })),
  ];
  // Series keys are positional (k0, k1…): a key like "google.com" would be read as a path by the chart.
  const shown = rows.slice(0, 6);
  const data = models.map((model) => {
    const datum: Record<string, string | number | null> = { model: (MODEL_SHORT_LABELS as Record<string, string>)[model] ?? modelLabel(model) };
    shown.forEach((row, index) => (datum[`k${index}`] = row.credit[model]));
    return datum;
  });
  return (
    <ChartCard
      title="Model comparison"
      description={`${metric === 'value' ? 'Revenue' : 'Conversions'} credited to each ${groupLabel.toLowerCase()} by every model; the table shows the difference from last touch.`}
      columns={columns}
      rows={rows}
      rowKey={(r) => r.key}
      caption={`${metric === 'value' ? 'Revenue' : 'Conversions'} per ${groupLabel.toLowerCase()} and model`}
      fileNameSuffix={fileNameSuffix}
      headingLevel="h2"
      chart={
        <BarChartView
          title="Credit by model"
          data={data}
          categoryKey="model"
          series={shown.map((r, index) => ({ key: `k${index}`, label: keyLabel(r.key) }))}
          format={format}
        />
      }
    />
  );
}
