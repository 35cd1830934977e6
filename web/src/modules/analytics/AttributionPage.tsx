import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Box, LinearProgress, Skeleton, Stack } from '@mui/material';
import { getAttribution } from '../../api/endpoints/analytics';
import { queryKeys } from '../../api/queryKeys';
import { ATTRIBUTION_MODELS } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { GROUP_BY_LABELS } from './analyticsLabels';
import { AttributionFilters } from './AttributionFilters';
import { useAttributionParams } from './attributionParams';
import { AttributionTotals } from './AttributionTotals';
import { ModelComparisonCard } from './ModelComparisonCard';
import { ModelSplitCard } from './ModelSplitCard';
import { ModelSwitcher } from './ModelSwitcher';
import { NoConversionsState } from './NoConversionsState';
import { periodInstants } from './period';
import { PeriodPicker } from './PeriodPicker';
import { usePeriodParams } from './usePeriodParams';

/** /analytics/attribution — the period's tracked conversions split by every model, one shown, all compared. */
export function AttributionPage() {
  const { period, setPeriod } = usePeriodParams();
  const { settings, update } = useAttributionParams();
  const query = { ...periodInstants(period), groupBy: settings.groupBy, lookbackDays: settings.lookbackDays };
  const attribution = useQuery({
    queryKey: queryKeys.attribution(query),
    queryFn: () => getAttribution(query),
    placeholderData: keepPreviousData,
  });
  const view = attribution.data;
  const currency = view?.currency ?? '';
  const models = ATTRIBUTION_MODELS.filter((model) => view?.models[model]);
  const groupLabel = GROUP_BY_LABELS[settings.groupBy];
  const suffix = `${settings.groupBy} ${period.from} ${period.to}`;
  return (
    <>
      <PageHeader title="Attribution" subtitle="Which channels, campaigns or sources earned the period's conversions, by each model" />
      <PeriodPicker period={period} onChange={setPeriod} />
      <AttributionFilters settings={settings} update={update} />
      <Stack spacing={1} sx={{ mb: 2 }}>
        <ModelSwitcher value={settings.model} onChange={(model) => update({ model })} />
      </Stack>
      {attribution.isError ? (
        <ErrorAlert error={attribution.error} title="Attribution could not be computed" onRetry={() => void attribution.refetch()} />
      ) : null}
      {attribution.isFetching && view ? <LinearProgress aria-label="Recomputing the attribution" sx={{ mb: 1 }} /> : null}
      {attribution.isPending ? <Skeleton variant="rounded" height={360} /> : null}
      {view && view.totals.conversions === 0 ? <NoConversionsState /> : null}
      {view && view.totals.conversions > 0 ? (
        <>
          <AttributionTotals view={view} model={settings.model} currency={currency} />
          <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', xl: '1fr 1fr' } }}>
            <ModelSplitCard
              view={view}
              model={settings.model}
              metric={settings.metric}
              currency={currency}
              groupLabel={groupLabel}
              fileNameSuffix={suffix}
            />
            <ModelComparisonCard
              view={view}
              models={models}
              metric={settings.metric}
              currency={currency}
              groupLabel={groupLabel}
              fileNameSuffix={suffix}
            />
          </Box>
        </>
      ) : null}
    </>
  );
}
