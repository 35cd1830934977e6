import { FormControlLabel, Radio, RadioGroup, Stack, TextField, Typography } from '@mui/material';
import { SCHEDULE_KIND_LABELS, SCHEDULE_KINDS, type ScheduleKind, type ScheduleValues } from './schedule';

interface Props {
  values: ScheduleValues;
  errors: Partial<Record<keyof ScheduleValues, string>>;
  timezone: string;
  onChange: (values: ScheduleValues) => void;
}

export function ScheduleStep({ values, errors, timezone, onChange }: Props) {
  const set = (change: Partial<ScheduleValues>) => onChange({ ...values, ...change });
  return (
    <Stack spacing={2}>
      <Typography>
        Times are read in the campaign's time zone, <strong>{timezone}</strong>, unless you choose each recipient's local time.
      </Typography>
      <RadioGroup value={values.kind} onChange={(e) => set({ kind: e.target.value as ScheduleKind })} aria-label="When to send">
        {SCHEDULE_KINDS.map((kind) => (
          <FormControlLabel key={kind} value={kind} control={<Radio />} label={SCHEDULE_KIND_LABELS[kind]} />
        ))}
      </RadioGroup>
      {values.kind === 'at' ? (
        <TextField
          label={`Send at (${timezone})`}
          type="datetime-local"
          value={values.at}
          onChange={(e) => set({ at: e.target.value })}
          error={Boolean(errors.at)}
          helperText={errors.at}
          slotProps={{ inputLabel: { shrink: true } }}
          sx={{ maxWidth: 320 }}
        />
      ) : null}
      {values.kind === 'recipientLocal' ? (
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
          <TextField label="Day" type="date" value={values.date} onChange={(e) => set({ date: e.target.value })} error={Boolean(errors.date)} helperText={errors.date} slotProps={{ inputLabel: { shrink: true } }} />
          <TextField
            label="Local time"
            type="time"
            value={values.time}
            onChange={(e) => set({ time: e.target.value })}
            error={Boolean(errors.time)}
            helperText={errors.time ?? "In each recipient's time zone"}
            slotProps={{ inputLabel: { shrink: true } }}
          />
        </Stack>
      ) : null}
      {values.kind === 'recurring' ? (
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
          <TextField
            label="Cron expression"
            value={values.cron}
            onChange={(e) => set({ cron: e.target.value })}
            error={Boolean(errors.cron)}
            helperText={errors.cron ?? 'minute hour day-of-month month day-of-week, e.g. "0 9 * * MON"'}
            sx={{ minWidth: 280 }}
          />
          <TextField label="Until (optional)" type="date" value={values.until} onChange={(e) => set({ until: e.target.value })} error={Boolean(errors.until)} helperText={errors.until} slotProps={{ inputLabel: { shrink: true } }} />
        </Stack>
      ) : null}
      {values.kind === 'now' ? <Typography color="text.secondary">The campaign is launched from the review step once it is ready.</Typography> : null}
    </Stack>
  );
}
