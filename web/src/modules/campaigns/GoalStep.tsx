import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Box, Button, Grid, List, ListItem, ListItemText, Paper, Stack, TextField, Typography } from '@mui/material';
import { createCampaignFromTemplate, listCampaignTemplates } from '../../api/endpoints/campaigns';
import { queryKeys } from '../../api/queryKeys';
import { CAMPAIGN_GOALS, type Campaign } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { NativeSelectField } from '../../components/NativeSelectField';
import { humanize } from '../../lib/format';
import { timeZones } from '../settings/timezones';
import type { GoalValues } from './wizardModel';

const NICHES = ['', 'retail', 'fashion', 'fitness', 'gaming', 'b2b'];

interface Props {
  values: GoalValues;
  errors: Partial<Record<keyof GoalValues, string>>;
  onChange: (values: GoalValues) => void;
  /** Offered only before the campaign exists. */
  allowTemplates: boolean;
  onCreatedFromTemplate: (campaign: Campaign) => void;
}

export function GoalStep({ values, errors, onChange, allowTemplates, onCreatedFromTemplate }: Props) {
  const set = (change: Partial<GoalValues>) => onChange({ ...values, ...change });
  const zones = timeZones();
  return (
    <Stack spacing={3}>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 6 }}>
          <TextField
            label="Campaign name"
            required
            fullWidth
            value={values.name}
            onChange={(e) => set({ name: e.target.value })}
            error={Boolean(errors.name)}
            helperText={errors.name}
          />
        </Grid>
        <Grid size={{ xs: 12, md: 3 }}>
          <NativeSelectField
            label="Goal"
            fullWidth
            value={values.goalPreset}
            options={[...CAMPAIGN_GOALS.map((g) => ({ value: g, label: humanize(g) })), { value: 'other', label: 'Other…' }]}
            onChange={(e) => set({ goalPreset: e.target.value })}
          />
        </Grid>
        {values.goalPreset === 'other' ? (
          <Grid size={{ xs: 12, md: 3 }}>
            <TextField
              label="Your goal"
              fullWidth
              value={values.customGoal}
              onChange={(e) => set({ customGoal: e.target.value })}
              error={Boolean(errors.customGoal)}
              helperText={errors.customGoal}
            />
          </Grid>
        ) : null}
        <Grid size={12}>
          <TextField
            label="Description"
            fullWidth
            multiline
            minRows={2}
            value={values.description}
            onChange={(e) => set({ description: e.target.value })}
          />
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <NativeSelectField
            label="Time zone"
            fullWidth
            value={values.timezone}
            options={[{ value: '', label: "The workspace's time zone" }, ...zones.map((z) => ({ value: z, label: z }))]}
            onChange={(e) => set({ timezone: e.target.value })}
            helperText="Schedules are read in this zone."
          />
        </Grid>
        <Grid size={{ xs: 6, md: 3 }}>
          <TextField
            label="Budget"
            type="number"
            fullWidth
            value={values.budget}
            onChange={(e) => set({ budget: e.target.value })}
            error={Boolean(errors.budget)}
            helperText={errors.budget ?? 'Optional: sending stops at this amount.'}
            slotProps={{ htmlInput: { min: 0, step: 'any' } }}
          />
        </Grid>
        <Grid size={{ xs: 6, md: 2 }}>
          <TextField label="Currency" fullWidth value={values.currency} onChange={(e) => set({ currency: e.target.value })} placeholder="EUR" />
        </Grid>
        <Grid size={{ xs: 12, md: 3 }}>
          <TextField
            label="Cost per email"
            type="number"
            fullWidth
            value={values.emailCost}
            onChange={(e) => set({ emailCost: e.target.value })}
            error={Boolean(errors.emailCost)}
            helperText={errors.emailCost}
            slotProps={{ htmlInput: { min: 0, step: 'any' } }}
          />
        </Grid>
      </Grid>
      {allowTemplates ? <TemplatePicker timezone={values.timezone} name={values.name} onCreated={onCreatedFromTemplate} /> : null}
    </Stack>
  );
}

function TemplatePicker({ timezone, name, onCreated }: { timezone: string; name: string; onCreated: (c: Campaign) => void }) {
  const [niche, setNiche] = useState('');
  const templates = useQuery({ queryKey: queryKeys.campaignTemplates(niche), queryFn: () => listCampaignTemplates(niche || undefined) });
  const create = useMutation({
    mutationFn: (templateId: string) =>
      createCampaignFromTemplate({ templateId, name: name.trim() || undefined, timezone: timezone || undefined }),
    onSuccess: onCreated,
  });
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' }, mb: 1 }}>
        <Typography variant="h3" component="h3" sx={{ flexGrow: 1 }}>
          Or start from a template
        </Typography>
        <NativeSelectField
          label="Niche"
          size="small"
          value={niche}
          options={NICHES.map((n) => ({ value: n, label: n ? humanize(n) : 'All niches' }))}
          onChange={(e) => setNiche(e.target.value)}
          sx={{ minWidth: 180 }}
        />
      </Stack>
      {templates.isError ? <ErrorAlert error={templates.error} title="Templates could not be loaded" onRetry={() => void templates.refetch()} /> : null}
      {create.isError ? <ErrorAlert error={create.error} title="The campaign could not be created from the template" /> : null}
      {templates.isPending ? <Typography color="text.secondary">Loading templates…</Typography> : null}
      {templates.data?.length === 0 ? <Typography color="text.secondary">No templates for this niche.</Typography> : null}
      <List dense aria-label="Campaign templates">
        {templates.data?.map((template) => (
          <ListItem
            key={template.id}
            disableGutters
            secondaryAction={
              <Button size="small" onClick={() => create.mutate(template.id)} disabled={create.isPending} aria-label={`Use template ${template.name}`}>
                Use
              </Button>
            }
          >
            <ListItemText
              primary={template.name}
              secondary={`${humanize(template.niche)} · ${humanize(template.goal)} · ${template.steps} steps${template.source === 'saved' ? ' · saved' : ''}${template.description ? ` — ${template.description}` : ''}`}
            />
          </ListItem>
        ))}
      </List>
      <Box>
        <Alert severity="info" variant="outlined">
          A template brings its steps, content, budget and costs; you choose the audience next.
        </Alert>
      </Box>
    </Paper>
  );
}
