import { useId } from 'react';
import { Box, Card, CardContent, List, ListItem, Stack, Typography } from '@mui/material';
import type { SeoAudit } from '../../api/types';
import { EmptyState } from '../../components/EmptyState';
import { formatDateTime, humanize } from '../../lib/format';
import { ScoreChip, SeverityChip } from './SeoChips';
import { groupBySeverity } from './seoFormat';

/** The latest audit's findings, most severe first, each with the element it found and how to fix it. */
export function FindingsList({ audit }: { audit: SeoAudit | undefined }) {
  const headingId = useId();
  const groups = audit ? groupBySeverity(audit.findings) : [];
  return (
    <Card variant="outlined" component="section" aria-labelledby={headingId}>
      <CardContent>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
          <Typography variant="h3" component="h2" id={headingId}>
            Findings
          </Typography>
          {audit ? <ScoreChip score={audit.score} /> : null}
        </Stack>
        {audit ? (
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            Audited {formatDateTime(audit.createdAt)} · HTTP {audit.status} · {audit.findings.length}{' '}
            {audit.findings.length === 1 ? 'finding' : 'findings'}
          </Typography>
        ) : null}
        {!audit ? <EmptyState title="Not audited yet" description="Re-audit the page to fetch it and see what to fix." /> : null}
        {audit && groups.length === 0 ? <EmptyState title="No findings" description="The page passes every rule." /> : null}
        {groups.map((group) => (
          <Box key={group.severity} component="section" aria-label={`${humanize(group.severity)} findings`} sx={{ mt: 2 }}>
            <Typography variant="subtitle1" component="h3">
              {humanize(group.severity)} ({group.items.length})
            </Typography>
            <List dense disablePadding>
              {group.items.map((finding, index) => (
                <ListItem key={`${finding.ruleId}-${index}`} disableGutters sx={{ display: 'block', py: 1, borderBottom: 1, borderColor: 'divider' }}>
                  <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 0.5 }}>
                    <SeverityChip severity={finding.severity} />
                    <Box component="code" sx={{ fontFamily: 'monospace', fontSize: 13 }}>
                      {finding.ruleId}
                    </Box>
                  </Stack>
                  <Typography sx={{ mt: 0.5 }}>{finding.message}</Typography>
                  {finding.element ? (
                    <Box
                      component="code"
                      title={finding.element}
                      sx={{
                        display: 'block',
                        fontFamily: 'monospace',
                        fontSize: 12,
                        bgcolor: 'action.hover',
                        px: 1,
                        py: 0.5,
                        mt: 0.5,
                        borderRadius: 1,
                        overflow: 'hidden',
                        textOverflow: 'ellipsis',
                        whiteSpace: 'nowrap',
                        maxWidth: '100%',
                      }}
                    >
                      {finding.element}
                    </Box>
                  ) : null}
                  <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
                    Fix: {finding.fix}
                  </Typography>
                </ListItem>
              ))}
            </List>
          </Box>
        ))}
      </CardContent>
    </Card>
  );
}
