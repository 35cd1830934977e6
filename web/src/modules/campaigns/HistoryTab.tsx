import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { TableCell, TableRow } from '@mui/material';
import { getCampaignHistory } from '../../api/endpoints/campaigns';
import { queryKeys } from '../../api/queryKeys';
import type { CampaignHistoryEntry } from '../../api/types';
import { EmptyState } from '../../components/EmptyState';
import { PagedTable } from '../../components/PagedTable';
import { formatDateTime, humanize } from '../../lib/format';

const COLUMNS = [{ label: '#', align: 'right' as const }, { label: 'When' }, { label: 'Who' }, { label: 'What' }];

export function HistoryTab({ campaignId }: { campaignId: string }) {
  const [page, setPage] = useState(1);
  const history = useQuery({
    queryKey: queryKeys.campaignHistory(campaignId, page),
    queryFn: () => getCampaignHistory(campaignId, page, 50),
    placeholderData: keepPreviousData,
  });
  return (
    <PagedTable
      label="Campaign history"
      columns={COLUMNS}
      query={history}
      renderRow={(entry: CampaignHistoryEntry) => (
        <TableRow key={entry.sequence}>
          <TableCell align="right">{entry.sequence}</TableCell>
          <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.at)}</TableCell>
          <TableCell>{entry.actor}</TableCell>
          <TableCell title={entry.action}>{humanize(entry.action.replace(/^campaign\./, ''))}</TableCell>
        </TableRow>
      )}
      empty={<EmptyState title="No history yet" />}
      page={page}
      pageSize={50}
      onPageChange={setPage}
    />
  );
}
