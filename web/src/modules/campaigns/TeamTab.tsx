import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Paper, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, TextField } from '@mui/material';
import { listCampaignTeam, removeCampaignMember, setCampaignRole } from '../../api/endpoints/campaigns';
import { listUsers } from '../../api/endpoints/settings';
import { errorMessage } from '../../api/problem';
import { queryKeys } from '../../api/queryKeys';
import { CAMPAIGN_ROLES, type CampaignMember, type CampaignRole } from '../../api/types';
import { useCan } from '../../auth/useCan';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { NativeSelectField } from '../../components/NativeSelectField';
import { formatDateTime, humanize } from '../../lib/format';

const roleOptions = CAMPAIGN_ROLES.map((r) => ({ value: r, label: humanize(r) }));

export function TeamTab({ campaignId }: { campaignId: string }) {
  const can = useCan();
  const canWrite = can('campaigns:write');
  const queryClient = useQueryClient();
  const team = useQuery({ queryKey: queryKeys.campaignTeam(campaignId), queryFn: () => listCampaignTeam(campaignId) });
  // The workspace's users to pick from, when the caller may list them; otherwise a user id is typed.
  const users = useQuery({ queryKey: queryKeys.userList(1, 200), queryFn: () => listUsers({ page: 1, pageSize: 200 }), enabled: can('users:manage') });
  const [userId, setUserId] = useState('');
  const [role, setRole] = useState<CampaignRole>('editor');
  const [removing, setRemoving] = useState<CampaignMember | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.campaignTeam(campaignId) });
  const grant = useMutation({
    mutationFn: (change: { userId: string; role: CampaignRole }) => setCampaignRole(campaignId, change.userId, change.role),
    onSuccess: async () => {
      setUserId('');
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (member: CampaignMember) => removeCampaignMember(campaignId, member.userId),
    onSuccess: async () => {
      setRemoving(null);
      await refresh();
    },
  });
  const memberIds = new Set(team.data?.map((m) => m.userId));
  return (
    <Stack spacing={2}>
      {team.isError ? <ErrorAlert error={team.error} title="The team could not be loaded" onRetry={() => void team.refetch()} /> : null}
      {team.data ? (
        <Paper variant="outlined">
          <TableContainer>
            <Table size="small" aria-label="Campaign team">
              <TableHead>
                <TableRow>
                  <TableCell>Person</TableCell>
                  <TableCell>Role</TableCell>
                  <TableCell>Granted</TableCell>
                  <TableCell align="right">Actions</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {team.data.map((member) => {
                  const who = member.displayName ?? member.email ?? member.userId;
                  return (
                    <TableRow key={member.userId}>
                      <TableCell>{who}{member.email && member.displayName ? ` · ${member.email}` : ''}</TableCell>
                      <TableCell>
                        {canWrite ? (
                          <NativeSelectField label={`Role of ${who}`} size="small" value={member.role} options={roleOptions} onChange={(e) => grant.mutate({ userId: member.userId, role: e.target.value as CampaignRole })} />
                        ) : (
                          humanize(member.role)
                        )}
                      </TableCell>
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(member.grantedAt)} by {member.grantedBy}</TableCell>
                      <TableCell align="right">
                        {canWrite ? <Button size="small" color="error" onClick={() => setRemoving(member)} aria-label={`Remove ${who}`}>Remove</Button> : null}
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </TableContainer>
        </Paper>
      ) : null}
      {grant.isError ? <Alert severity="error">{errorMessage(grant.error)}</Alert> : null}
      {canWrite ? (
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} role="group" aria-label="Add a team member">
          {users.data ? (
            <NativeSelectField
              label="Person"
              size="small"
              value={userId}
              options={[{ value: '', label: 'Choose a user' }, ...users.data.items.filter((u) => !memberIds.has(u.id)).map((u) => ({ value: u.id, label: u.displayName ? `${u.displayName} (${u.email})` : u.email }))]}
              onChange={(e) => setUserId(e.target.value)}
              sx={{ minWidth: 260 }}
            />
          ) : (
            <TextField label="User id" size="small" value={userId} onChange={(e) => setUserId(e.target.value.trim())} sx={{ minWidth: 320 }} />
          )}
          <NativeSelectField label="Role" size="small" value={role} options={roleOptions} onChange={(e) => setRole(e.target.value as CampaignRole)} />
          <Button variant="outlined" disabled={!userId || grant.isPending} onClick={() => grant.mutate({ userId, role })}>
            Add to team
          </Button>
        </Stack>
      ) : null}
      <ConfirmDialog
        open={removing !== null}
        title="Remove from the team?"
        confirmLabel="Remove"
        destructive
        busy={remove.isPending}
        error={remove.error}
        onConfirm={() => removing && remove.mutate(removing)}
        onClose={() => {
          remove.reset();
          setRemoving(null);
        }}
      >
        {`${removing?.displayName ?? removing?.email ?? ''} loses their role on this campaign.`}
      </ConfirmDialog>
    </Stack>
  );
}
