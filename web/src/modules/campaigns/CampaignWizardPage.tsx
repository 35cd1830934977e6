import { useState } from 'react';
import { Link as RouterLink, useNavigate, useParams, useSearchParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Box, Button, Paper, Skeleton, Step, StepButton, StepLabel, Stepper, Typography } from '@mui/material';
import { createCampaign, getCampaign, updateCampaign } from '../../api/endpoints/campaigns';
import { errorMessage, isApiError, problemFieldErrors } from '../../api/problem';
import { queryKeys } from '../../api/queryKeys';
import type { Campaign } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useNotify } from '../../components/notifyContext';
import { positiveInt } from '../../lib/searchParams';
import { AudienceStep } from './AudienceStep';
import { GoalStep } from './GoalStep';
import { ReviewStep } from './ReviewStep';
import { buildScheduleBody, EMPTY_SCHEDULE, type ScheduleValues } from './schedule';
import { ScheduleStep } from './ScheduleStep';
import { StepsStep } from './StepsStep';
import { EMPTY_GOAL, fromCampaign, goalErrors, toCampaignInput, WIZARD_STEPS, type AudienceValues, type GoalValues } from './wizardModel';

/** A stored schedule back into the form (the review step sends it again). */
function scheduleValues(campaign: Campaign | null): ScheduleValues {
  const s = campaign?.schedule;
  if (!s) return EMPTY_SCHEDULE;
  const kind = String(s.kind ?? '');
  if (kind === 'at') return { ...EMPTY_SCHEDULE, kind, at: String(s.at ?? '').slice(0, 16) };
  if (kind === 'recipientLocal') return { ...EMPTY_SCHEDULE, kind, date: String(s.date ?? ''), time: String(s.time ?? '') };
  if (kind === 'recurring') return { ...EMPTY_SCHEDULE, kind, cron: String(s.cron ?? ''), until: s.until ? String(s.until).slice(0, 10) : '' };
  return EMPTY_SCHEDULE;
}

/** `/campaigns/new` and `/campaigns/:id/edit?step=n`: goal → audience → steps → schedule → review. */
export function CampaignWizardPage() {
  const { id } = useParams();
  const campaign = useQuery({ queryKey: queryKeys.campaign(id ?? ''), queryFn: () => getCampaign(id ?? ''), enabled: Boolean(id) });
  const title = id ? 'Edit campaign' : 'New campaign';
  if (id && campaign.isError) {
    return (
      <>
        <PageHeader title={title} />
        <ErrorAlert error={campaign.error} title="The campaign could not be loaded" onRetry={() => void campaign.refetch()} />
      </>
    );
  }
  if (id && !campaign.data) {
    return (
      <>
        <PageHeader title={title} />
        <Skeleton variant="rounded" height={320} />
      </>
    );
  }
  return <Wizard key={id ?? 'new'} campaign={campaign.data ?? null} />;
}

function Wizard({ campaign }: { campaign: Campaign | null }) {
  const navigate = useNavigate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const step = Math.min(positiveInt(params.get('step'), 1) - 1, WIZARD_STEPS.length - 1);
  const setStep = (next: number) => setParams({ step: String(next + 1) }, { replace: true });
  const initial = campaign ? fromCampaign(campaign) : { goal: EMPTY_GOAL, audience: { segmentIds: [], excludeSegmentIds: [] } };
  const [goal, setGoal] = useState<GoalValues>(initial.goal);
  const [audience, setAudience] = useState<AudienceValues>(initial.audience);
  const [schedule, setSchedule] = useState<ScheduleValues>(() => scheduleValues(campaign));
  const [showErrors, setShowErrors] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});

  const errorsOfGoal = { ...(showErrors ? goalErrors(goal) : {}), ...serverErrors };
  const builtSchedule = buildScheduleBody(schedule);

  const save = useMutation({
    mutationFn: () => (campaign ? updateCampaign(campaign.id, toCampaignInput(goal, audience)) : createCampaign(toCampaignInput(goal, audience))),
    onSuccess: async (saved, _vars) => {
      queryClient.setQueryData(queryKeys.campaign(saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: queryKeys.campaigns });
      if (!campaign) {
        notify({ message: 'Draft campaign created.' });
        navigate(`/campaigns/${saved.id}/edit?step=${step + 2}`, { replace: true });
      } else setStep(step + 1);
    },
    onError: (error) => {
      if (isApiError(error)) setServerErrors(problemFieldErrors(error.problem));
    },
  });

  const next = () => {
    setServerErrors({});
    if (step === 0) {
      setShowErrors(true);
      if (Object.keys(goalErrors(goal)).length > 0) return;
      if (campaign) save.mutate();
      else setStep(1);
      return;
    }
    if (step === 1) {
      save.mutate();
      return;
    }
    if (step === 3) {
      setShowErrors(true);
      if (!builtSchedule.ok) return;
    }
    setStep(step + 1);
  };

  const needsCampaign = step >= 2 && !campaign;
  const unplacedErrors = Object.entries(serverErrors).filter(([key]) => !['name', 'goal', 'description', 'timezone', 'budget', 'currency'].includes(key));

  return (
    <>
      <PageHeader
        title={campaign ? `Edit ${campaign.name}` : 'New campaign'}
        documentTitle={campaign ? 'Edit campaign' : 'New campaign'}
        actions={
          <Button component={RouterLink} to={campaign ? `/campaigns/${campaign.id}` : '/campaigns'}>
            {campaign ? 'Campaign details' : 'All campaigns'}
          </Button>
        }
      />
      {campaign && !campaign.actions.includes('edit') ? (
        <Alert severity="info" sx={{ mb: 2 }}>
          This campaign is {campaign.status}: only a draft can be edited.
        </Alert>
      ) : null}
      <Stepper activeStep={step} nonLinear={Boolean(campaign)} sx={{ mb: 3 }} aria-label="Campaign steps">
        {WIZARD_STEPS.map((label, index) => (
          <Step key={label} completed={index < step}>
            {campaign ? <StepButton onClick={() => setStep(index)}>{label}</StepButton> : <StepLabel>{label}</StepLabel>}
          </Step>
        ))}
      </Stepper>
      <Paper variant="outlined" sx={{ p: { xs: 2, md: 3 } }}>
        <Typography variant="h2" sx={{ mb: 2 }}>
          Step {step + 1} of {WIZARD_STEPS.length}: {WIZARD_STEPS[step]}
        </Typography>
        {needsCampaign ? <Alert severity="info">Start with the goal: the campaign is saved as a draft after the audience step.</Alert> : null}
        {step === 0 ? (
          <GoalStep
            values={goal}
            errors={errorsOfGoal}
            onChange={setGoal}
            allowTemplates={!campaign}
            onCreatedFromTemplate={(created) => {
              notify({ message: 'Draft campaign created from the template.' });
              navigate(`/campaigns/${created.id}/edit?step=2`, { replace: true });
            }}
          />
        ) : null}
        {step === 1 ? <AudienceStep values={audience} onChange={setAudience} /> : null}
        {step === 2 && campaign ? <StepsStep campaign={campaign} /> : null}
        {step === 3 && campaign ? (
          <ScheduleStep values={schedule} errors={showErrors && !builtSchedule.ok ? builtSchedule.errors : {}} timezone={campaign.timezone} onChange={setSchedule} />
        ) : null}
        {step === 4 && campaign ? (
          <ReviewStep
            campaign={campaign}
            schedule={schedule}
            onDone={(updated) => {
              notify({ message: updated.status === 'running' ? 'Campaign launched.' : 'Campaign scheduled.' });
              navigate(`/campaigns/${updated.id}`);
            }}
          />
        ) : null}
        {save.isError ? (
          <Alert severity="error" sx={{ mt: 2 }}>
            The campaign could not be saved: {unplacedErrors.length ? unplacedErrors.map(([k, m]) => `${k}: ${m}`).join(' ') : errorMessage(save.error)}
          </Alert>
        ) : null}
        <Box sx={{ display: 'flex', gap: 1, mt: 3 }}>
          {step > 0 ? <Button onClick={() => setStep(step - 1)}>Back</Button> : null}
          <Box sx={{ flexGrow: 1 }} />
          {step < WIZARD_STEPS.length - 1 ? (
            <Button variant="contained" onClick={next} disabled={save.isPending || needsCampaign}>
              {step === 1 && !campaign ? 'Save draft and continue' : 'Next'}
            </Button>
          ) : null}
        </Box>
      </Paper>
    </>
  );
}
