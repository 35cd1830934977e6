import type { FunnelRow, FunnelView } from '../../api/types';

/** One step of a funnel as the chart and its table show it. */
export interface FunnelStep {
  step: string;
  count: number;
  /** The share of the step before that reached this one (1 for the first step; null when the step before had no one). */
  rate: number | null;
  /** The share of the first step that reached this one (null when the first step had no one). */
  ofFirst: number | null;
}

/** The row for a channel ('all' or absent: the overall funnel); null when the period has no such channel. */
export function funnelRow(view: FunnelView, channel: string): FunnelRow | null {
  if (!channel || channel === 'all') return view.overall;
  return view.channels.find((row) => row.channel === channel) ?? null;
}

/** The steps of a row, with the step-to-step rates from the API and the share of the first step. */
export function funnelSteps(steps: readonly string[], row: FunnelRow): FunnelStep[] {
  const first = row.counts[0] ?? 0;
  return steps.map((step, index) => ({
    step,
    count: row.counts[index] ?? 0,
    rate: index === 0 ? 1 : (row.rates[index] ?? null),
    ofFirst: first > 0 ? (row.counts[index] ?? 0) / first : null,
  }));
}

/** The channels offered by the selector: every channel of the period, the most visitors first. */
export function funnelChannels(view: FunnelView): string[] {
  return [...view.channels].sort((a, b) => (b.counts[0] ?? 0) - (a.counts[0] ?? 0) || a.channel.localeCompare(b.channel)).map((row) => row.channel);
}
