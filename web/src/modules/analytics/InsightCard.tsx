import { useId } from 'react';
import { Box, Button, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router';
import ErrorIcon from '@mui/icons-material/Error';
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import InfoOutlinedIcon from '@mui/icons-material/InfoOutlined';
import type { Insight, InsightSeverity } from '../../api/types';
import { dayLabel } from './dayLabel';
import { keyLabel } from './analyticsLabels';
import { formatInsightImpact, SEVERITY_LABELS } from './insightsData';

const SEVERITY_ICONS: Record<InsightSeverity, typeof ErrorIcon> = { critical: ErrorIcon, warning: WarningAmberIcon, info: InfoOutlinedIcon };
const SEVERITY_COLORS: Record<InsightSeverity, 'error' | 'warning' | 'info'> = { critical: 'error', warning: 'warning', info: 'info' };

/** One insight: its severity (colour, icon and word), what happened, the estimated impact and what to do. */
export function InsightCard({ insight, currency }: { insight: Insight; currency: string }) {
  const headingId = useId();
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
            {insight.link ? (
              <Button component={RouterLink} to={insight.link} size="small" sx={{ mt: 1, ml: -0.5 }}>
                {insight.link.startsWith('/segments/') ? 'Open the segment' : insight.link.startsWith('/campaigns/') ? 'Open the campaign' : 'Open'}
              </Button>
            ) : null}
          </Box>
        </Stack>
      </CardContent>
    </Card>
  );
}
