import { Link as RouterLink, useNavigate } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Chip, Link, Stack, TableCell, TableRow, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import { listCampaigns } from '../../api/endpoints/campaigns';
import { queryKeys } from '../../api/queryKeys';
import { CAMPAIGN_STATUSES, type CampaignSummary } from '../../api/types';
import { useCan } from '../../auth/useCan';
import { EmptyState } from '../../components/EmptyState';
import { NativeSelectField } from '../../components/NativeSelectField';
import { PagedTable, type PagedTableColumn } from '../../components/PagedTable';
import { PageHeader } from '../../components/PageHeader';
import { StatusChip } from '../../components/StatusChip';
import { SearchField } from '../../components/SearchField';
import { formatDateTime, formatNumber, humanize } from '../../lib/format';
import { CAMPAIGN_SORTS, toCampaignQuery, toggleStatus, useCampaignListParams, type CampaignSort } from './campaignListParams';
import { MOVE_TEXT, rowMoves } from './campaignMoves';
import { MoveConfirmDialog } from './MoveConfirmDialog';
import { useCampaignMove } from './useCampaignMove';

const COLUMNS: PagedTableColumn[] = [
  { label: 'Name' },
  { label: 'Status' },
  { label: 'Goal' },
  { label: 'Steps', align: 'right' },
  { label: 'Next run' },
  { label: 'Updated' },
  { label: 'Actions', align: 'right' },
];

export function CampaignsListPage() {
  const canWrite = useCan()('campaigns:write');
  const navigate = useNavigate();
  const { filters, update, clear, hasFilters } = useCampaignListParams();
  const query = toCampaignQuery(filters);
  const campaigns = useQuery({
    queryKey: queryKeys.campaignList(query),
    queryFn: () => listCampaigns(query),
    placeholderData: keepPreviousData,
  });
  const move = useCampaignMove((campaign, request) => {
    if (request.move === 'duplicate') navigate(`/campaigns/${campaign.id}`);
  });
  const newButton = canWrite ? (
    <Button variant="contained" startIcon={<AddIcon />} component={RouterLink} to="/campaigns/new">
      New campaign
    </Button>
  ) : null;

  const renderRow = (campaign: CampaignSummary) => (
    <TableRow key={campaign.id} hover>
      <TableCell>
        <Link component={RouterLink} to={`/campaigns/${campaign.id}`}>
          {campaign.name}
        </Link>
      </TableCell>
      <TableCell>
        <StatusChip status={campaign.status} />
      </TableCell>
      <TableCell>{humanize(campaign.goal)}</TableCell>
      <TableCell align="right">{campaign.steps}</TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(campaign.nextRunAt)}</TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(campaign.updatedAt)}</TableCell>
      <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
        {canWrite
          ? rowMoves(campaign.status).map((action) => (
              <Button
                key={action}
                size="small"
                disabled={move.mutation.isPending}
                onClick={() => move.request({ id: campaign.id, name: campaign.name, move: action })}
                aria-label={`${MOVE_TEXT[action].label} ${campaign.name}`}
              >
                {MOVE_TEXT[action].label}
              </Button>
            ))
          : null}
      </TableCell>
    </TableRow>
  );

  return (
    <>
      <PageHeader
        title="Campaigns"
        subtitle={campaigns.data ? `${formatNumber(campaigns.data.total)} campaigns${hasFilters ? ' match' : ''}` : undefined}
        actions={newButton}
      />
      <Stack spacing={2} sx={{ mb: 2 }} role="group" aria-label="Filters">
        <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1 }} role="group" aria-label="Status">
          {CAMPAIGN_STATUSES.map((status) => {
            const selected = filters.statuses.includes(status);
            return (
              <Chip
                key={status}
                label={humanize(status)}
                color={selected ? 'primary' : 'default'}
                variant={selected ? 'filled' : 'outlined'}
                aria-pressed={selected}
                onClick={() => update({ statuses: toggleStatus(filters.statuses, status) })}
              />
            );
          })}
        </Stack>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
          <SearchField
            label="Search campaigns"
            size="small"
            value={filters.search}
            onDebouncedChange={(search) => update({ search })}
            placeholder="Campaign name"
            sx={{ minWidth: 280 }}
          />
          <NativeSelectField
            label="Sort"
            size="small"
            value={filters.sort}
            options={CAMPAIGN_SORTS}
            onChange={(event) => update({ sort: event.target.value as CampaignSort })}
            sx={{ minWidth: 200 }}
          />
        </Stack>
      </Stack>
      <PagedTable
        label="Campaigns"
        columns={COLUMNS}
        query={campaigns}
        renderRow={renderRow}
        empty={
          hasFilters ? (
            <EmptyState title="No campaigns match these filters" actions={<Button onClick={clear}>Clear filters</Button>} />
          ) : (
            <EmptyState
              title="No campaigns yet"
              description={
                <Typography component="span">
                  A campaign sends one or more steps to an audience of segments, now, at a time or on a schedule.
                </Typography>
              }
              actions={newButton}
            />
          )
        }
        page={filters.page}
        pageSize={filters.pageSize}
        onPageChange={(page) => update({ page })}
        onPageSizeChange={(pageSize) => update({ pageSize })}
      />
      <MoveConfirmDialog move={move} />
    </>
  );
}
