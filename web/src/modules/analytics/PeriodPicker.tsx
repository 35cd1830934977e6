import { Stack, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { DateRangeFields } from '../../components/DateRangeFields';
import { toggleGroupSx } from '../../components/toggleSx';
import { isoDay } from '../../lib/searchParams';
import { formatDayRange, PERIOD_PRESETS, presetPeriod, type Period, type PeriodPreset } from './period';

interface Props {
  period: Period;
  onChange: (period: Period) => void;
  /** The period the numbers are compared with (from the API's answer), shown as "vs 1–30 Oct". */
  comparison?: { from: string; to: string };
}

/** Last 7 / 30 / 90 days or a custom range of days, and the period it is compared with. */
export function PeriodPicker({ period, onChange, comparison }: Props) {
  const select = (value: PeriodPreset | 'custom' | null) => {
    if (value === null || value === period.preset) return;
    onChange(value === 'custom' ? { ...period, preset: 'custom' } : presetPeriod(value));
  };
  const changeDays = (changes: { from?: string; to?: string }) => {
    const next = { ...period, ...changes, preset: 'custom' as const };
    if (isoDay(next.from) && isoDay(next.to) && next.from <= next.to) onChange(next);
  };
  return (
    <Stack
      direction={{ xs: 'column', md: 'row' }}
      spacing={2}
      sx={{ mb: 3, alignItems: { xs: 'flex-start', md: 'center' }, flexWrap: 'wrap', rowGap: 2 }}
    >
      <ToggleButtonGroup size="small" exclusive value={period.preset} onChange={(_, value) => select(value)} aria-label="Period" sx={toggleGroupSx}>
        {PERIOD_PRESETS.map((days) => (
          <ToggleButton key={days} value={days}>
            Last {days} days
          </ToggleButton>
        ))}
        <ToggleButton value="custom">Custom</ToggleButton>
      </ToggleButtonGroup>
      {period.preset === 'custom' ? (
        <Stack direction="row" spacing={1}>
          <DateRangeFields from={period.from} to={period.to} onChange={changeDays} />
        </Stack>
      ) : null}
      <Typography variant="body2" color="text.secondary" data-testid="period-comparison">
        {formatDayRange(period.from, period.to)}
        {comparison ? ` vs ${formatDayRange(comparison.from, comparison.to)}` : ''}
      </Typography>
    </Stack>
  );
}
