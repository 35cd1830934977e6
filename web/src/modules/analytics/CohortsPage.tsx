import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { Skeleton, Stack, ToggleButton, ToggleButtonGroup } from '@mui/material';
import { getCohorts } from '../../api/endpoints/analytics';
import { queryKeys } from '../../api/queryKeys';
import { ErrorAlert } from '../../components/ErrorAlert';
import { NativeSelectField } from '../../components/NativeSelectField';
import { PageHeader } from '../../components/PageHeader';
import { toggleGroupSx } from '../../components/toggleSx';
import { applyParamChanges, oneOf, positiveInt } from '../../lib/searchParams';
import { CohortHeatmap } from './CohortHeatmap';
import type { CohortMeasure } from './cohortData';

const MONTH_OPTIONS: readonly number[] = [6, 12, 24];
const DEFAULT_MONTHS = 12;
const MEASURES: readonly CohortMeasure[] = ['retention', 'revenue'];

/** /analytics/cohorts — customers by first-purchase month, their retention or revenue month by month (`?months=&show=`). */
export function CohortsPage() {
  const [params, setParams] = useSearchParams();
  const months = positiveInt(params.get('months'), DEFAULT_MONTHS, 24);
  const measure = oneOf(params.get('show'), MEASURES) || 'retention';
  const update = (changes: Record<string, string | number>) =>
    setParams((current) => applyParamChanges(current, changes, { months: DEFAULT_MONTHS, show: 'retention' }), { replace: true });
  const cohorts = useQuery({ queryKey: queryKeys.cohorts(months), queryFn: () => getCohorts(months) });
  return (
    <>
      <PageHeader title="Cohorts" subtitle="Customers grouped by the month of their first purchase: who came back, and what they spent" />
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 2, alignItems: { sm: 'center' } }}>
        <NativeSelectField
          label="Cohorts"
          size="small"
          value={String(months)}
          onChange={(event) => update({ months: Number(event.target.value) })}
          options={(MONTH_OPTIONS.includes(months) ? MONTH_OPTIONS : [...MONTH_OPTIONS, months]).map((m) => ({ value: String(m), label: `Last ${m} months` }))}
          sx={{ minWidth: 180 }}
        />
        <ToggleButtonGroup
          size="small"
          exclusive
          value={measure}
          onChange={(_, next: CohortMeasure | null) => next && update({ show: next })}
          aria-label="Show"
          sx={toggleGroupSx}
        >
          <ToggleButton value="retention">Retention %</ToggleButton>
          <ToggleButton value="revenue">Revenue</ToggleButton>
        </ToggleButtonGroup>
      </Stack>
      {cohorts.isError ? <ErrorAlert error={cohorts.error} title="Cohorts could not be loaded" onRetry={() => void cohorts.refetch()} /> : null}
      {cohorts.isPending ? <Skeleton variant="rounded" height={360} /> : null}
      {cohorts.data ? <CohortHeatmap cohorts={cohorts.data.cohorts} measure={measure} currency={cohorts.data.currency} /> : null}
    </>
  );
}
