import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  Collapse,
  IconButton,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import ExpandLessIcon from '@mui/icons-material/ExpandLess';
import { getTimeline } from '../../api/endpoints/contacts';
import { queryKeys } from '../../api/queryKeys';
import type { TimelineEntry } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { JsonBlock } from '../../components/JsonBlock';
import { PagedTablePagination } from '../../components/PagedTablePagination';
import { TableSkeleton } from '../../components/TableSkeleton';
import { formatDateTime } from '../../lib/format';

function TimelineRow({ entry }: { entry: TimelineEntry }) {
  const [open, setOpen] = useState(false);
  const hasData = entry.data !== null && entry.data !== undefined;
  return (
    <>
      <TableRow>
        <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.occurredAt)}</TableCell>
        <TableCell>
          <code>{entry.kind}</code>
        </TableCell>
        <TableCell>{entry.summary}</TableCell>
        <TableCell align="right">
          {hasData ? (
            <IconButton
              size="small"
              aria-expanded={open}
              aria-label={open ? 'Hide details' : 'Show details'}
              onClick={() => setOpen((v) => !v)}
            >
              {open ? <ExpandLessIcon /> : <ExpandMoreIcon />}
            </IconButton>
          ) : null}
        </TableCell>
      </TableRow>
      {hasData ? (
        <TableRow>
          <TableCell colSpan={4} sx={{ py: 0, borderBottom: open ? undefined : 'none' }}>
            <Collapse in={open} unmountOnExit>
              <JsonBlock value={entry.data} label={`Details of ${entry.kind}`} />
            </Collapse>
          </TableCell>
        </TableRow>
      ) : null}
    </>
  );
}

export function TimelineTab({ contactId }: { contactId: string }) {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(25);
  const timeline = useQuery({
    queryKey: queryKeys.timeline(contactId, page, pageSize),
    queryFn: () => getTimeline(contactId, { page, pageSize }),
    placeholderData: keepPreviousData,
  });
  if (timeline.isError) {
    return <ErrorAlert error={timeline.error} title="Timeline could not be loaded" onRetry={() => timeline.refetch()} />;
  }
  const items = timeline.data?.items ?? [];
  return (
    <Paper variant="outlined">
      <TableContainer>
        <Table size="small" aria-label="Timeline">
          <TableHead>
            <TableRow>
              <TableCell>When</TableCell>
              <TableCell>Event</TableCell>
              <TableCell>Summary</TableCell>
              <TableCell align="right">
                <span className="visually-hidden">Details</span>
              </TableCell>
            </TableRow>
          </TableHead>
          {timeline.isPending ? (
            <TableSkeleton columns={4} />
          ) : (
            <TableBody>
              {items.map((entry) => (
                <TimelineRow key={entry.id} entry={entry} />
              ))}
            </TableBody>
          )}
        </Table>
      </TableContainer>
      {!timeline.isPending && items.length === 0 ? (
        <Typography sx={{ p: 2 }} color="text.secondary">
          Nothing has happened to this contact yet.
        </Typography>
      ) : null}
      {timeline.data && timeline.data.total > 0 ? (
        <PagedTablePagination
          total={timeline.data.total}
          page={page}
          pageSize={pageSize}
          onPageChange={setPage}
          onPageSizeChange={(size) => {
            setPageSize(size);
            setPage(1);
          }}
        />
      ) : null}
    </Paper>
  );
}
