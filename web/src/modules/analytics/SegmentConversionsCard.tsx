import type { SegmentConversions } from '../../api/types';
import { ChartCard } from '../../components/ChartCard';
import type { DataColumn } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { formatCredit, formatMoney } from './kpiFormat';

interface Props {
  segments: SegmentConversions[];
  currency: string;
  fileNameSuffix: string;
}

/**
 * Conversions and revenue of each segment's contacts (the ten that brought the most). A contact in several segments
 * counts in each, so the rows do not add up to the totals — the note says so.
 */
export function SegmentConversionsCard({ segments, currency, fileNameSuffix }: Props) {
  const columns: DataColumn<SegmentConversions>[] = [
    { label: 'Segment', value: (s) => s.name, rowHeader: true },
    { label: 'Conversions', value: (s) => s.conversions, render: (s) => formatCredit(s.conversions), align: 'right' },
    { label: `Revenue (${currency})`, value: (s) => s.revenue, render: (s) => formatMoney(s.revenue, currency), align: 'right' },
  ];
  return (
    <ChartCard
      title="Conversions by segment"
      description="A contact in several segments counts in each, so segments do not add up to the totals."
      columns={columns}
      rows={segments}
      rowKey={(s) => s.segmentId}
      fileNameSuffix={fileNameSuffix}
      empty={<EmptyState title="No segment members converted in this period" description="Conversions of contacts who belong to a segment appear here." />}
    />
  );
}
