import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Box, Button, Paper, Stack, Typography } from '@mui/material';
import { getReadiness, moveCampaign, scheduleCampaign } from '../../api/endpoints/campaigns';
import { queryKeys } from '../../api/queryKeys';
import type { Campaign, ReadinessProblem } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatNumber, humanize } from '../../lib/format';
import { conflictProblems, readinessSummary } from './readiness';
import { ReadinessList } from './ReadinessList';
import { buildScheduleBody, SCHEDULE_KIND_LABELS, type ScheduleValues } from './schedule';
import { describeStep } from './StepsStep';

interface Props {
  campaign: Campaign;
  schedule: ScheduleValues;
  onDone: (campaign: Campaign) => void;
}

/** The summary, the readiness check and the final move: Launch (send now) or Schedule. */
export function ReviewStep({ campaign, schedule, onDone }: Props) {
  const queryClient = useQueryClient();
  const readiness = useQuery({ queryKey: queryKeys.campaignReadiness(campaign.id), queryFn: () => getReadiness(campaign.id) });
  const built = buildScheduleBody(schedule);
  const go = useMutation({
    mutationFn: () => {
      if (!built.ok) throw new Error('Fix the schedule first.');
      return built.body ? scheduleCampaign(campaign.id, built.body) : moveCampaign(campaign.id, 'launch');
    },
    onSuccess: async (updated) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.campaigns });
      onDone(updated);
    },
    onError: () => void readiness.refetch(),
  });
  const serverProblems: ReadinessProblem[] | null = conflictProblems(go.error);
  const ready = readiness.data?.ready ?? false;
  const launching = built.ok && built.body === null;
  const canMove = launching ? campaign.actions.includes('launch') : campaign.actions.includes('schedule');

  return (
    <Stack spacing={2}>
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Box component="dl" sx={{ m: 0, display: 'grid', gridTemplateColumns: { sm: '160px 1fr' }, rowGap: 1 }}>
          <Typography component="dt" color="text.secondary">Name</Typography>
          <Typography component="dd" sx={{ m: 0 }}>{campaign.name}</Typography>
          <Typography component="dt" color="text.secondary">Goal</Typography>
          <Typography component="dd" sx={{ m: 0 }}>{humanize(campaign.goal)}</Typography>
          <Typography component="dt" color="text.secondary">Audience</Typography>
          <Typography component="dd" sx={{ m: 0 }}>
            {(campaign.audience.segmentIds ?? []).length} segments included, {(campaign.audience.excludeSegmentIds ?? []).length} excluded
            {readiness.data ? ` · ${formatNumber(readiness.data.audienceSize)} contacts, ${formatNumber(readiness.data.reachable.email ?? 0)} reachable by email` : ''}
          </Typography>
          <Typography component="dt" color="text.secondary">Steps</Typography>
          <Box component="dd" sx={{ m: 0 }}>
            {campaign.steps.length === 0 ? 'None' : campaign.steps.map((s) => <Typography key={s.id}>{`${s.position}. ${s.name} — ${describeStep(s)}`}</Typography>)}
          </Box>
          <Typography component="dt" color="text.secondary">When</Typography>
          <Typography component="dd" sx={{ m: 0 }}>
            {SCHEDULE_KIND_LABELS[schedule.kind]}
            {built.ok && built.body ? ` — ${JSON.stringify(built.body)}` : ''} ({campaign.timezone})
          </Typography>
        </Box>
      </Paper>
      <Typography variant="h3" component="h3">
        Readiness check
      </Typography>
      {readiness.isError ? <ErrorAlert error={readiness.error} title="The readiness check failed" onRetry={() => void readiness.refetch()} /> : null}
      {readiness.isPending ? <Typography color="text.secondary">Checking…</Typography> : null}
      {readiness.data ? (
        readiness.data.ready ? (
          <Alert severity="success" role="status">{readinessSummary(readiness.data)}</Alert>
        ) : (
          <ReadinessList problems={readiness.data.problems} title={readinessSummary(readiness.data)} />
        )
      ) : null}
      {serverProblems ? <ReadinessList problems={serverProblems} title="The server refused: the campaign is not ready" /> : null}
      {go.isError && !serverProblems ? <ErrorAlert error={go.error} title={launching ? 'The campaign could not be launched' : 'The campaign could not be scheduled'} /> : null}
      {!built.ok ? <Alert severity="error">The schedule is incomplete: go back to the Schedule step.</Alert> : null}
      <Stack direction="row" spacing={1}>
        <Button variant="outlined" onClick={() => void readiness.refetch()} disabled={readiness.isFetching}>
          Check again
        </Button>
        <Button variant="contained" onClick={() => go.mutate()} disabled={!ready || !built.ok || !canMove || go.isPending}>
          {launching ? 'Launch now' : 'Schedule'}
        </Button>
      </Stack>
    </Stack>
  );
}
