import { REACH_CHANNELS, type SegmentPerformance } from '../../api/types';
import { formatNumber } from '../../lib/format';

export type ReachChannel = (typeof REACH_CHANNELS)[number];

const CHANNEL_LABELS: Record<ReachChannel, string> = { email: 'email', sms: 'SMS', whatsapp: 'WhatsApp', push: 'push' };

/** "email", "SMS", "WhatsApp", "push". */
export function channelLabel(channel: ReachChannel): string {
  return CHANNEL_LABELS[channel];
}

/** A rate (0–1) as a percentage; "—" when nothing was sent, so 0% is not claimed for "no data". */
export function formatRate(rate: number, sent: number): string {
  return sent > 0 ? `${(rate * 100).toFixed(1)}%` : '—';
}

const revenueFormat = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function formatRevenue(value: number): string {
  return revenueFormat.format(value);
}

export interface PerformanceRow {
  key: string;
  label: string;
  value: (p: SegmentPerformance) => string;
}

/** The rows of a segment's performance, in the order the card and the comparison show them. */
export const PERFORMANCE_ROWS: readonly PerformanceRow[] = [
  { key: 'members', label: 'Members', value: (p) => formatNumber(p.members) },
  ...REACH_CHANNELS.map((channel) => ({
    key: `reach.${channel}`,
    label: `Reachable by ${channelLabel(channel)}`,
    value: (p: SegmentPerformance) => formatNumber(p.reach[channel]),
  })),
  { key: 'sent', label: 'Messages sent', value: (p) => formatNumber(p.sent) },
  { key: 'opened', label: 'Opened', value: (p) => formatNumber(p.opened) },
  { key: 'clicked', label: 'Clicked', value: (p) => formatNumber(p.clicked) },
  { key: 'openRate', label: 'Open rate', value: (p) => formatRate(p.openRate, p.sent) },
  { key: 'clickRate', label: 'Click rate', value: (p) => formatRate(p.clickRate, p.sent) },
  { key: 'revenue', label: 'Revenue', value: (p) => formatRevenue(p.revenue) },
];

export const MIN_COMPARED = 2;
export const MAX_COMPARED = 5;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The segment ids of the compare page's `?ids=a,b` (valid, distinct, at most five). */
export function parseCompareIds(param: string | null): string[] {
  const ids = (param ?? '')
    .split(',')
    .map((id) => id.trim().toLowerCase())
    .filter((id) => UUID.test(id));
  return [...new Set(ids)].slice(0, MAX_COMPARED);
}
