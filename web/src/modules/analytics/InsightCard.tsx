import { useId } from 'react';
import { Box, Button, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { setInsightState } from '../../api/endpoints/analytics';
import { errorMessage } from '../../api/problem';
import { queryKeys } from '../../api/queryKeys';
import { useCan } from '../../auth/useCan';
import { useNotify } from '../../components/notifyContext';
import ErrorIcon from '@mui/icons-material/Error';
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import InfoOutlinedIcon from '@mui/icons-material/InfoOutlined';
import type { Insight, InsightSeverity, InsightState } from '../../api/types';
import { dayLabel } from './dayLabel';
import { keyLabel } from './analyticsLabels';
import { formatInsightImpact, SEVERITY_LABELS } from './insightsData';

const SEVERITY_ICONS: Record<InsightSeverity, typeof ErrorIcon> = { critical: ErrorIcon, warning: WarningAmberIcon, info: InfoOutlinedIcon };
const SEVERITY_COLORS: Record<InsightSeverity, 'error' | 'warning' | 'info'> = { critical: 'error', warning: 'warning', info: 'info' };

/** One insight: its severity (colour, icon and word), what happened, the estimated impact and what to do. */
export function InsightCard({ insight, currency }: { insight: Insight; currency: string }) {
  const headingId = useId();
  const canManage = useCan()('analytics:manage');
  const notify = useNotify();
  const queryClient = useQueryClient();
  const state = insight.state ?? 'open';
  const change = useMutation({
    mutationFn: (next: InsightState) => setInsightState(insight.key ?? '', next),
    onSuccess: async (_, next) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.analytics });
      notify({ message: next === 'open' ? 'Insight opened again.' : next === 'done' ? 'Marked done: out of the feed for 30 days.' : 'Dismissed for 30 days.' });
    },
    onError: (error) => notify({ message: `Could not change the insight: ${errorMessage(error)}`, severity: 'error' }),
  });
  const color = SEVERITY_COLORS[insight.severity] ?? 'info';
  const Icon = SEVERITY_ICONS[insight.severity] ?? InfoOutlinedIcon;
  return (
    <Card
      variant="outlined"
      component="article"
      aria-labelledby={headingId}
      data-testid="insight"
      sx={{ height: '100%', borderLeftWidth: 4, borderLeftColor: `${color}.main` }}
    >
      <CardContent>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
          <Icon color={color} aria-hidden sx={{ mt: 0.25 }} />
          <Box sx={{ minWidth: 0, flex: 1 }}>
            <Typography variant="subtitle1" component="h3" id={headingId} sx={{ fontWeight: 600 }}>
              {insight.title}
            </Typography>
            <Stack direction="row" spacing={1} sx={{ my: 0.5, flexWrap: 'wrap', rowGap: 0.5 }}>
              <Chip size="small" color={color} label={SEVERITY_LABELS[insight.severity] ?? insight.severity} />
              {insight.channel ? <Chip size="small" variant="outlined" label={keyLabel(insight.channel)} /> : null}
              {insight.day ? <Chip size="small" variant="outlined" label={dayLabel(insight.day)} /> : null}
              {state !== 'open' ? <Chip size="small" variant="outlined" label={state === 'done' ? 'Done' : 'Dismissed'} data-testid="insight-state" /> : null}
            </Stack>
            <Typography variant="body2" color="text.secondary">
              {insight.detail}
            </Typography>
            <Typography variant="body2" sx={{ mt: 1 }} data-testid="insight-impact">
              Estimated impact: <strong>{formatInsightImpact(insight, currency)}</strong>
            </Typography>
            <Typography variant="body2" sx={{ mt: 0.5 }}>
              <strong>What to do:</strong> {insight.action}
            </Typography>
            <Stack direction="row" spacing={1} sx={{ mt: 1, ml: -0.5, flexWrap: 'wrap' }}>
              {insight.link ? (
                <Button component={RouterLink} to={insight.link} size="small">
                  {insight.link.startsWith('/segments/') ? 'Open the segment' : insight.link.startsWith('/campaigns/') ? 'Open the campaign' : 'Open'}
                </Button>
              ) : null}
              {canManage && state === 'open' ? (
                <>
                  <Button size="small" onClick={() => change.mutate('done')} disabled={change.isPending} aria-describedby={headingId}>
                    Mark done
                  </Button>
                  <Button size="small" color="inherit" onClick={() => change.mutate('dismissed')} disabled={change.isPending} aria-describedby={headingId}>
                    Dismiss
                  </Button>
                </>
              ) : null}
              {canManage && state !== 'open' ? (
                <Button size="small" onClick={() => change.mutate('open')} disabled={change.isPending} aria-describedby={headingId}>
                  Open again
                </Button>
              ) : null}
            </Stack>
          </Box>
        </Stack>
      </CardContent>
    </Card>
  );
}
