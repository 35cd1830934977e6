import { useState } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link as RouterLink, useNavigate, useSearchParams } from 'react-router';
import {
  Box,
  Button,
  Checkbox,
  FormControlLabel,
  Link,
  Paper,
  Stack,
  TableCell,
  TableRow,
  TextField,
  Tooltip,
  Typography,
} from '@mui/material';
import { listSeoPages, startBulkAudit, startBulkGenerate } from '../../api/endpoints/seo';
import { queryKeys } from '../../api/queryKeys';
import { SEO_PAGE_KINDS, type SeoPageKind, type SeoPageQuery, type SeoPageRow } from '../../api/types';
import { useCan } from '../../auth/useCan';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EmptyState } from '../../components/EmptyState';
import { NativeSelectField } from '../../components/NativeSelectField';
import { PageHeader } from '../../components/PageHeader';
import { PagedTable } from '../../components/PagedTable';
import { SearchField } from '../../components/SearchField';
import { useNotify } from '../../components/notifyContext';
import { formatDateTime, humanize } from '../../lib/format';
import { applyParamChanges, oneOf, positiveInt } from '../../lib/searchParams';
import { ScoreChip } from './SeoChips';
import { SeoTabs } from './SeoTabs';

const SORTS = ['score', '-score', 'url', '-updated'] as const;
const SORT_LABELS: Record<(typeof SORTS)[number], string> = {
  score: 'Score, worst first',
  '-score': 'Score, best first',
  url: 'URL',
  '-updated': 'Recently updated',
};
const DEFAULTS = { sort: 'score', page: 1, pageSize: 25 };

type BulkAction = 'audit-selected' | 'generate-selected' | 'audit-all';

function scoreParam(value: string | null): number | undefined {
  if (value === null || value === '') return undefined;
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 && n <= 100 ? n : undefined;
}

/** /seo/pages — the catalogue with scores: filters in the URL, selection and bulk audits or metadata runs. */
export function SeoPagesPage() {
  const [params, setParams] = useSearchParams();
  const can = useCan();
  const canWrite = can('seo:write');
  const notify = useNotify();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const query: SeoPageQuery = {
    kind: oneOf(params.get('kind'), SEO_PAGE_KINDS),
    minScore: scoreParam(params.get('minScore')),
    maxScore: scoreParam(params.get('maxScore')),
    unaudited: params.get('unaudited') === 'true' ? true : undefined,
    q: params.get('q') ?? '',
    sort: oneOf(params.get('sort'), SORTS) || DEFAULTS.sort,
    page: positiveInt(params.get('page'), DEFAULTS.page),
    pageSize: positiveInt(params.get('pageSize'), DEFAULTS.pageSize, 200),
  };
  const update = (changes: Record<string, string | number | undefined | null>) =>
    setParams((current) => applyParamChanges(current, changes, DEFAULTS), { replace: true });
  const pages = useQuery({ queryKey: queryKeys.seoPageList(query), queryFn: () => listSeoPages(query), placeholderData: keepPreviousData });
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [action, setAction] = useState<BulkAction | null>(null);
  const items = pages.data?.items ?? [];
  const allOnPage = items.length > 0 && items.every((p) => selected.has(p.id));
  const someOnPage = items.some((p) => selected.has(p.id));

  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const toggleAll = () =>
    setSelected((current) => {
      const next = new Set(current);
      for (const p of items) {
        if (allOnPage) next.delete(p.id);
        else next.add(p.id);
      }
      return next;
    });

  const bulk = useMutation({
    mutationFn: (kind: BulkAction) => {
      const pageIds = [...selected];
      if (kind === 'audit-all') return startBulkAudit({});
      if (kind === 'audit-selected') return startBulkAudit({ pageIds });
      return startBulkGenerate({ pageIds, apply: true });
    },
    onSuccess: (run) => {
      setAction(null);
      setSelected(new Set());
      void queryClient.invalidateQueries({ queryKey: queryKeys.seo });
      notify({ message: `${humanize(run.kind)} run started for ${run.total} ${run.total === 1 ? 'page' : 'pages'}.`, severity: 'success' });
      void navigate('/seo/jobs');
    },
  });

  const filtersActive = Boolean(query.kind || query.minScore !== undefined || query.maxScore !== undefined || query.unaudited || query.q);
  const count = selected.size;
  const confirmText: Record<BulkAction, { title: string; body: string; label: string }> = {
    'audit-selected': {
      title: `Audit ${count} ${count === 1 ? 'page' : 'pages'}?`,
      body: 'Each page is fetched from the shop and audited; scores update as the run goes.',
      label: 'Audit selected',
    },
    'generate-selected': {
      title: `Generate and apply metadata for ${count} ${count === 1 ? 'page' : 'pages'}?`,
      body: 'A title, description, slug, canonical, Open Graph and JSON-LD are proposed from each page’s product data and applied at once, replacing the metadata applied now. Every version is kept and can be applied again.',
      label: 'Generate and apply',
    },
    'audit-all': {
      title: 'Audit every page?',
      body: 'Every page in the catalogue is fetched and audited, then the site-wide rules run (duplicate titles and descriptions, broken links).',
      label: 'Audit all',
    },
  };

  return (
    <>
      <PageHeader
        title="SEO pages"
        subtitle="Every page of the shop with its score; select pages to audit them or generate their metadata"
        actions={
          canWrite ? (
            <Button variant="outlined" onClick={() => setAction('audit-all')}>
              Audit all
            </Button>
          ) : undefined
        }
      />
      <SeoTabs />
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ mb: 2, alignItems: { md: 'center' }, flexWrap: 'wrap', rowGap: 2 }} role="group" aria-label="Filters">
        <SearchField label="Search URL or title" size="small" value={query.q ?? ''} onDebouncedChange={(q) => update({ q })} sx={{ minWidth: 260 }} />
        <NativeSelectField
          label="Kind"
          size="small"
          value={query.kind ?? ''}
          onChange={(event) => update({ kind: event.target.value })}
          options={[{ value: '', label: 'All kinds' }, ...SEO_PAGE_KINDS.map((k: SeoPageKind) => ({ value: k, label: humanize(k) }))]}
          sx={{ minWidth: 140 }}
        />
        <TextField
          label="Min score"
          size="small"
          type="number"
          value={query.minScore ?? ''}
          onChange={(event) => update({ minScore: event.target.value })}
          slotProps={{ htmlInput: { min: 0, max: 100 } }}
          sx={{ width: 110 }}
        />
        <TextField
          label="Max score"
          size="small"
          type="number"
          value={query.maxScore ?? ''}
          onChange={(event) => update({ maxScore: event.target.value })}
          slotProps={{ htmlInput: { min: 0, max: 100 } }}
          sx={{ width: 110 }}
        />
        <FormControlLabel
          control={<Checkbox checked={Boolean(query.unaudited)} onChange={(event) => update({ unaudited: event.target.checked ? 'true' : '' })} />}
          label="Not audited only"
        />
        <NativeSelectField
          label="Sort by"
          size="small"
          value={query.sort ?? DEFAULTS.sort}
          onChange={(event) => update({ sort: event.target.value })}
          options={SORTS.map((s) => ({ value: s, label: SORT_LABELS[s] }))}
          sx={{ minWidth: 180 }}
        />
        {filtersActive ? (
          <Button onClick={() => update({ kind: '', minScore: '', maxScore: '', unaudited: '', q: '' })}>Clear filters</Button>
        ) : null}
      </Stack>
      {canWrite && count > 0 ? (
        <Paper variant="outlined" sx={{ p: 1.5, mb: 2 }} role="region" aria-label="Bulk actions">
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: { sm: 'center' } }}>
            <Typography sx={{ mr: 1 }}>
              {count} {count === 1 ? 'page' : 'pages'} selected
            </Typography>
            <Button variant="contained" onClick={() => setAction('audit-selected')}>
              Audit selected
            </Button>
            <Button variant="outlined" onClick={() => setAction('generate-selected')}>
              Generate and apply metadata
            </Button>
            <Button onClick={() => setSelected(new Set())}>Clear selection</Button>
          </Stack>
        </Paper>
      ) : null}
      <PagedTable
        label="SEO pages"
        query={pages}
        columns={[
          ...(canWrite
            ? [
                {
                  label: (
                    <Checkbox
                      size="small"
                      checked={allOnPage}
                      indeterminate={someOnPage && !allOnPage}
                      onChange={toggleAll}
                      slotProps={{ input: { 'aria-label': 'Select all pages on this page' } }}
                    />
                  ),
                },
              ]
            : []),
          { label: 'Score' },
          { label: 'URL' },
          { label: 'Kind' },
          { label: 'Title' },
          { label: 'Status', align: 'right' as const },
          { label: 'Audited' },
        ]}
        renderRow={(row: SeoPageRow) => (
          <TableRow key={row.id} hover selected={selected.has(row.id)}>
            {canWrite ? (
              <TableCell padding="checkbox">
                <Checkbox
                  size="small"
                  checked={selected.has(row.id)}
                  onChange={() => toggle(row.id)}
                  slotProps={{ input: { 'aria-label': `Select ${row.url}` } }}
                />
              </TableCell>
            ) : null}
            <TableCell>
              <ScoreChip score={row.score} />
            </TableCell>
            <TableCell sx={{ maxWidth: 360 }}>
              <Link component={RouterLink} to={`/seo/pages/${row.id}`} sx={{ display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={row.url}>
                {row.url}
              </Link>
              {row.name ? (
                <Typography variant="body2" color="text.secondary" noWrap>
                  {row.name}
                </Typography>
              ) : null}
            </TableCell>
            <TableCell>{humanize(row.kind)}</TableCell>
            <TableCell sx={{ maxWidth: 320 }}>
              <Tooltip title={row.title ?? ''}>
                <Box component="span" sx={{ display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                  {row.title ?? '—'}
                </Box>
              </Tooltip>
            </TableCell>
            <TableCell align="right">{row.status ?? '—'}</TableCell>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{row.auditedAt ? formatDateTime(row.auditedAt) : 'Not audited'}</TableCell>
          </TableRow>
        )}
        empty={
          filtersActive ? (
            <EmptyState title="No pages match" description="Change or clear the filters." />
          ) : (
            <EmptyState title="No pages yet" description="Sync pages from your shop or start a crawl." />
          )
        }
        page={query.page ?? 1}
        pageSize={query.pageSize ?? DEFAULTS.pageSize}
        onPageChange={(page) => update({ page })}
        onPageSizeChange={(pageSize) => update({ pageSize })}
      />
      {action ? (
        <ConfirmDialog
          open
          title={confirmText[action].title}
          confirmLabel={confirmText[action].label}
          busy={bulk.isPending}
          error={bulk.error}
          onConfirm={() => bulk.mutate(action)}
          onClose={() => {
            bulk.reset();
            setAction(null);
          }}
        >
          {confirmText[action].body}
        </ConfirmDialog>
      ) : null}
    </>
  );
}
