import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  FormHelperText,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { updateBenchmarks } from '../../api/endpoints/analytics';
import { errorMessage, isApiError, problemFieldErrors } from '../../api/problem';
import { queryKeys } from '../../api/queryKeys';
import { BENCHMARK_INDUSTRIES, type BandsInput, type BenchmarkView } from '../../api/types';
import { NativeSelectField } from '../../components/NativeSelectField';
import { useNotify } from '../../components/notifyContext';
import { humanize } from '../../lib/format';
import { keyLabel } from './analyticsLabels';
import { fromEditorValue, metricLabel, metricUnit, toEditorValue } from './benchmarkData';

const LEVELS = ['average', 'good', 'excellent'] as const;
type Level = (typeof LEVELS)[number];
type Draft = Record<Level, string> & { restore: boolean };

interface Props {
  channel: string;
  view: BenchmarkView;
  currency: string;
  onClose: () => void;
}

/** The tenant's industry and its own bands for the channel's metrics (PUT /benchmarks/{channel}); errors shown per metric. */
export function BenchmarkBandsDialog({ channel, view, currency, onClose }: Props) {
  const queryClient = useQueryClient();
  const notify = useNotify();
  const [industry, setIndustry] = useState(view.industry);
  const [drafts, setDrafts] = useState<Record<string, Draft>>(() =>
    Object.fromEntries(
      view.metrics.map((m) => [
        m.metric,
        { average: toEditorValue(m.metric, m.bands.average), good: toEditorValue(m.metric, m.bands.good), excellent: toEditorValue(m.metric, m.bands.excellent), restore: false },
      ]),
    ),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const set = (metric: string, change: Partial<Draft>) => setDrafts((current) => ({ ...current, [metric]: { ...current[metric], ...change } }));

  /** Only what changed: edited bands, and null for a custom metric set back to the shipped bands. */
  const changes = (): Record<string, BandsInput | null> => {
    const out: Record<string, BandsInput | null> = {};
    for (const m of view.metrics) {
      const draft = drafts[m.metric];
      if (draft.restore) {
        if (m.custom) out[m.metric] = null;
        continue;
      }
      const bands = { average: fromEditorValue(m.metric, draft.average), good: fromEditorValue(m.metric, draft.good), excellent: fromEditorValue(m.metric, draft.excellent) };
      if (bands.average !== m.bands.average || bands.good !== m.bands.good || bands.excellent !== m.bands.excellent) out[m.metric] = bands;
    }
    return out;
  };

  const save = useMutation({
    mutationFn: () => updateBenchmarks(channel, { industry: industry === view.industry ? null : industry, metrics: changes() }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['analytics', 'benchmarks'] });
      await queryClient.invalidateQueries({ queryKey: queryKeys.analyticsSettings });
      notify({ message: 'Benchmarks saved.' });
      onClose();
    },
    onError: (error) => {
      const fields = isApiError(error) ? problemFieldErrors(error.problem) : {};
      setErrors(fields);
      const known = new Set(['industry', ...view.metrics.map((m) => `metrics.${m.metric}`)]);
      const other = Object.entries(fields).filter(([field]) => !known.has(field));
      setFormError(
        other.length > 0 ? other.map(([field, message]) => (field ? `${field}: ${message}` : message)).join(' ') : Object.keys(fields).length ? null : errorMessage(error),
      );
    },
  });

  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth aria-labelledby="benchmark-bands-title">
      <DialogTitle id="benchmark-bands-title">{keyLabel(channel)} benchmark bands</DialogTitle>
      <DialogContent>
        <Stack spacing={2} component="form" id="benchmark-bands-form" noValidate onSubmit={(event) => { event.preventDefault(); save.mutate(); }}>
          {formError ? <Alert severity="error">{formError}</Alert> : null}
          <NativeSelectField
            label="Industry"
            value={industry}
            onChange={(event) => setIndustry(BENCHMARK_INDUSTRIES.find((i) => i === event.target.value) ?? view.industry)}
            options={BENCHMARK_INDUSTRIES.map((value) => ({ value, label: humanize(value) }))}
            error={Boolean(errors.industry)}
            helperText={errors.industry ?? 'The shipped bands of every channel follow the industry.'}
            sx={{ mt: 1, maxWidth: 240 }}
          />
          {view.metrics.map((m) => {
            const draft = drafts[m.metric];
            const error = errors[`metrics.${m.metric}`];
            const unit = metricUnit(m.metric) === 'rate' ? '%' : metricUnit(m.metric) === 'money' ? currency : '×';
            return (
              <Box key={m.metric} component="fieldset" sx={{ border: 0, p: 0, m: 0 }} aria-describedby={error ? `bands-${m.metric}-error` : undefined}>
                <Typography component="legend" variant="subtitle2">
                  {metricLabel(m.metric)} ({m.bands.higherIsBetter ? 'higher is better' : 'lower is better'}){m.custom ? ' · custom' : ''}
                </Typography>
                <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ mt: 1, alignItems: { sm: 'center' } }}>
                  {LEVELS.map((level) => (
                    <TextField
                      key={level}
                      size="small"
                      label={`${metricLabel(m.metric)} ${level} (${unit})`}
                      value={draft[level]}
                      onChange={(event) => set(m.metric, { [level]: event.target.value })}
                      disabled={draft.restore}
                      error={Boolean(error)}
                      slotProps={{ htmlInput: { inputMode: 'decimal' } }}
                    />
                  ))}
                  {m.custom ? (
                    <FormControlLabel
                      control={<Checkbox checked={draft.restore} onChange={(event) => set(m.metric, { restore: event.target.checked })} />}
                      label="Use the shipped bands"
                    />
                  ) : null}
                </Stack>
                {error ? (
                  <FormHelperText error id={`bands-${m.metric}-error`}>
                    {error}
                  </FormHelperText>
                ) : null}
              </Box>
            );
          })}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button type="submit" form="benchmark-bands-form" variant="contained" disabled={save.isPending}>
          Save bands
        </Button>
      </DialogActions>
    </Dialog>
  );
}
