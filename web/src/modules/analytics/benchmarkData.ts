import type { BenchmarkBands, BenchmarkRating } from '../../api/types';
import { humanize } from '../../lib/format';
import { formatMoney, formatRate, formatRatio } from './kpiFormat';

export const METRIC_LABELS: Record<string, string> = {
  conversionRate: 'Conversion rate',
  roas: 'ROAS',
  cpa: 'CPA',
  cac: 'CAC',
  openRate: 'Open rate',
  clickRate: 'Click rate',
};

export function metricLabel(metric: string): string {
  return METRIC_LABELS[metric] ?? humanize(metric);
}

export type MetricUnit = 'rate' | 'ratio' | 'money';

export function metricUnit(metric: string): MetricUnit {
  if (metric === 'roas') return 'ratio';
  if (metric === 'cpa' || metric === 'cac') return 'money';
  return 'rate';
}

/** A metric's value or threshold as the page writes it: 3.2% / 4.00× / RON 50.00; null → "—". */
export function formatMetric(metric: string, value: number | null | undefined, currency: string): string {
  switch (metricUnit(metric)) {
    case 'ratio':
      return formatRatio(value);
    case 'money':
      return formatMoney(value, currency);
    default:
      return formatRate(value);
  }
}

export const RATING_LABELS: Record<BenchmarkRating, string> = { poor: 'Poor', average: 'Average', good: 'Good', excellent: 'Excellent' };

/** The MUI colour of a rating chip. */
export function ratingColor(rating: BenchmarkRating | null): 'error' | 'warning' | 'success' | 'info' | 'default' {
  switch (rating) {
    case 'poor':
      return 'error';
    case 'average':
      return 'warning';
    case 'good':
      return 'info';
    case 'excellent':
      return 'success';
    default:
      return 'default';
  }
}

/** The rating the bands give a value (the host's BenchmarkBands.Rate). */
export function rateValue(value: number, bands: BenchmarkBands): BenchmarkRating {
  const { average, good, excellent, higherIsBetter } = bands;
  if (higherIsBetter) return value >= excellent ? 'excellent' : value >= good ? 'good' : value >= average ? 'average' : 'poor';
  return value <= excellent ? 'excellent' : value <= good ? 'good' : value <= average ? 'average' : 'poor';
}

/**
 * Where a value sits on a scale of four equal segments, poor → average → good → excellent, as 0–1 (left to right):
 * each band boundary is at a quarter; inside a band the position is linear; beyond excellent (or below zero) it is clamped.
 * For a cost the scale runs the other way (a lower value sits further right).
 */
export function bandPosition(value: number, bands: BenchmarkBands): number {
  const { average, good, excellent, higherIsBetter } = bands;
  // The boundaries in the direction of "better": 0 (or the worst end) → average → good → excellent → the best end.
  const clamp = (x: number) => Math.max(0, Math.min(1, x));
  const within = (x: number, lo: number, hi: number) => (hi === lo ? 1 : clamp((x - lo) / (hi - lo)));
  if (higherIsBetter) {
    if (value < average) return 0.25 * within(value, 0, average);
    if (value < good) return 0.25 + 0.25 * within(value, average, good);
    if (value < excellent) return 0.5 + 0.25 * within(value, good, excellent);
    const top = excellent + (excellent - good || excellent || 1);
    return 0.75 + 0.25 * within(value, excellent, top);
  }
  // Lower is better: worse end = twice the average threshold (or more).
  const worst = average + (average - good || average || 1);
  if (value > average) return 0.25 * (1 - within(value, average, worst));
  if (value > good) return 0.25 + 0.25 * (1 - within(value, good, average));
  if (value > excellent) return 0.5 + 0.25 * (1 - within(value, excellent, good));
  return 0.75 + 0.25 * (1 - within(value, 0, excellent));
}

/** A threshold as typed in the bands editor: rates in percent, the rest as they are. */
export function toEditorValue(metric: string, value: number): string {
  return metricUnit(metric) === 'rate' ? String(Number((value * 100).toFixed(4))) : String(value);
}

/** What the editor's text means to the API (rates back from percent); null when it is not a number. */
export function fromEditorValue(metric: string, text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return null;
  return metricUnit(metric) === 'rate' ? Number((value / 100).toFixed(6)) : value;
}
