import type { Insight, InsightSeverity } from '../../api/types';
import { formatMoney } from './kpiFormat';

/** Metrics whose impact is a count (visits, conversions, failed messages), not money. */
const COUNT_METRICS = new Set(['sessions', 'conversions', 'failed', 'newCustomers']);

/** True when the insight's impact is a number of things rather than an amount in the reporting currency. */
export function isCountImpact(insight: Pick<Insight, 'kind' | 'metric'>): boolean {
  return insight.kind === 'failing_provider' || insight.kind === 'fatigued_segment' || COUNT_METRICS.has(insight.metric);
}

/**
 * The impact as the card shows it: money signed ("−RON 1,200.00", "+RON 300.00") in the dashboard currency, or a count
 * ("42 failed messages", "−120 sessions").
 */
export function formatInsightImpact(insight: Pick<Insight, 'kind' | 'metric' | 'impact'>, currency: string, locale?: string): string {
  const sign = insight.impact < 0 ? '−' : insight.impact > 0 ? '+' : '';
  if (insight.kind === 'failing_provider') {
    const count = Math.abs(insight.impact);
    return `${new Intl.NumberFormat(locale).format(count)} failed ${count === 1 ? 'message' : 'messages'}`;
  }
  if (insight.kind === 'fatigued_segment') {
    const count = Math.abs(insight.impact);
    return `${sign}${new Intl.NumberFormat(locale).format(count)} ${count === 1 ? 'open' : 'opens'}`;
  }
  if (isCountImpact(insight)) {
    return `${sign}${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(Math.abs(insight.impact))} ${insight.metric}`;
  }
  return `${sign}${formatMoney(Math.abs(insight.impact), currency, locale)}`;
}

export const SEVERITY_LABELS: Record<InsightSeverity, string> = { critical: 'Critical', warning: 'Warning', info: 'Info' };

/** Insights in the API's order (severity, then impact) counted per severity, for the section's summary. */
export function countBySeverity(insights: readonly Pick<Insight, 'severity'>[]): Record<InsightSeverity, number> {
  const counts: Record<InsightSeverity, number> = { critical: 0, warning: 0, info: 0 };
  for (const insight of insights) if (insight.severity in counts) counts[insight.severity] += 1;
  return counts;
}
