import type { CreditView, TrackedAttribution } from '../../api/types';
import type { CreditMetric } from './attributionParams';

export interface SplitRow {
  key: string;
  conversions: number;
  value: number;
  /** Shares of the model's totals (0–1), null when the total is 0. */
  conversionShare: number | null;
  valueShare: number | null;
  assisted: number;
  /** Markov only: the relative drop in conversion probability without the key. */
  removalEffect: number | null;
}

const ZERO: CreditView = { conversions: 0, value: 0 };

/** Every key any model credited (or that assisted), sorted by name. */
export function attributionKeys(view: TrackedAttribution): string[] {
  const keys = new Set<string>(Object.keys(view.assistedConversions));
  for (const credits of Object.values(view.models)) for (const key of Object.keys(credits)) keys.add(key);
  return [...keys].sort();
}

/** One model's credit per key with its shares, the biggest first (by the metric shown). */
export function modelSplit(view: TrackedAttribution, model: string, metric: CreditMetric = 'value'): SplitRow[] {
  const credits = view.models[model] ?? {};
  const total = sumCredits(credits);
  const rows = attributionKeys(view).map((key) => {
    const credit = credits[key] ?? ZERO;
    return {
      key,
      conversions: credit.conversions,
      value: credit.value,
      conversionShare: total.conversions ? credit.conversions / total.conversions : null,
      valueShare: total.value ? credit.value / total.value : null,
      assisted: view.assistedConversions[key] ?? 0,
      removalEffect: model === 'markov' ? (view.removalEffects?.[key] ?? null) : null,
    };
  });
  const other: CreditMetric = metric === 'value' ? 'conversions' : 'value';
  return rows.sort((a, b) => b[metric] - a[metric] || b[other] - a[other] || a.key.localeCompare(b.key));
}

/** The sum of a model's credits: equal to the totals (the API splits with the largest-remainder rule). */
export function sumCredits(credits: Record<string, CreditView>): CreditView {
  let conversions = 0;
  let value = 0;
  for (const credit of Object.values(credits)) {
    conversions += credit.conversions;
    value += credit.value;
  }
  // Credits have at most 4 (conversions) and 2 (value) decimals: round away the floating-point dust of the sum.
  return { conversions: Math.round(conversions * 10_000) / 10_000, value: Math.round(value * 100) / 100 };
}

export interface ComparisonRow {
  key: string;
  /** Model → the key's credit under it (the metric chosen). */
  credit: Record<string, number>;
  /** Model → credit minus the credit under the baseline model. */
  difference: Record<string, number>;
}

/** How the credit of each key moves between models, against a baseline model (last touch by default). */
export function modelComparison(
  view: TrackedAttribution,
  models: readonly string[],
  metric: CreditMetric,
  baseline = 'last_touch',
): ComparisonRow[] {
  const creditOf = (model: string, key: string) => view.models[model]?.[key]?.[metric] ?? 0;
  return attributionKeys(view)
    .map((key) => {
      const credit: Record<string, number> = {};
      const difference: Record<string, number> = {};
      for (const model of models) {
        credit[model] = creditOf(model, key);
        difference[model] = round(credit[model] - creditOf(baseline, key), metric);
      }
      return { key, credit, difference };
    })
    .sort((a, b) => (b.credit[baseline] ?? 0) - (a.credit[baseline] ?? 0) || a.key.localeCompare(b.key));
}

function round(value: number, metric: CreditMetric): number {
  const scale = metric === 'value' ? 100 : 10_000;
  return Math.round(value * scale) / scale;
}
