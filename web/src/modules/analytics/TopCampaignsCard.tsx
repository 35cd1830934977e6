import type { CampaignKpis } from '../../api/types';
import { ChartCard } from '../../components/ChartCard';
import type { DataColumn } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { formatCredit, formatMoney, formatRatio } from './kpiFormat';

interface Props {
  campaigns: CampaignKpis[];
  currency: string;
  fileNameSuffix: string;
}

/** The ten campaigns (utm_campaign or spend campaign) with the most revenue. */
export function TopCampaignsCard({ campaigns, currency, fileNameSuffix }: Props) {
  const money = (value: number | null) => formatMoney(value, currency);
  const columns: DataColumn<CampaignKpis>[] = [
    { label: 'Campaign', value: (c) => c.campaign, rowHeader: true },
    { label: `Revenue (${currency})`, value: (c) => c.kpis.revenue, render: (c) => money(c.kpis.revenue), align: 'right' },
    { label: `Spend (${currency})`, value: (c) => c.kpis.cost, render: (c) => money(c.kpis.cost), align: 'right' },
    { label: 'ROAS', value: (c) => c.kpis.roas, render: (c) => formatRatio(c.kpis.roas), align: 'right' },
    { label: 'Conversions', value: (c) => c.kpis.conversions, render: (c) => formatCredit(c.kpis.conversions), align: 'right' },
    { label: `CPA (${currency})`, value: (c) => c.kpis.cpa, render: (c) => money(c.kpis.cpa), align: 'right' },
  ];
  return (
    <ChartCard
      title="Top campaigns"
      columns={columns}
      rows={campaigns}
      rowKey={(c) => c.campaign}
      fileNameSuffix={fileNameSuffix}
      empty={<EmptyState title="No campaigns in this period" description="Visits tagged with utm_campaign and spend with a campaign appear here." />}
    />
  );
}
