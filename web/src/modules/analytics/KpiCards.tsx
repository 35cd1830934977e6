import { Box } from '@mui/material';
import type { KpiView } from '../../api/types';
import { KpiCard } from './KpiCard';
import { formatCredit, formatMoney, formatRatio } from './kpiFormat';

interface Props {
  totals: KpiView | undefined;
  currency: string;
  /** The ROI view of one channel adds ROI and CPA. */
  detailed?: boolean;
}

/** Revenue, spend, ROAS, profit, conversions and CAC of the period, each with its change. */
export function KpiCards({ totals, currency, detailed }: Props) {
  const kpis = totals?.kpis;
  const before = totals?.previous;
  const change = totals?.change ?? {};
  const loading = !totals;
  const money = (value: number | null | undefined) => formatMoney(value, currency);
  const cards = [
    { key: 'revenue', label: 'Revenue', value: money(kpis?.revenue), previous: money(before?.revenue) },
    { key: 'cost', label: 'Spend', value: money(kpis?.cost), previous: money(before?.cost), lowerIsBetter: true },
    { key: 'roas', label: 'ROAS', value: formatRatio(kpis?.roas), previous: formatRatio(before?.roas) },
    ...(detailed ? [{ key: 'roi', label: 'ROI', value: formatRatio(kpis?.roi), previous: formatRatio(before?.roi) }] : []),
    { key: 'profit', label: 'Profit', value: money(kpis?.profit), previous: money(before?.profit) },
    { key: 'conversions', label: 'Conversions', value: formatCredit(kpis?.conversions), previous: formatCredit(before?.conversions) },
    ...(detailed ? [{ key: 'cpa', label: 'CPA', value: money(kpis?.cpa), previous: money(before?.cpa), lowerIsBetter: true }] : []),
    { key: 'cac', label: 'CAC', value: money(kpis?.cac), previous: money(before?.cac), lowerIsBetter: true },
  ];
  return (
    <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: 'repeat(auto-fill, minmax(190px, 1fr))', mb: 3 }}>
      {cards.map((card) => (
        <KpiCard
          key={card.key}
          label={card.label}
          value={card.value}
          change={change[card.key]}
          previous={before ? card.previous : undefined}
          higherIsBetter={!card.lowerIsBetter}
          loading={loading}
        />
      ))}
    </Box>
  );
}
