import { useMemo, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Box,
  Grid,
  Link,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { listSegments, segmentsPreview } from '../../api/endpoints/segments';
import { isApiError } from '../../api/problem';
import { queryKeys } from '../../api/queryKeys';
import { useCan } from '../../auth/useCan';
import { ErrorAlert } from '../../components/ErrorAlert';
import { NativeSelectField } from '../../components/NativeSelectField';
import { TableSkeleton } from '../../components/TableSkeleton';
import { formatNumber, humanize } from '../../lib/format';
import { DebouncedTextField } from '../contacts/DebouncedTextField';
import { AudiencePreviewPanel } from '../segments/AudiencePreviewPanel';
import { useAudiencePreview } from '../segments/useAudiencePreview';
import type { AudienceValues } from './wizardModel';

type Choice = '' | 'include' | 'exclude';

export function AudienceStep({ values, onChange }: { values: AudienceValues; onChange: (values: AudienceValues) => void }) {
  const canBuildSegments = useCan()('segments:write');
  const [search, setSearch] = useState('');
  const query = { search, page: 1, pageSize: 100 };
  const segments = useQuery({
    queryKey: queryKeys.segmentList(query),
    queryFn: () => listSegments(query),
    placeholderData: keepPreviousData,
    retry: (count, error) => !(isApiError(error) && [404, 405].includes(error.status)) && count < 2,
  });
  const body = useMemo(
    () => (values.segmentIds.length > 0 ? segmentsPreview(values.segmentIds, values.excludeSegmentIds) : null),
    [values],
  );
  const preview = useAudiencePreview(body);

  const choiceOf = (id: string): Choice =>
    values.segmentIds.includes(id) ? 'include' : values.excludeSegmentIds.includes(id) ? 'exclude' : '';
  const choose = (id: string, choice: Choice) => {
    const segmentIds = values.segmentIds.filter((s) => s !== id);
    const excludeSegmentIds = values.excludeSegmentIds.filter((s) => s !== id);
    if (choice === 'include') segmentIds.push(id);
    if (choice === 'exclude') excludeSegmentIds.push(id);
    onChange({ segmentIds, excludeSegmentIds });
  };

  return (
    <Grid container spacing={3}>
      <Grid size={{ xs: 12, md: 8 }}>
        <Stack spacing={2}>
          <Typography>
            The audience is everyone in any included segment, minus everyone in an excluded one. Consent is checked per channel at
            send time.
          </Typography>
          <DebouncedTextField
            label="Search segments"
            type="search"
            size="small"
            value={search}
            onDebouncedChange={setSearch}
            sx={{ maxWidth: 320 }}
          />
          {segments.isError ? (
            isApiError(segments.error) && (segments.error.status === 404 || segments.error.status === 405) ? (
              <Alert severity="warning">
                Segments are not available on this server yet, so no audience can be chosen. You can still save the campaign as a
                draft and add its audience later.
              </Alert>
            ) : (
              <ErrorAlert error={segments.error} title="Segments could not be loaded" onRetry={() => void segments.refetch()} />
            )
          ) : (
            <Paper variant="outlined">
              <TableContainer>
                <Table size="small" aria-label="Segments">
                  <TableHead>
                    <TableRow>
                      <TableCell>Segment</TableCell>
                      <TableCell>Type</TableCell>
                      <TableCell align="right">Members</TableCell>
                      <TableCell>In this campaign</TableCell>
                    </TableRow>
                  </TableHead>
                  {segments.isPending ? (
                    <TableSkeleton columns={4} />
                  ) : (
                    <TableBody>
                      {segments.data.items.map((segment) => (
                        <TableRow key={segment.id} selected={choiceOf(segment.id) !== ''}>
                          <TableCell>{segment.name}</TableCell>
                          <TableCell>{humanize(segment.type)}</TableCell>
                          <TableCell align="right">{formatNumber(segment.memberCount)}</TableCell>
                          <TableCell>
                            <NativeSelectField
                              label={`Use ${segment.name}`}
                              size="small"
                              value={choiceOf(segment.id)}
                              options={[
                                { value: '', label: 'Not used' },
                                { value: 'include', label: 'Include' },
                                { value: 'exclude', label: 'Exclude' },
                              ]}
                              onChange={(e) => choose(segment.id, e.target.value as Choice)}
                            />
                          </TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  )}
                </Table>
              </TableContainer>
              {segments.data && segments.data.items.length === 0 ? (
                <Box sx={{ p: 2 }}>
                  <Typography color="text.secondary">
                    {search ? 'No segments match.' : 'No segments yet. '}
                    {search || !canBuildSegments ? null : (
                      <Link component={RouterLink} to="/segments/new">
                        Build a segment
                      </Link>
                    )}
                  </Typography>
                </Box>
              ) : null}
            </Paper>
          )}
          <Typography variant="body2" color="text.secondary">
            {values.segmentIds.length} included, {values.excludeSegmentIds.length} excluded
          </Typography>
        </Stack>
      </Grid>
      <Grid size={{ xs: 12, md: 4 }}>
        <AudiencePreviewPanel preview={preview} idleText="Include a segment to see the audience size and reach." />
      </Grid>
    </Grid>
  );
}
