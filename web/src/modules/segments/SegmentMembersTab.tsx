import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, TableCell, TableRow } from '@mui/material';
import { listSegmentMembers } from '../../api/endpoints/segments';
import { queryKeys } from '../../api/queryKeys';
import type { SegmentMember } from '../../api/segmentTypes';
import { EmptyState } from '../../components/EmptyState';
import { PagedTable } from '../../components/PagedTable';
import { formatDateTime } from '../../lib/format';

const COLUMNS = [{ label: 'Contact' }, { label: 'Email' }, { label: 'Member since' }];

export function SegmentMembersTab({ segmentId }: { segmentId: string }) {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(25);
  const members = useQuery({
    queryKey: queryKeys.segmentMembers(segmentId, page, pageSize),
    queryFn: () => listSegmentMembers(segmentId, page, pageSize),
    placeholderData: keepPreviousData,
  });
  return (
    <PagedTable
      label="Segment members"
      columns={COLUMNS}
      query={members}
      renderRow={(m: SegmentMember) => (
        <TableRow key={m.contactId} hover>
          <TableCell>
            <Link component={RouterLink} to={`/contacts/${m.contactId}`}>{m.name || m.email || m.contactId}</Link>
          </TableCell>
          <TableCell>{m.email ?? '—'}</TableCell>
          <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(m.addedAt)}</TableCell>
        </TableRow>
      )}
      empty={<EmptyState title="No members" description="Refresh the segment after saving to compute its members." />}
      page={page}
      pageSize={pageSize}
      onPageChange={setPage}
      onPageSizeChange={(size) => {
        setPageSize(size);
        setPage(1);
      }}
    />
  );
}
