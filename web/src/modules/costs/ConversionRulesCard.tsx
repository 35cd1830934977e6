import { useState, type ReactNode } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Box, Button, Card, CardContent, FormControlLabel, Skeleton, Stack, Switch, Typography } from '@mui/material';
import { getAnalyticsSettings, updateAnalyticsSettings } from '../../api/endpoints/analytics';
import { errorMessage, isApiError, problemFieldErrors } from '../../api/problem';
import { queryKeys } from '../../api/queryKeys';
import { TRACK_EVENT_TYPES, type AnalyticsSettings } from '../../api/types';
import { useCan } from '../../auth/useCan';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useNotify } from '../../components/notifyContext';
import { groupRuleErrors, HOST_LISTS, settingsChanges, toDraft, type ConversionRulesDraft, type HostList } from './channelRulesForm';
import { MediumsEditor } from './MediumsEditor';
import { NameChipsField } from './NameChipsField';

const CONVERSION_SUGGESTIONS = TRACK_EVENT_TYPES.filter((type) => type !== 'page_view' && type !== 'identify' && type !== 'custom');

const LIST_LABELS: Record<HostList, { label: string; help: string }> = {
  searchEngines: { label: 'Search engines', help: 'Host names such as google. or duckduckgo.com: organic search.' },
  socialNetworks: { label: 'Social networks', help: 'Host names such as facebook.com: organic social (paid social with a paid medium).' },
  webmail: { label: 'Webmail', help: 'Host names such as mail.google.com: a visit from there counts as email.' },
};

/** A switch between the shipped list and the tenant's own, with the editor of its own. */
function CustomList({ label, custom, onToggle, disabled, children }: { label: string; custom: boolean; onToggle: (custom: boolean) => void; disabled: boolean; children: ReactNode }) {
  return (
    <Box>
      <FormControlLabel
        control={<Switch checked={custom} onChange={(event) => onToggle(event.target.checked)} disabled={disabled} />}
        label={`${label}: ${custom ? 'own list (replaces the shipped one)' : 'shipped list'}`}
      />
      {custom ? <Box sx={{ mt: 1 }}>{children}</Box> : null}
    </Box>
  );
}

function RulesForm({ settings }: { settings: AnalyticsSettings }) {
  const canManage = useCan()('analytics:manage');
  const queryClient = useQueryClient();
  const notify = useNotify();
  const saved = toDraft(settings);
  const [draft, setDraft] = useState<ConversionRulesDraft>(saved);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const errors = groupRuleErrors(fieldErrors);
  const changes = settingsChanges(saved, draft);
  const dirty = Object.keys(changes).length > 0;
  const set = (change: Partial<ConversionRulesDraft>) => setDraft((current) => ({ ...current, ...change }));
  const save = useMutation({
    mutationFn: (body: Parameters<typeof updateAnalyticsSettings>[0]) => updateAnalyticsSettings(body),
    onSuccess: async (next) => {
      setDraft(toDraft(next));
      setFieldErrors({});
      setFailure(null);
      queryClient.setQueryData(queryKeys.analyticsSettings, next);
      await queryClient.invalidateQueries({ queryKey: queryKeys.analytics });
      notify({ message: 'Conversions and channel rules saved. New conversion events rebuild the numbers in the background.' });
    },
    onError: (error) => {
      const fields = isApiError(error) ? problemFieldErrors(error.problem) : {};
      setFieldErrors(fields);
      setFailure(Object.keys(fields).length ? null : errorMessage(error));
    },
  });
  const restoreAll = () => save.mutate({ channelRules: { mediums: null, searchEngines: null, socialNetworks: null, webmail: null } });
  const disabled = !canManage;
  return (
    <Stack
      component="form"
      spacing={2}
      noValidate
      aria-label="Conversions and channel rules"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(changes);
      }}
    >
      {failure ? <Alert severity="error">{failure}</Alert> : null}
      {errors.other.length ? <Alert severity="error">{errors.other.join(' ')}</Alert> : null}
      <NameChipsField
        label="Conversion events"
        values={draft.conversionEvents}
        onChange={(conversionEvents) => set({ conversionEvents })}
        options={CONVERSION_SUGGESTIONS}
        disabled={disabled}
        error={errors.conversionEvents}
        helperText="1–10 event names that count as conversions: standard types or your own, such as demo_requested. Press Enter to add one."
        max={10}
      />
      <Typography variant="subtitle2" component="h3">
        Channel classification
      </Typography>
      <CustomList label="Mediums" custom={draft.mediums !== null} onToggle={(on) => set({ mediums: on ? [{ medium: '', channel: 'email' }] : null })} disabled={disabled}>
        <MediumsEditor rows={draft.mediums ?? []} onChange={(mediums) => set({ mediums })} disabled={disabled} error={errors.mediums} rowErrors={errors.mediumRows} />
      </CustomList>
      {HOST_LISTS.map((list) => (
        <CustomList key={list} label={LIST_LABELS[list].label} custom={draft[list] !== null} onToggle={(on) => set({ [list]: on ? [] : null })} disabled={disabled}>
          <NameChipsField
            label={LIST_LABELS[list].label}
            values={draft[list] ?? []}
            onChange={(values) => set({ [list]: values })}
            disabled={disabled}
            error={errors.lists[list]}
            helperText={LIST_LABELS[list].help}
          />
        </CustomList>
      ))}
      <Typography variant="body2" color="text.secondary">
        New lists classify events from now on; events already stored keep their channel.
      </Typography>
      {canManage ? (
        <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
          <Button type="submit" variant="contained" disabled={save.isPending || !dirty}>
            Save conversions and rules
          </Button>
          <Button variant="outlined" onClick={restoreAll} disabled={save.isPending || settings.channelRules === null}>
            Restore the shipped lists
          </Button>
        </Stack>
      ) : null}
    </Stack>
  );
}

/** Which events count as conversions, and the tenant's own channel classification lists (PUT /settings). */
export function ConversionRulesCard() {
  const settings = useQuery({ queryKey: queryKeys.analyticsSettings, queryFn: getAnalyticsSettings });
  return (
    <Card variant="outlined" component="section" aria-labelledby="conversion-rules-heading" id="conversion-rules">
      <CardContent>
        <Typography variant="h2" id="conversion-rules-heading" sx={{ mb: 2 }}>
          Conversions and channels
        </Typography>
        {settings.isError ? <ErrorAlert error={settings.error} title="Settings could not be loaded" onRetry={() => void settings.refetch()} /> : null}
        {settings.isPending ? <Skeleton variant="rounded" height={240} /> : null}
        {settings.data ? <RulesForm settings={settings.data} /> : null}
      </CardContent>
    </Card>
  );
}
