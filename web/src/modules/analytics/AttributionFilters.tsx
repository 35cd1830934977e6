import { Stack } from '@mui/material';
import { ATTRIBUTION_GROUP_BYS } from '../../api/types';
import { NativeSelectField } from '../../components/NativeSelectField';
import { GROUP_BY_LABELS } from './analyticsLabels';
import { LOOKBACK_OPTIONS, type AttributionSettingsParams, type CreditMetric } from './attributionParams';

interface Props {
  settings: AttributionSettingsParams;
  update: (changes: Partial<AttributionSettingsParams>) => void;
}

/** Group by, lookback window and the metric the charts show. */
export function AttributionFilters({ settings, update }: Props) {
  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 2 }}>
      <NativeSelectField
        label="Group by"
        size="small"
        sx={{ minWidth: 180 }}
        value={settings.groupBy}
        onChange={(event) => update({ groupBy: event.target.value as AttributionSettingsParams['groupBy'] })}
        options={ATTRIBUTION_GROUP_BYS.map((value) => ({ value, label: GROUP_BY_LABELS[value] }))}
      />
      <NativeSelectField
        label="Lookback window"
        size="small"
        sx={{ minWidth: 180 }}
        value={String(settings.lookbackDays)}
        onChange={(event) => update({ lookbackDays: Number(event.target.value) })}
        options={LOOKBACK_OPTIONS.map((days) => ({ value: String(days), label: days === 1 ? '1 day' : `${days} days` }))}
      />
      <NativeSelectField
        label="Show"
        size="small"
        sx={{ minWidth: 180 }}
        value={settings.metric}
        onChange={(event) => update({ metric: event.target.value as CreditMetric })}
        options={[
          { value: 'value', label: 'Revenue' },
          { value: 'conversions', label: 'Conversions' },
        ]}
      />
    </Stack>
  );
}
