import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Box, Button, List, ListItem, ListItemText, Paper, Stack, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import { deleteCampaignStep } from '../../api/endpoints/campaigns';
import { queryKeys } from '../../api/queryKeys';
import type { Campaign, CampaignStep } from '../../api/types';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { humanize } from '../../lib/format';
import { StepEditor } from './StepEditor';

/** A step in words. Inline email content is stored by the host as a campaign-owned template, so every variant has a templateId. */
export function describeStep(step: CampaignStep): string {
  const variants = step.variants.length > 1 ? `A/B: ${step.variants.map((v) => `${v.name} (${v.weight})`).join(', ')}` : 'one content';
  const extra = [step.delayMinutes > 0 ? `${step.delayMinutes} min after launch` : null, step.holdoutPercent > 0 ? `${step.holdoutPercent} % holdout` : null]
    .filter(Boolean)
    .join(' · ');
  return `${humanize(step.channel)} · ${variants}${extra ? ` · ${extra}` : ''}`;
}

export function StepsStep({ campaign }: { campaign: Campaign }) {
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<CampaignStep | 'new' | null>(campaign.steps.length === 0 ? 'new' : null);
  const [deleting, setDeleting] = useState<CampaignStep | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.campaign(campaign.id) });
  const remove = useMutation({
    mutationFn: (step: CampaignStep) => deleteCampaignStep(campaign.id, step.id),
    onSuccess: async () => {
      setDeleting(null);
      await refresh();
    },
  });
  const editable = campaign.actions.includes('edit');

  return (
    <Stack spacing={2}>
      {!editable ? <Alert severity="info">Steps can be changed only while the campaign is a draft.</Alert> : null}
      {campaign.steps.length === 0 && editing === null ? <Typography color="text.secondary">No steps yet.</Typography> : null}
      {campaign.steps.length > 0 ? (
        <Paper variant="outlined">
          <List aria-label="Campaign steps">
            {campaign.steps.map((step) => (
              <ListItem
                key={step.id}
                secondaryAction={
                  editable ? (
                    <Stack direction="row" spacing={1}>
                      <Button size="small" onClick={() => setEditing(step)} aria-label={`Edit ${step.name}`}>
                        Edit
                      </Button>
                      <Button size="small" color="error" onClick={() => setDeleting(step)} aria-label={`Delete ${step.name}`}>
                        Delete
                      </Button>
                    </Stack>
                  ) : null
                }
              >
                <ListItemText primary={`${step.position}. ${step.name}`} secondary={describeStep(step)} />
              </ListItem>
            ))}
          </List>
        </Paper>
      ) : null}
      {editing !== null ? (
        <StepEditor
          key={editing === 'new' ? 'new' : editing.id}
          campaignId={campaign.id}
          step={editing === 'new' ? null : editing}
          onSaved={async () => {
            setEditing(null);
            await refresh();
          }}
          onCancel={() => setEditing(null)}
        />
      ) : editable ? (
        <Box>
          <Button startIcon={<AddIcon />} onClick={() => setEditing('new')}>
            Add email step
          </Button>
        </Box>
      ) : null}
      <ConfirmDialog
        open={deleting !== null}
        title="Delete this step?"
        confirmLabel="Delete step"
        destructive
        busy={remove.isPending}
        error={remove.error}
        onConfirm={() => deleting && remove.mutate(deleting)}
        onClose={() => {
          remove.reset();
          setDeleting(null);
        }}
      >
        {`"${deleting?.name ?? ''}" and its content are removed from the campaign.`}
      </ConfirmDialog>
    </Stack>
  );
}
