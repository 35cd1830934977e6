import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Box,
  Button,
  FormControlLabel,
  Grid,
  IconButton,
  Paper,
  Radio,
  RadioGroup,
  Stack,
  Switch,
  TextField,
  Typography,
} from '@mui/material';
import DeleteIcon from '@mui/icons-material/Delete';
import { addCampaignStep, updateCampaignStep } from '../../api/endpoints/campaigns';
import { listTemplates } from '../../api/endpoints/templates';
import { errorMessage, isApiError, normaliseFieldKey } from '../../api/problem';
import { queryKeys } from '../../api/queryKeys';
import type { CampaignStep } from '../../api/types';
import { NativeSelectField } from '../../components/NativeSelectField';
import { EMPTY_STEP, fromStep, newVariant, stepErrors, stepFieldKey, toStepInput, variantShares, type StepValues, type VariantValues } from './stepForm';

interface Props {
  campaignId: string;
  /** The step being edited, or null for a new one. */
  step: CampaignStep | null;
  onSaved: () => void;
  onCancel: () => void;
}

/** Adds or replaces an email step: stored template or inline content, optional A/B variants, holdout and delay. */
export function StepEditor({ campaignId, step, onSaved, onCancel }: Props) {
  const [values, setValues] = useState<StepValues>(() => (step ? fromStep(step) : EMPTY_STEP));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const templateQuery = { page: 1, pageSize: 200 };
  const templates = useQuery({ queryKey: queryKeys.templateList(templateQuery), queryFn: () => listTemplates(templateQuery) });
  const save = useMutation({
    mutationFn: () => (step ? updateCampaignStep(campaignId, step.id, toStepInput(values)) : addCampaignStep(campaignId, toStepInput(values))),
    onSuccess: onSaved,
    onError: (error) => {
      if (isApiError(error) && error.problem?.errors) {
        const mapped: Record<string, string> = {};
        const other: string[] = [];
        for (const [key, messages] of Object.entries(error.problem.errors)) {
          const field = stepFieldKey(normaliseFieldKey(key), values.abTest);
          const text = (Array.isArray(messages) ? messages : [messages]).join(' ');
          if (field) mapped[field] = text;
          else other.push(text);
        }
        setErrors(mapped);
        setFormError(other.length ? other.join(' ') : 'Fix the marked fields.');
      } else setFormError(errorMessage(error));
    },
  });
  const submit = () => {
    const found = stepErrors(values);
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length === 0) save.mutate();
  };

  const setVariant = (index: number, change: Partial<VariantValues>) =>
    setValues((v) => ({ ...v, variants: v.variants.map((variant, i) => (i === index ? { ...variant, ...change } : variant)) }));
  const setAb = (abTest: boolean) =>
    setValues((v) => ({
      ...v,
      abTest,
      variants: abTest
        ? v.variants.length > 1
          ? v.variants
          : [{ ...v.variants[0], name: v.variants[0].name || 'A', weight: 50 }, newVariant(1)]
        : [v.variants[0]],
    }));
  const shares = variantShares(values.variants);
  const templateOptions = [
    { value: '', label: templates.isPending ? 'Loading templates…' : 'Choose a template' },
    ...(templates.data?.items.filter((t) => !t.archivedAt).map((t) => ({ value: t.id, label: `${t.name} — ${t.subject}` })) ?? []),
  ];

  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label={step ? `Edit ${step.name}` : 'New email step'}>
      <Typography variant="h3" component="h3" sx={{ mb: 2 }}>
        {step ? `Edit ${step.name}` : 'New email step'}
      </Typography>
      <Stack spacing={2}>
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, md: 6 }}>
            <TextField label="Step name" fullWidth value={values.name} onChange={(e) => setValues({ ...values, name: e.target.value })} placeholder="Optional" />
          </Grid>
          <Grid size={{ xs: 6, md: 3 }}>
            <TextField
              label="Delay after launch (minutes)"
              type="number"
              fullWidth
              value={values.delayMinutes}
              onChange={(e) => setValues({ ...values, delayMinutes: Number(e.target.value) })}
              error={Boolean(errors.delayMinutes)}
              helperText={errors.delayMinutes}
              slotProps={{ htmlInput: { min: 0 } }}
            />
          </Grid>
          <Grid size={{ xs: 6, md: 3 }}>
            <TextField
              label="Holdout %"
              type="number"
              fullWidth
              value={values.holdoutPercent}
              onChange={(e) => setValues({ ...values, holdoutPercent: Number(e.target.value) })}
              error={Boolean(errors.holdoutPercent)}
              helperText={errors.holdoutPercent ?? 'Share of the audience kept out, to measure lift.'}
              slotProps={{ htmlInput: { min: 0, max: 99, step: 'any' } }}
            />
          </Grid>
        </Grid>
        <FormControlLabel control={<Switch checked={values.abTest} onChange={(e) => setAb(e.target.checked)} />} label="A/B test (variants with weights)" />
        {values.variants.map((variant, index) => {
          const prefix = values.abTest ? `variants.${index}.` : '';
          const err = (field: string) => errors[`${prefix}${field}`];
          const label = values.abTest ? `Variant ${variant.name || index + 1}` : 'Content';
          return (
            <Box key={index} sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 2 }} role="group" aria-label={label}>
              {values.abTest ? (
                <Stack direction="row" spacing={2} sx={{ mb: 2, alignItems: 'center' }}>
                  <TextField label={`Variant ${index + 1} name`} size="small" value={variant.name} onChange={(e) => setVariant(index, { name: e.target.value })} error={Boolean(err('name'))} helperText={err('name')} />
                  <TextField
                    label={`Variant ${index + 1} weight`}
                    size="small"
                    type="number"
                    value={variant.weight}
                    onChange={(e) => setVariant(index, { weight: Number(e.target.value) })}
                    error={Boolean(err('weight'))}
                    helperText={err('weight') ?? `${shares[index]} % of the audience`}
                    slotProps={{ htmlInput: { min: 1, max: 10000 } }}
                  />
                  <Box sx={{ flexGrow: 1 }} />
                  {values.variants.length > 2 ? (
                    <IconButton aria-label={`Remove variant ${variant.name || index + 1}`} onClick={() => setValues({ ...values, variants: values.variants.filter((_, i) => i !== index) })}>
                      <DeleteIcon />
                    </IconButton>
                  ) : null}
                </Stack>
              ) : null}
              <RadioGroup row value={variant.source} onChange={(e) => setVariant(index, { source: e.target.value as VariantValues['source'] })} aria-label={`${label} source`}>
                <FormControlLabel value="inline" control={<Radio />} label="Write the email" />
                <FormControlLabel value="template" control={<Radio />} label="Use a stored template" />
              </RadioGroup>
              {variant.source === 'template' ? (
                <NativeSelectField
                  label="Template"
                  fullWidth
                  value={variant.templateId}
                  options={templateOptions}
                  onChange={(e) => setVariant(index, { templateId: e.target.value })}
                  error={Boolean(err('templateId'))}
                  helperText={err('templateId')}
                  sx={{ mt: 1 }}
                />
              ) : (
                <Stack spacing={2} sx={{ mt: 1 }}>
                  <TextField label="Subject" fullWidth value={variant.subject} onChange={(e) => setVariant(index, { subject: e.target.value })} error={Boolean(err('subject'))} helperText={err('subject')} />
                  <TextField label="Preheader" fullWidth value={variant.preheader} onChange={(e) => setVariant(index, { preheader: e.target.value })} error={Boolean(err('preheader'))} helperText={err('preheader')} />
                  <TextField
                    label="HTML"
                    fullWidth
                    multiline
                    minRows={5}
                    value={variant.html}
                    onChange={(e) => setVariant(index, { html: e.target.value })}
                    error={Boolean(err('html'))}
                    helperText={err('html') ?? 'Variables like {{contact.firstName}} are checked when the campaign is scheduled.'}
                    slotProps={{ htmlInput: { style: { fontFamily: 'monospace' } } }}
                  />
                  <TextField
                    label="Plain text"
                    fullWidth
                    multiline
                    minRows={2}
                    value={variant.text}
                    onChange={(e) => setVariant(index, { text: e.target.value })}
                    error={Boolean(err('text'))}
                    helperText={err('text') ?? 'Optional: generated from the HTML when empty.'}
                  />
                </Stack>
              )}
            </Box>
          );
        })}
        {values.abTest && values.variants.length < 10 ? (
          <Box>
            <Button onClick={() => setValues({ ...values, variants: [...values.variants, newVariant(values.variants.length)] })}>Add variant</Button>
          </Box>
        ) : null}
        {formError ? <Alert severity="error">{formError}</Alert> : null}
        <Stack direction="row" spacing={1}>
          <Button variant="contained" onClick={submit} disabled={save.isPending}>
            {step ? 'Save step' : 'Add step'}
          </Button>
          <Button onClick={onCancel} disabled={save.isPending}>
            Cancel
          </Button>
        </Stack>
      </Stack>
    </Paper>
  );
}
