import { Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import type { ConsentHistoryEntry, ConsentProof } from '../../api/types';
import { StatusChip } from '../../components/StatusChip';
import { formatDateTime, humanize } from '../../lib/format';

function proofText(proof: ConsentProof | null): string {
  if (!proof) return '—';
  const parts = [
    proof.ip ? `IP ${proof.ip}` : null,
    proof.reference ? `Ref ${proof.reference}` : null,
    proof.userAgent ? `UA ${proof.userAgent}` : null,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : '—';
}

export function ConsentHistoryTable({ history }: { history: ConsentHistoryEntry[] }) {
  if (history.length === 0) {
    return <Typography color="text.secondary">No consent changes recorded yet.</Typography>;
  }
  const rows = [...history].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));
  return (
    <TableContainer>
      <Table size="small" aria-label="Consent history">
        <TableHead>
          <TableRow>
            <TableCell>When</TableCell>
            <TableCell>Channel</TableCell>
            <TableCell>Status</TableCell>
            <TableCell>Source</TableCell>
            <TableCell>Legal basis</TableCell>
            <TableCell>Proof</TableCell>
            <TableCell>Actor</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((entry, index) => (
            <TableRow key={`${entry.occurredAt}-${entry.channel}-${index}`}>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.occurredAt)}</TableCell>
              <TableCell>{entry.channel === 'all' ? 'All channels' : humanize(entry.channel)}</TableCell>
              <TableCell>
                <StatusChip status={entry.status} />
              </TableCell>
              <TableCell>{entry.source ?? '—'}</TableCell>
              <TableCell>{humanize(entry.legalBasis)}</TableCell>
              <TableCell sx={{ maxWidth: 320, wordBreak: 'break-word' }}>{proofText(entry.proof)}</TableCell>
              <TableCell>{entry.actor || '—'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
