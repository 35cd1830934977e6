import { useQuery } from '@tanstack/react-query';
import { Chip, List, ListItem, ListItemText, Paper, Skeleton, Typography } from '@mui/material';
import { listTemplateVersions } from '../../api/endpoints/templates';
import { queryKeys } from '../../api/queryKeys';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../lib/format';

/** The latest saved versions, newest first; messages keep rendering the version they were queued with. */
export function TemplateVersions({ templateId, current }: { templateId: string; current: number }) {
  const versions = useQuery({ queryKey: queryKeys.templateVersions(templateId), queryFn: () => listTemplateVersions(templateId) });
  return (
    <Paper variant="outlined" component="section" aria-labelledby="versions-heading" sx={{ p: 2 }}>
      <Typography variant="h2" id="versions-heading" sx={{ mb: 1 }}>
        Versions
      </Typography>
      {versions.isPending ? (
        <Skeleton variant="rectangular" height={80} aria-label="Loading versions" />
      ) : versions.isError ? (
        <ErrorAlert error={versions.error} title="Versions could not be loaded" onRetry={() => versions.refetch()} />
      ) : versions.data.items.length === 0 ? (
        <Typography color="text.secondary">No versions saved yet.</Typography>
      ) : (
        <List dense disablePadding aria-labelledby="versions-heading">
          {versions.data.items.map((version) => (
              <ListItem key={version.version} disableGutters>
                <ListItemText
                  primary={
                    <>
                      Version {version.version}
                      {version.version === current ? <Chip size="small" label="Current" color="primary" variant="outlined" sx={{ ml: 1 }} /> : null}
                    </>
                  }
                  secondary={`${formatDateTime(version.createdAt)} · ${version.createdBy} · ${version.subject}`}
                />
              </ListItem>
          ))}
        </List>
      )}
    </Paper>
  );
}
