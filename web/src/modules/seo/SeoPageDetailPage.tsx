import { useId, useState, type ReactNode } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link as RouterLink, useParams } from 'react-router';
import {
  Alert,
  AlertTitle,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  Link,
  Skeleton,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import {
  applySeoMetadata,
  auditSeoPage,
  editSeoMetadata,
  generateSeoMetadata,
  getSeoAudit,
  getSeoMetadata,
  getSeoPage,
} from '../../api/endpoints/seo';
import { isApiError, problemFieldErrors } from '../../api/problem';
import { queryKeys } from '../../api/queryKeys';
import type { SeoAudit, SeoMetadata, SeoMetadataHistory, SeoPage } from '../../api/types';
import { useCan } from '../../auth/useCan';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useNotify } from '../../components/notifyContext';
import { formatDateTime, humanize } from '../../lib/format';
import { FindingsList } from './FindingsList';
import { LengthField } from './LengthField';
import { ScoreHistoryCard } from './ScoreHistoryCard';
import { ScoreChip } from './SeoChips';
import { SeoTabs } from './SeoTabs';
import { SerpPreview } from './SerpPreview';
import { draftEdit, draftOf, initialDraft, isDraftChanged, type MetadataDraft } from './metadataDraft';
import { DESCRIPTION_TARGET, TITLE_TARGET, scoreChange } from './seoFormat';

/** /seo/pages/:id — one page: its data, findings and score history, and the metadata editor (generate, apply, re-audit). */
export function SeoPageDetailPage() {
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const can = useCan();
  const canWrite = can('seo:write');
  const page = useQuery({ queryKey: queryKeys.seoPage(id), queryFn: () => getSeoPage(id) });
  const lastAuditId = page.data?.lastAuditId ?? null;
  const latestAudit = useQuery({
    queryKey: queryKeys.seoAudit(lastAuditId ?? ''),
    queryFn: () => getSeoAudit(lastAuditId!),
    enabled: lastAuditId !== null,
  });
  const metadata = useQuery({ queryKey: queryKeys.seoMetadata(id), queryFn: () => getSeoMetadata(id) });
  const [change, setChange] = useState<{ before: number | null; after: number } | null>(null);
  const [freshAudit, setFreshAudit] = useState<SeoAudit | null>(null);

  const reaudit = useMutation({
    mutationFn: () => auditSeoPage(id),
    onSuccess: (audit) => {
      setChange({ before: page.data?.score ?? null, after: audit.score });
      setFreshAudit(audit);
      queryClient.setQueryData(queryKeys.seoAudit(audit.id), audit);
      void queryClient.invalidateQueries({ queryKey: queryKeys.seo });
    },
  });

  if (page.isError) {
    return (
      <>
        <PageHeader title="SEO page" />
        <SeoTabs />
        <ErrorAlert
          error={page.error}
          title={isApiError(page.error) && page.error.isNotFound ? 'This page is not in the catalogue' : 'The page could not be loaded'}
          onRetry={() => void page.refetch()}
        />
      </>
    );
  }
  const view = page.data;
  const audit = freshAudit && (!latestAudit.data || freshAudit.createdAt >= latestAudit.data.createdAt) ? freshAudit : latestAudit.data;
  return (
    <>
      <PageHeader
        title={view ? (view.name ?? view.title ?? view.url) : 'SEO page'}
        subtitle={view ? view.url : undefined}
        actions={
          <>
            <Button component={RouterLink} to="/seo/pages" startIcon={<ArrowBackIcon />}>
              All pages
            </Button>
            {canWrite ? (
              <Button variant="contained" onClick={() => reaudit.mutate()} disabled={!view || reaudit.isPending}>
                {reaudit.isPending ? 'Auditing…' : 'Re-audit'}
              </Button>
            ) : null}
          </>
        }
      />
      <SeoTabs />
      {reaudit.isError ? <ErrorAlert error={reaudit.error} title="The page could not be audited" onRetry={() => reaudit.mutate()} /> : null}
      {change ? (
        <Alert severity={change.before !== null && change.after < change.before ? 'warning' : 'success'} sx={{ mb: 2 }} role="status" data-testid="score-change">
          <AlertTitle>Audited</AlertTitle>
          {change.before === null ? `Score ${change.after}` : `Score ${scoreChange(change.before, change.after)}`}
        </Alert>
      ) : null}
      {!view ? (
        <Skeleton variant="rounded" height={320} />
      ) : (
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: '3fr 2fr' }, alignItems: 'start' }}>
          <Stack spacing={2} sx={{ minWidth: 0 }}>
            {metadata.isError ? (
              <ErrorAlert error={metadata.error} title="The metadata could not be loaded" onRetry={() => void metadata.refetch()} />
            ) : metadata.isPending ? (
              <Skeleton variant="rounded" height={360} />
            ) : (
              <MetadataEditor key={`${view.id}:${metadata.data.appliedVersion ?? ''}`} page={view} history={metadata.data} canWrite={canWrite} />
            )}
            {lastAuditId !== null && latestAudit.isError && !freshAudit ? (
              <ErrorAlert error={latestAudit.error} title="The latest audit could not be loaded" onRetry={() => void latestAudit.refetch()} />
            ) : lastAuditId !== null && latestAudit.isPending && !freshAudit ? (
              <Skeleton variant="rounded" height={200} />
            ) : (
              <FindingsList audit={audit ?? undefined} />
            )}
          </Stack>
          <Stack spacing={2} sx={{ minWidth: 0 }}>
            <ProductSummary page={view} />
            <ScoreHistoryCard pageId={view.id} />
            {metadata.data ? <VersionsCard pageId={view.id} history={metadata.data} canWrite={canWrite} /> : null}
          </Stack>
        </Box>
      )}
    </>
  );
}

function ProductSummary({ page }: { page: SeoPage }) {
  const headingId = useId();
  const price = page.price !== null ? `${page.price} ${page.currency ?? ''}`.trim() : null;
  const rows: [string, ReactNode][] = [
    ['Score', <ScoreChip key="score" score={page.score} />],
    ['Kind', humanize(page.kind)],
    ['URL', <Link key="url" href={page.url} target="_blank" rel="noreferrer" sx={{ wordBreak: 'break-all' }}>{page.url}</Link>],
    ['External id', page.externalId ?? '—'],
    ['Brand', page.brand ?? '—'],
    ['Category', page.category ?? '—'],
    ['Price', price ?? '—'],
    ['Availability', page.availability ? humanize(page.availability) : '—'],
    ['Images', String(page.images.length)],
    ['Attributes', Object.entries(page.attributes).map(([k, v]) => `${k}: ${v}`).join(', ') || '—'],
    ['HTTP status', page.status !== null ? `${page.status}${page.fetchMs !== null ? ` in ${page.fetchMs} ms` : ''}` : '—'],
    ['Redirects', page.redirects.length ? page.redirects.join(' → ') : 'none'],
    ['Served title', page.title ?? '—'],
    ['Served description', page.description ?? '—'],
    ['Last fetched', formatDateTime(page.fetchedAt)],
    ['Content changed', formatDateTime(page.contentChangedAt)],
  ];
  return (
    <Card variant="outlined" component="section" aria-labelledby={headingId}>
      <CardContent>
        <Typography variant="h3" component="h2" id={headingId} sx={{ mb: 1 }}>
          Product data
        </Typography>
        <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.75, m: 0 }}>
          {rows.map(([label, value]) => (
            <Box key={label} sx={{ display: 'contents' }}>
              <Typography component="dt" variant="body2" color="text.secondary">
                {label}
              </Typography>
              <Typography component="dd" variant="body2" sx={{ m: 0, minWidth: 0, overflowWrap: 'anywhere' }}>
                {value}
              </Typography>
            </Box>
          ))}
        </Box>
      </CardContent>
    </Card>
  );
}

interface EditorProps {
  page: SeoPage;
  history: SeoMetadataHistory;
  canWrite: boolean;
}

/** Title, description, slug and canonical with live counters and a SERP preview; Generate proposes, Apply applies. */
function MetadataEditor({ page, history, canWrite }: EditorProps) {
  const headingId = useId();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const start = initialDraft(page, history);
  const [draft, setDraft] = useState<MetadataDraft>(start.draft);
  const [version, setVersion] = useState<SeoMetadata | null>(start.version);
  const base = version ? draftOf(version) : start.draft;
  const changed = isDraftChanged(draft, base);
  const set = (field: keyof MetadataDraft) => (value: string) => setDraft((current) => ({ ...current, [field]: value }));

  const settle = (next: SeoMetadata) => {
    setVersion(next);
    setDraft(draftOf(next));
    void queryClient.invalidateQueries({ queryKey: queryKeys.seoMetadata(page.id) });
  };
  const generate = useMutation({
    mutationFn: () => generateSeoMetadata(page.id),
    onSuccess: (proposal) => {
      settle(proposal);
      notify({ message: `Version ${proposal.version} proposed; apply it to use it.` });
    },
  });
  const apply = useMutation({
    mutationFn: () =>
      version && !changed ? applySeoMetadata(page.id, version.version) : editSeoMetadata(page.id, draftEdit(draft, version ? base : null)),
    onSuccess: (applied) => {
      settle(applied);
      notify({ message: `Version ${applied.version} applied. Re-audit to see the new score.`, severity: 'success' });
    },
  });
  const fieldErrors = isApiError(apply.error) ? problemFieldErrors(apply.error.problem) : {};
  const canApply = canWrite && (changed || (version !== null && !version.applied));

  let status: string;
  if (changed) status = version ? `Edited from version ${version.version} · not applied` : 'New metadata · not applied';
  else if (version) status = `Version ${version.version} · ${humanize(version.source)} · ${version.applied ? 'applied' : 'not applied'}`;
  else status = 'What the page serves now · no BrandHub metadata yet';

  return (
    <Card variant="outlined" component="section" aria-labelledby={headingId}>
      <CardContent>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ justifyContent: 'space-between', alignItems: { sm: 'center' }, mb: 2 }}>
          <Box>
            <Typography variant="h3" component="h2" id={headingId}>
              Metadata
            </Typography>
            <Typography variant="body2" color="text.secondary" data-testid="metadata-status">
              {status}
            </Typography>
          </Box>
          {canWrite ? (
            <Stack direction="row" spacing={1}>
              <Button variant="outlined" onClick={() => generate.mutate()} disabled={generate.isPending || apply.isPending}>
                {generate.isPending ? 'Generating…' : 'Generate'}
              </Button>
              <Button variant="contained" onClick={() => apply.mutate()} disabled={!canApply || apply.isPending || generate.isPending}>
                {apply.isPending ? 'Applying…' : 'Apply'}
              </Button>
            </Stack>
          ) : null}
        </Stack>
        {generate.isError ? <ErrorAlert error={generate.error} title="Metadata could not be generated" /> : null}
        {apply.isError && Object.keys(fieldErrors).length === 0 ? <ErrorAlert error={apply.error} title="The metadata could not be applied" /> : null}
        <Stack spacing={2} sx={{ mt: 1 }}>
          <LengthField
            label="Title"
            name="title"
            value={draft.title}
            onChange={set('title')}
            target={TITLE_TARGET}
            error={Boolean(fieldErrors.title)}
            helperText={fieldErrors.title}
            slotProps={{ htmlInput: { readOnly: !canWrite } }}
          />
          <LengthField
            label="Description"
            name="description"
            value={draft.description}
            onChange={set('description')}
            target={DESCRIPTION_TARGET}
            multiline
            minRows={2}
            error={Boolean(fieldErrors.description)}
            helperText={fieldErrors.description}
            slotProps={{ htmlInput: { readOnly: !canWrite } }}
          />
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
            <TextField
              label="Slug"
              value={draft.slug}
              onChange={(event) => set('slug')(event.target.value)}
              error={Boolean(fieldErrors.slug)}
              helperText={fieldErrors.slug ?? 'Lower case, hyphens, no stop words'}
              fullWidth
              slotProps={{ htmlInput: { readOnly: !canWrite, spellCheck: false } }}
            />
            <TextField
              label="Canonical URL"
              value={draft.canonical}
              onChange={(event) => set('canonical')(event.target.value)}
              error={Boolean(fieldErrors.canonical)}
              helperText={fieldErrors.canonical ?? 'An absolute URL'}
              fullWidth
              slotProps={{ htmlInput: { readOnly: !canWrite, spellCheck: false } }}
            />
          </Stack>
          <SerpPreview title={draft.title} description={draft.description} url={draft.canonical || page.url} />
        </Stack>
      </CardContent>
    </Card>
  );
}

function VersionsCard({ pageId, history, canWrite }: { pageId: string; history: SeoMetadataHistory; canWrite: boolean }) {
  const headingId = useId();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const apply = useMutation({
    mutationFn: (version: number) => applySeoMetadata(pageId, version),
    onSuccess: (applied) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.seoMetadata(pageId) });
      notify({ message: `Version ${applied.version} applied. Re-audit to see the new score.`, severity: 'success' });
    },
  });
  return (
    <Card variant="outlined" component="section" aria-labelledby={headingId}>
      <CardContent>
        <Typography variant="h3" component="h2" id={headingId} sx={{ mb: 1 }}>
          Versions
        </Typography>
        {apply.isError ? <ErrorAlert error={apply.error} title="The version could not be applied" /> : null}
        {history.versions.length === 0 ? (
          <Typography color="text.secondary">No versions yet. Generate metadata or edit it and apply.</Typography>
        ) : (
          <TableContainer>
            <Table size="small" aria-labelledby={headingId}>
              <TableHead>
                <TableRow>
                  <TableCell>Version</TableCell>
                  <TableCell>Title</TableCell>
                  <TableCell>Created</TableCell>
                  <TableCell>State</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {history.versions.map((v) => (
                  <TableRow key={v.version}>
                    <TableCell component="th" scope="row">
                      {v.version} · {humanize(v.source)}
                    </TableCell>
                    <TableCell sx={{ maxWidth: 220, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={v.title}>
                      {v.title}
                    </TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>
                      {formatDateTime(v.createdAt)}
                      <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                        {v.createdBy}
                      </Typography>
                    </TableCell>
                    <TableCell>
                      {v.applied ? (
                        <Chip size="small" color="success" label="Applied" />
                      ) : canWrite ? (
                        <Button size="small" onClick={() => apply.mutate(v.version)} disabled={apply.isPending} aria-label={`Apply version ${v.version}`}>
                          Apply
                        </Button>
                      ) : (
                        '—'
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        )}
      </CardContent>
    </Card>
  );
}
