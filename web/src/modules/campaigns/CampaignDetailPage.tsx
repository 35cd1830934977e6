import { useState } from 'react';
import { Link as RouterLink, useNavigate, useParams, useSearchParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Box, Button, Paper, Skeleton, Stack, Tab, Tabs, Typography } from '@mui/material';
import { deleteCampaign, getCampaign, getReadiness, saveCampaignAsTemplate } from '../../api/endpoints/campaigns';
import { errorMessage } from '../../api/problem';
import { queryKeys } from '../../api/queryKeys';
import type { Campaign } from '../../api/types';
import { useCan } from '../../auth/useCan';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { StatusChip } from '../../components/StatusChip';
import { useNotify } from '../../components/notifyContext';
import { formatDateTime, formatNumber, humanize } from '../../lib/format';
import { oneOf } from '../../lib/searchParams';
import { CampaignDeliveriesTab } from './CampaignDeliveriesTab';
import { MOVE_TEXT, MOVES } from './campaignMoves';
import { CommentsTab } from './CommentsTab';
import { HistoryTab } from './HistoryTab';
import { MetricsPanel } from './MetricsPanel';
import { MoveConfirmDialog } from './MoveConfirmDialog';
import { ProgressPanel } from './ProgressPanel';
import { readinessSummary } from './readiness';
import { ReadinessList } from './ReadinessList';
import { describeSchedule } from './schedule';
import { describeStep } from './StepsStep';
import { TeamTab } from './TeamTab';
import { useCampaignMove } from './useCampaignMove';

const TABS = ['overview', 'metrics', 'deliveries', 'comments', 'history', 'team'] as const;

export function CampaignDetailPage() {
  const { id = '' } = useParams();
  const campaign = useQuery({
    queryKey: queryKeys.campaign(id),
    queryFn: () => getCampaign(id),
    refetchInterval: (q) => (q.state.data?.status === 'running' ? 2000 : false),
  });
  if (campaign.isError) {
    return (
      <>
        <PageHeader title="Campaign" />
        <ErrorAlert error={campaign.error} title="The campaign could not be loaded" onRetry={() => void campaign.refetch()} />
      </>
    );
  }
  if (!campaign.data) {
    return (
      <>
        <PageHeader title="Campaign" />
        <Skeleton variant="rounded" height={240} />
      </>
    );
  }
  return <CampaignDetail campaign={campaign.data} />;
}

function CampaignDetail({ campaign }: { campaign: Campaign }) {
  const canWrite = useCan()('campaigns:write');
  const navigate = useNavigate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const tab = oneOf(params.get('tab'), TABS) || 'overview';
  const move = useCampaignMove((updated, request) => {
    if (request.move === 'duplicate') navigate(`/campaigns/${updated.id}`);
  });
  const [deleting, setDeleting] = useState(false);
  const remove = useMutation({
    mutationFn: () => deleteCampaign(campaign.id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.campaigns });
      notify({ message: 'Campaign deleted.' });
      navigate('/campaigns');
    },
  });
  const saveTemplate = useMutation({
    mutationFn: () => saveCampaignAsTemplate(campaign.id, { name: `${campaign.name} (template)` }),
    onSuccess: () => notify({ message: 'Saved as a campaign template.' }),
    onError: (error) => notify({ message: `Saving the template failed: ${errorMessage(error)}`, severity: 'error', retry: () => saveTemplate.mutate() }),
  });
  const live = campaign.status === 'running';

  const actions = canWrite ? (
    <>
      {campaign.actions.includes('edit') ? (
        <Button variant="outlined" component={RouterLink} to={`/campaigns/${campaign.id}/edit?step=1`}>
          Edit
        </Button>
      ) : null}
      {campaign.actions.includes('schedule') ? (
        <Button variant="outlined" component={RouterLink} to={`/campaigns/${campaign.id}/edit?step=4`}>
          Schedule
        </Button>
      ) : null}
      {MOVES.filter((m) => campaign.actions.includes(m)).map((m) => (
        <Button
          key={m}
          variant={m === 'launch' || m === 'resume' ? 'contained' : 'outlined'}
          color={MOVE_TEXT[m].confirm?.destructive ? 'error' : 'primary'}
          disabled={move.mutation.isPending}
          onClick={() => move.request({ id: campaign.id, name: campaign.name, move: m })}
        >
          {MOVE_TEXT[m].label}
        </Button>
      ))}
      <Button onClick={() => move.request({ id: campaign.id, name: campaign.name, move: 'duplicate' })} disabled={move.mutation.isPending}>
        Duplicate
      </Button>
      <Button onClick={() => saveTemplate.mutate()} disabled={saveTemplate.isPending}>
        Save as template
      </Button>
      {campaign.status !== 'running' ? (
        <Button color="error" onClick={() => setDeleting(true)}>
          Delete
        </Button>
      ) : null}
    </>
  ) : null;

  return (
    <>
      <PageHeader
        title={campaign.name}
        subtitle={
          <Stack component="span" direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
            <StatusChip status={campaign.status} />
            <span>
              {humanize(campaign.goal)} · {describeSchedule(campaign.schedule, campaign.timezone)}
              {campaign.nextRunAt ? ` · next run ${formatDateTime(campaign.nextRunAt)}` : ''}
              {campaign.launchedAt ? ` · launched ${formatDateTime(campaign.launchedAt)}` : ''}
            </span>
          </Stack>
        }
        actions={actions}
      />
      {campaign.pausedReason ? <Alert severity="warning" sx={{ mb: 2 }}>Paused: {humanize(campaign.pausedReason)}</Alert> : null}
      <Tabs
        value={tab}
        onChange={(_, value: string) => setParams({ tab: value }, { replace: true })}
        aria-label="Campaign sections"
        sx={{ mb: 2, borderBottom: 1, borderColor: 'divider' }}
        variant="scrollable"
      >
        {TABS.map((t) => (
          <Tab key={t} value={t} label={humanize(t)} />
        ))}
      </Tabs>
      {tab === 'overview' ? <Overview campaign={campaign} live={live} /> : null}
      {tab === 'metrics' ? <MetricsPanel campaignId={campaign.id} live={live} /> : null}
      {tab === 'deliveries' ? <CampaignDeliveriesTab campaign={campaign} /> : null}
      {tab === 'comments' ? <CommentsTab campaignId={campaign.id} /> : null}
      {tab === 'history' ? <HistoryTab campaignId={campaign.id} /> : null}
      {tab === 'team' ? <TeamTab campaignId={campaign.id} /> : null}
      <MoveConfirmDialog move={move} />
      <ConfirmDialog
        open={deleting}
        title="Delete this campaign?"
        confirmLabel="Delete campaign"
        destructive
        typeToConfirm={[campaign.name]}
        typeToConfirmLabel="Type the campaign name to confirm"
        busy={remove.isPending}
        error={remove.error}
        onConfirm={() => remove.mutate()}
        onClose={() => {
          remove.reset();
          setDeleting(false);
        }}
      >
        The campaign leaves every list. Its deliveries and audit trail are kept.
      </ConfirmDialog>
    </>
  );
}

function Overview({ campaign, live }: { campaign: Campaign; live: boolean }) {
  const preLaunch = campaign.status === 'draft' || campaign.status === 'scheduled';
  const readiness = useQuery({ queryKey: queryKeys.campaignReadiness(campaign.id), queryFn: () => getReadiness(campaign.id), enabled: preLaunch });
  return (
    <Stack spacing={2}>
      {preLaunch && readiness.data ? (
        readiness.data.ready ? (
          <Alert severity="success">{readinessSummary(readiness.data)} Audience {formatNumber(readiness.data.audienceSize)}.</Alert>
        ) : (
          <ReadinessList problems={readiness.data.problems} title={readinessSummary(readiness.data)} />
        )
      ) : null}
      {!preLaunch || live ? <ProgressPanel campaignId={campaign.id} status={campaign.status} /> : null}
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Typography variant="h3" component="h2" sx={{ mb: 1 }}>
          Steps
        </Typography>
        {campaign.steps.length === 0 ? <Typography color="text.secondary">No steps yet.</Typography> : null}
        {campaign.steps.map((step) => (
          <Box key={step.id} sx={{ mb: 1 }}>
            <Typography>{`${step.position}. ${step.name}`}</Typography>
            <Typography variant="body2" color="text.secondary">{describeStep(step)}</Typography>
          </Box>
        ))}
        <Typography variant="body2" sx={{ mt: 2 }}>
          Audience: {(campaign.audience.segmentIds ?? []).length} segments included, {(campaign.audience.excludeSegmentIds ?? []).length} excluded · Budget{' '}
          {campaign.budget === null ? 'none' : `${formatNumber(campaign.budget)} ${campaign.currency ?? ''}`} · Time zone {campaign.timezone}
        </Typography>
      </Paper>
    </Stack>
  );
}
