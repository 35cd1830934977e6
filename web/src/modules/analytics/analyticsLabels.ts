import type { AttributionGroupBy, AttributionModel } from '../../api/types';
import { humanize } from '../../lib/format';

export const MODEL_LABELS: Record<AttributionModel, string> = {
  first_touch: 'First touch',
  last_touch: 'Last touch',
  last_non_direct: 'Last non-direct',
  linear: 'Linear',
  time_decay: 'Time decay',
  position_based: 'Position-based (40/20/40)',
  markov: 'Markov chain (data-driven)',
  shapley: 'Shapley value (data-driven)',
};

/** Short names for a chart's axis. */
export const MODEL_SHORT_LABELS: Record<AttributionModel, string> = {
  ...MODEL_LABELS,
  last_non_direct: 'Last non-dir.',
  position_based: 'Position',
  markov: 'Markov',
  shapley: 'Shapley',
};

/** "last_touch" → "Last touch"; an unknown name is humanised. */
export function modelLabel(model: string): string {
  return (MODEL_LABELS as Record<string, string>)[model] ?? humanize(model);
}

export const GROUP_BY_LABELS: Record<AttributionGroupBy, string> = {
  channel: 'Channel',
  campaign: 'Campaign',
  source: 'Source',
};

/** "paid_search" → "Paid search"; the empty key (no campaign, no source) → "(none)". */
export function keyLabel(key: string): string {
  return key === '' ? '(none)' : humanize(key);
}
