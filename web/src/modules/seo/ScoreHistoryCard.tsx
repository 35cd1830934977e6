import { useQuery } from '@tanstack/react-query';
import { Skeleton } from '@mui/material';
import { listSeoAudits } from '../../api/endpoints/seo';
import { queryKeys } from '../../api/queryKeys';
import type { SeoAuditRow } from '../../api/types';
import { ChartCard } from '../../components/ChartCard';
import type { DataColumn } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LineChartView } from '../../components/charts/LineChartView';
import { formatDateTime } from '../../lib/format';

/** The page's audits over time (the last 30), as a line with a table view and CSV export. */
export function ScoreHistoryCard({ pageId }: { pageId: string }) {
  const query = { pageId, pageSize: 30 };
  const audits = useQuery({ queryKey: queryKeys.seoAudits(query), queryFn: () => listSeoAudits(query) });
  if (audits.isError) return <ErrorAlert error={audits.error} title="The score history could not be loaded" onRetry={() => void audits.refetch()} />;
  if (audits.isPending) return <Skeleton variant="rounded" height={240} />;
  const rows = audits.data.items;
  const chronological = [...rows].reverse();
  const columns: DataColumn<SeoAuditRow>[] = [
    { label: 'Audited', value: (a) => a.createdAt, render: (a) => formatDateTime(a.createdAt), rowHeader: true },
    { label: 'Score', value: (a) => a.score, align: 'right' },
    { label: 'HTTP status', value: (a) => a.status, align: 'right' },
    { label: 'Rules failed', value: (a) => a.ruleIds.join(' '), render: (a) => (a.ruleIds.length ? a.ruleIds.join(', ') : 'none') },
  ];
  return (
    <ChartCard
      title="Score history"
      headingLevel="h2"
      columns={columns}
      rows={rows}
      rowKey={(a) => a.id}
      fileNameSuffix={pageId}
      empty={<EmptyState title="No audits yet" />}
      chart={
        rows.length > 1 ? (
          <LineChartView
            title="Score by audit"
            data={chronological.map((a) => ({ at: a.createdAt, score: a.score }))}
            xKey="at"
            xLabel={(value) => formatDateTime(value)}
            series={[{ key: 'score', label: 'Score' }]}
            format={(value) => String(value)}
          />
        ) : undefined
      }
    />
  );
}
