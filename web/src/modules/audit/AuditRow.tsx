import { useState } from 'react';
import { Box, Collapse, IconButton, TableCell, TableRow, Typography } from '@mui/material';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import ExpandLessIcon from '@mui/icons-material/ExpandLess';
import type { AuditEntry } from '../../api/types';
import { JsonBlock } from '../../components/JsonBlock';
import { formatDateTime } from '../../lib/format';

const COLUMN_COUNT = 6;

function Hash({ label, value }: { label: string; value: string }) {
  return (
    <Typography variant="body2" sx={{ wordBreak: 'break-all' }}>
      <strong>{label}:</strong> <code>{value || '—'}</code>
    </Typography>
  );
}

export function AuditRow({ entry }: { entry: AuditEntry }) {
  const [open, setOpen] = useState(false);
  const detailsId = `audit-details-${entry.sequence}`;
  return (
    <>
      <TableRow hover sx={{ '& > td': { borderBottom: open ? 'none' : undefined } }}>
        <TableCell padding="checkbox">
          <IconButton
            size="small"
            aria-expanded={open}
            aria-controls={detailsId}
            aria-label={`${open ? 'Hide' : 'Show'} details of entry ${entry.sequence}`}
            onClick={() => setOpen((v) => !v)}
          >
            {open ? <ExpandLessIcon /> : <ExpandMoreIcon />}
          </IconButton>
        </TableCell>
        <TableCell>{entry.sequence}</TableCell>
        <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.occurredAt)}</TableCell>
        <TableCell>{entry.actor}</TableCell>
        <TableCell>
          <code>{entry.action}</code>
        </TableCell>
        <TableCell>
          {entry.entityType}
          {entry.entityId ? (
            <Typography variant="caption" component="div" color="text.secondary" sx={{ wordBreak: 'break-all' }}>
              {entry.entityId}
            </Typography>
          ) : null}
        </TableCell>
      </TableRow>
      <TableRow>
        <TableCell colSpan={COLUMN_COUNT} sx={{ py: 0 }}>
          <Collapse in={open} unmountOnExit>
            <Box id={detailsId} sx={{ py: 2, display: 'grid', gap: 2 }}>
              {entry.payloadErased ? (
                <Typography variant="body2">
                  The before/after payload was erased (GDPR); the hashes below still verify the chain.
                </Typography>
              ) : null}
              <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' } }}>
                <Box>
                  <Typography variant="subtitle2" component="h3">
                    Before
                  </Typography>
                  <JsonBlock value={entry.before} label={`State before entry ${entry.sequence}`} />
                </Box>
                <Box>
                  <Typography variant="subtitle2" component="h3">
                    After
                  </Typography>
                  <JsonBlock value={entry.after} label={`State after entry ${entry.sequence}`} />
                </Box>
              </Box>
              <Hash label="Payload digest" value={entry.payloadDigest} />
              <Hash label="Previous hash" value={entry.previousHash} />
              <Hash label="Hash" value={entry.hash} />
            </Box>
          </Collapse>
        </TableCell>
      </TableRow>
    </>
  );
}
