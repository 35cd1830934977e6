import { Link as RouterLink } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Chip, Link, Stack, TableCell, TableRow, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import { listTemplates } from '../../api/endpoints/templates';
import { queryKeys } from '../../api/queryKeys';
import type { TemplateSummary } from '../../api/types';
import { useCan } from '../../auth/useCan';
import { EmptyState } from '../../components/EmptyState';
import { NativeSelectField } from '../../components/NativeSelectField';
import { PagedTable } from '../../components/PagedTable';
import { PageHeader } from '../../components/PageHeader';
import { SearchField } from '../../components/SearchField';
import { formatDateTime, formatNumber } from '../../lib/format';
import { toTemplateQuery, useTemplateListParams } from './templateListParams';

const COLUMNS = [{ label: 'Name' }, { label: 'Subject' }, { label: 'Version', align: 'right' as const }, { label: 'Updated' }];

export function TemplatesListPage() {
  const canWrite = useCan()('templates:write');
  const { filters, update } = useTemplateListParams();
  const query = toTemplateQuery(filters);
  const templates = useQuery({
    queryKey: queryKeys.templateList(query),
    queryFn: () => listTemplates(query),
    placeholderData: keepPreviousData,
  });
  const newButton = canWrite ? (
    <Button variant="contained" startIcon={<AddIcon />} component={RouterLink} to="/content/templates/new">
      New template
    </Button>
  ) : null;

  return (
    <>
      <PageHeader
        title="Templates"
        subtitle={templates.data ? `${formatNumber(templates.data.total)} email templates${filters.search ? ' match' : ''}` : undefined}
        actions={newButton}
      />
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 2 }} role="group" aria-label="Filters">
        <SearchField
          label="Search templates"
          size="small"
          value={filters.search}
          onDebouncedChange={(search) => update({ search })}
          placeholder="Template name"
          sx={{ minWidth: 280 }}
        />
        <NativeSelectField
          label="Show"
          size="small"
          value={filters.archived ? 'all' : 'active'}
          options={[
            { value: 'active', label: 'Active templates' },
            { value: 'all', label: 'Active and archived' },
          ]}
          onChange={(event) => update({ archived: event.target.value === 'all' })}
          sx={{ minWidth: 200 }}
        />
      </Stack>
      <PagedTable
        label="Templates"
        columns={COLUMNS}
        query={templates}
        renderRow={(template: TemplateSummary) => (
          <TableRow key={template.id} hover>
            <TableCell>
              <Link component={RouterLink} to={`/content/templates/${template.id}`}>
                {template.name}
              </Link>
              {template.archivedAt ? <Chip size="small" label="Archived" sx={{ ml: 1 }} /> : null}
              {template.description ? (
                <Typography variant="caption" component="div" color="text.secondary">
                  {template.description}
                </Typography>
              ) : null}
            </TableCell>
            <TableCell>{template.subject}</TableCell>
            <TableCell align="right">{template.version}</TableCell>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(template.updatedAt)}</TableCell>
          </TableRow>
        )}
        empty={
          filters.search ? (
            <EmptyState
              title="No templates match this search"
              actions={<Button onClick={() => update({ search: '' })}>Clear the search</Button>}
            />
          ) : (
            <EmptyState
              title="No templates yet"
              description="A template holds an email's subject, preheader, HTML and text, with the variables it reads from each message's data."
              actions={newButton}
            />
          )
        }
        page={filters.page}
        pageSize={filters.pageSize}
        onPageChange={(page) => update({ page })}
        onPageSizeChange={(pageSize) => update({ pageSize })}
      />
    </>
  );
}
