import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink } from 'react-router';
import { Box, Button, Skeleton } from '@mui/material';
import { getSeoReport } from '../../api/endpoints/seo';
import { queryKeys } from '../../api/queryKeys';
import type { SeoReport, SeoRuleCount, SeoScoreBucket } from '../../api/types';
import { useCan } from '../../auth/useCan';
import { ChartCard } from '../../components/ChartCard';
import type { DataColumn } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { BarChartView } from '../../components/charts/BarChartView';
import { formatNumber, formatPercent } from '../../lib/format';
import { SeoKpiCard } from './SeoKpiCard';
import { SeoTabs } from './SeoTabs';
import { SeverityChip } from './SeoChips';

const bucketLabel = (b: SeoScoreBucket) => `${b.from}–${b.to}`;

/** /seo — the catalogue's scores at a glance: KPIs, score distribution and the most common issues. */
export function SeoOverviewPage() {
  const report = useQuery({ queryKey: queryKeys.seoReport, queryFn: getSeoReport });
  const can = useCan();
  const view = report.data;
  return (
    <>
      <PageHeader title="SEO" subtitle="Every page's score, what to fix first, and how organic search performs" />
      <SeoTabs />
      {report.isError ? <ErrorAlert error={report.error} title="The SEO report could not be loaded" onRetry={() => void report.refetch()} /> : null}
      {report.isPending ? (
        <>
          <KpiGrid report={undefined} />
          <Skeleton variant="rounded" height={300} />
        </>
      ) : null}
      {view && view.pages === 0 ? (
        <EmptyState
          title="No pages yet"
          description="Sync pages from your shop or start a crawl."
          actions={
            can('seo:write') ? (
              <Button component={RouterLink} to="/seo/crawl" variant="contained">
                Start a crawl
              </Button>
            ) : undefined
          }
        />
      ) : null}
      {view && view.pages > 0 ? (
        <>
          <KpiGrid report={view} />
          <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' } }}>
            <ScoreDistribution buckets={view.scores} />
            <TopIssues issues={view.issues} />
          </Box>
        </>
      ) : null}
    </>
  );
}

function KpiGrid({ report }: { report: SeoReport | undefined }) {
  const loading = !report;
  const cards: { label: string; value: string; detail?: string }[] = [
    { label: 'Pages', value: formatNumber(report?.pages), detail: report ? `${formatNumber(report.audited)} audited` : undefined },
    {
      label: 'Indexable',
      value: formatNumber(report?.indexable),
      detail: report && report.audited ? `${formatPercent(report.indexable, report.audited)} of audited pages` : undefined,
    },
    { label: 'Average score', value: report?.averageScore === null || report?.averageScore === undefined ? '—' : report.averageScore.toFixed(0) },
    { label: 'Non-compliant', value: formatNumber(report?.nonCompliant), detail: 'Score under 80' },
  ];
  if (report && report.organicSessions !== null) {
    cards.push({ label: 'Organic sessions', value: formatNumber(report.organicSessions), detail: 'Last 30 days' });
  }
  if (report && report.organicConversionRate !== null) {
    cards.push({
      label: 'Organic conversion rate',
      value: `${(report.organicConversionRate * 100).toFixed(1)}%`,
      detail: report.organicConversions !== null ? `${formatNumber(report.organicConversions)} conversions` : undefined,
    });
  }
  return (
    <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr 1fr', md: 'repeat(3, 1fr)', lg: 'repeat(6, 1fr)' }, mb: 2 }}>
      {cards.map((card) => (
        <SeoKpiCard key={card.label} {...card} loading={loading} />
      ))}
    </Box>
  );
}

function ScoreDistribution({ buckets }: { buckets: SeoScoreBucket[] }) {
  const columns: DataColumn<SeoScoreBucket>[] = [
    { label: 'Score', value: bucketLabel, rowHeader: true },
    { label: 'Pages', value: (b) => b.pages, align: 'right' },
  ];
  return (
    <ChartCard
      title="Score distribution"
      description="Audited pages by their latest score."
      columns={columns}
      rows={buckets}
      rowKey={bucketLabel}
      chart={
        <BarChartView
          title="Pages by score band"
          data={buckets.map((b) => ({ band: bucketLabel(b), pages: b.pages }))}
          categoryKey="band"
          series={[{ key: 'pages', label: 'Pages' }]}
          format={(value) => formatNumber(value)}
        />
      }
    />
  );
}

function TopIssues({ issues }: { issues: SeoRuleCount[] }) {
  const columns: DataColumn<SeoRuleCount>[] = [
    {
      label: 'Rule',
      value: (i) => i.ruleId,
      render: (i) => (
        <Box component="code" sx={{ fontFamily: 'monospace' }}>
          {i.ruleId}
        </Box>
      ),
      rowHeader: true,
    },
    { label: 'Severity', value: (i) => i.severity, render: (i) => <SeverityChip severity={i.severity} /> },
    { label: 'Pages', value: (i) => i.pages, align: 'right' },
  ];
  return (
    <ChartCard
      title="Top issues"
      description="Rules failed by pages' latest audits, most severe first."
      columns={columns}
      rows={issues}
      rowKey={(i) => i.ruleId}
      empty={<EmptyState title="No issues" description="Every audited page passes every rule." />}
    />
  );
}
