import { Alert } from '@mui/material';
import type { TrackedAttribution } from '../../api/types';
import { formatNumber } from '../../lib/format';
import { modelLabel } from './analyticsLabels';
import { sumCredits } from './attributionData';
import { formatCredit, formatMoney } from './kpiFormat';

/** The totals every model splits, and the selected model's credits adding back up to them. */
export function AttributionTotals({ view, model, currency }: { view: TrackedAttribution; model: string; currency: string }) {
  const sum = sumCredits(view.models[model] ?? {});
  const reconciles = sum.conversions === view.totals.conversions && sum.value === view.totals.value;
  return (
    <Alert severity={reconciles ? 'info' : 'warning'} sx={{ mb: 2 }} data-testid="attribution-totals">
      <strong>{formatCredit(view.totals.conversions)}</strong> {view.totals.conversions === 1 ? 'conversion' : 'conversions'} worth{' '}
      <strong>{formatMoney(view.totals.value, currency)}</strong>, and {formatNumber(view.totals.nulls)} {view.totals.nulls === 1 ? 'journey' : 'journeys'} without a
      conversion. {modelLabel(model)} credits {formatCredit(sum.conversions)} {sum.conversions === 1 ? 'conversion' : 'conversions'} and {formatMoney(sum.value, currency)}
      {reconciles ? ': every model splits exactly these totals.' : ' — not the totals: reload the page.'}
      {view.shapley ? ` Shapley: ${view.shapley.method === 'exact' ? 'exact' : `sampled (${formatNumber(view.shapley.samples)} orderings)`}.` : ''}
    </Alert>
  );
}
