import { alpha, Box, useTheme } from '@mui/material';
import type { Cohort } from '../../api/types';
import { ChartCard } from '../../components/ChartCard';
import type { DataColumn } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { formatNumber } from '../../lib/format';
import { cellIntensity, cohortColumnCount, cohortMonthLabel, cohortScaleMax, cohortValues, type CohortMeasure } from './cohortData';
import { formatMoney, formatRate } from './kpiFormat';

interface Props {
  cohorts: Cohort[];
  measure: CohortMeasure;
  currency: string;
}

/** Cohorts (rows) × months since the first purchase (columns), each cell shaded by its value; table and CSV in one. */
export function CohortHeatmap({ cohorts, measure, currency }: Props) {
  const theme = useTheme();
  const columnCount = cohortColumnCount(cohorts);
  const max = cohortScaleMax(cohorts, measure);
  const format = (value: number | null) =>
    value === null ? '' : measure === 'retention' ? formatRate(value) : formatMoney(value, currency);
  const cell = (value: number | null, month: number) => {
    const intensity = measure === 'retention' && month === 0 ? 0.15 : cellIntensity(value, max);
    return (
      <Box
        component="span"
        sx={{
          display: 'block',
          mx: -1,
          px: 1,
          py: 0.5,
          borderRadius: 0.5,
          textAlign: 'right',
          bgcolor: value === null ? 'transparent' : alpha(theme.palette.primary.main, 0.08 + 0.72 * intensity),
          color: intensity > 0.55 ? theme.palette.primary.contrastText : 'text.primary',
        }}
      >
        {format(value)}
      </Box>
    );
  };
  const columns: DataColumn<Cohort>[] = [
    { label: 'Cohort', value: (c) => c.month, render: (c) => cohortMonthLabel(c.month), rowHeader: true },
    { label: 'Customers', value: (c) => c.customers, render: (c) => formatNumber(c.customers), align: 'right' },
    ...Array.from({ length: columnCount }, (_, month): DataColumn<Cohort> => ({
      label: `Month ${month}`,
      value: (c) => cohortValues(c, measure, columnCount)[month],
      render: (c) => cell(cohortValues(c, measure, columnCount)[month], month),
      align: 'right',
    })),
  ];
  const title = measure === 'retention' ? 'Retention by cohort' : `Revenue by cohort (${currency})`;
  return (
    <ChartCard
      title={title}
      headingLevel="h2"
      description={
        measure === 'retention'
          ? 'The share of each month’s new customers who bought again in each month after their first purchase (month 0 is the first).'
          : 'What each month’s new customers spent in each month after their first purchase.'
      }
      caption={`${title}: cohorts by first-purchase month, columns are months since`}
      columns={columns}
      rows={cohorts}
      rowKey={(c) => c.month}
      fileNameSuffix={measure}
      empty={<EmptyState title="No customers yet" description="Cohorts start with a tracked purchase." />}
    />
  );
}
