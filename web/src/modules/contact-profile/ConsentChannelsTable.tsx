import { Button, Table, TableBody, TableCell, TableContainer, TableHead, TableRow } from '@mui/material';
import { CONSENT_CHANNELS, type ConsentChannel, type ConsentChannelState } from '../../api/types';
import { StatusChip } from '../../components/StatusChip';
import { formatDateTime, humanize } from '../../lib/format';

interface Props {
  channels: ConsentChannelState[];
  canChange: boolean;
  onChange: (channel: ConsentChannel) => void;
}

/** One row per channel, including channels the server has no record for yet (unknown). */
export function ConsentChannelsTable({ channels, canChange, onChange }: Props) {
  return (
    <TableContainer>
      <Table size="small" aria-label="Consent by channel">
        <TableHead>
          <TableRow>
            <TableCell>Channel</TableCell>
            <TableCell>Status</TableCell>
            <TableCell>Source</TableCell>
            <TableCell>Legal basis</TableCell>
            <TableCell>Updated</TableCell>
            {canChange ? <TableCell align="right">Actions</TableCell> : null}
          </TableRow>
        </TableHead>
        <TableBody>
          {CONSENT_CHANNELS.map((channel) => {
            const state = channels.find((c) => c.channel === channel);
            const label = humanize(channel);
            return (
              <TableRow key={channel}>
                <TableCell component="th" scope="row">
                  {label}
                </TableCell>
                <TableCell>
                  <StatusChip status={state?.status ?? 'unknown'} />
                </TableCell>
                <TableCell>{state?.source ?? '—'}</TableCell>
                <TableCell>{humanize(state?.legalBasis)}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(state?.updatedAt)}</TableCell>
                {canChange ? (
                  <TableCell align="right">
                    <Button size="small" variant="outlined" aria-label={`Change ${channel} consent`} onClick={() => onChange(channel)}>
                      Change
                    </Button>
                  </TableCell>
                ) : null}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
