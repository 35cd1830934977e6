import { useId, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  FormControlLabel,
  Link,
  Skeleton,
  Stack,
  Switch,
  TextField,
  Typography,
} from '@mui/material';
import { getSitemapSettings, getSitemapStatus, regenerateSitemap, updateSitemapSettings } from '../../api/endpoints/seo';
import { isApiError, problemFieldErrors } from '../../api/problem';
import { queryKeys } from '../../api/queryKeys';
import type { SeoIndexNowSubmission, SeoSitemapFile, SeoSitemapSettings, SeoSitemapStatus } from '../../api/types';
import { useCan } from '../../auth/useCan';
import { ChartCard } from '../../components/ChartCard';
import type { DataColumn } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useNotify } from '../../components/notifyContext';
import { formatDateTime, formatNumber } from '../../lib/format';
import { SeoKpiCard } from './SeoKpiCard';
import { SeoTabs } from './SeoTabs';
import { formatBytes } from './seoFormat';

/** /seo/sitemap — the shop's host and IndexNow, the last sitemap run, its files and IndexNow submissions. */
export function SeoSitemapPage() {
  const can = useCan();
  const settings = useQuery({ queryKey: queryKeys.sitemapSettings, queryFn: getSitemapSettings });
  const status = useQuery({
    queryKey: queryKeys.sitemapStatus,
    queryFn: getSitemapStatus,
    refetchInterval: (q) => (q.state.data?.runningJobId ? 2000 : false),
  });
  return (
    <>
      <PageHeader title="Sitemap" subtitle="Sitemaps of the indexable pages, rewritten incrementally, with IndexNow submissions" />
      <SeoTabs />
      <Stack spacing={2}>
        {settings.isError ? (
          <ErrorAlert error={settings.error} title="The sitemap settings could not be loaded" onRetry={() => void settings.refetch()} />
        ) : settings.isPending ? (
          <Skeleton variant="rounded" height={200} />
        ) : (
          <SettingsForm key={`${settings.data.siteHost}:${settings.data.indexNow}`} settings={settings.data} canWrite={can('seo:write')} />
        )}
        {status.isError ? (
          <ErrorAlert error={status.error} title="The sitemap status could not be loaded" onRetry={() => void status.refetch()} />
        ) : status.isPending ? (
          <Skeleton variant="rounded" height={200} />
        ) : (
          <StatusSection status={status.data} canWrite={can('seo:write')} />
        )}
      </Stack>
    </>
  );
}

function SettingsForm({ settings, canWrite }: { settings: SeoSitemapSettings; canWrite: boolean }) {
  const headingId = useId();
  const [siteHost, setSiteHost] = useState(settings.siteHost ?? '');
  const [indexNow, setIndexNow] = useState(settings.indexNow);
  const queryClient = useQueryClient();
  const notify = useNotify();
  const save = useMutation({
    mutationFn: () => updateSitemapSettings({ siteHost: siteHost.trim() || null, indexNow }),
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKeys.sitemapSettings, saved);
      void queryClient.invalidateQueries({ queryKey: queryKeys.sitemapStatus });
      notify({ message: 'Sitemap settings saved.', severity: 'success' });
    },
  });
  const errors = isApiError(save.error) ? problemFieldErrors(save.error.problem) : {};
  const changed = siteHost !== (settings.siteHost ?? '') || indexNow !== settings.indexNow;
  return (
    <Card variant="outlined" component="section" aria-labelledby={headingId}>
      <CardContent>
        <Typography variant="h3" component="h2" id={headingId} sx={{ mb: 2 }}>
          Settings
        </Typography>
        <Box
          component="form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate();
          }}
        >
          <Stack spacing={2} sx={{ maxWidth: 560 }}>
            <TextField
              label="Site host"
              value={siteHost}
              onChange={(event) => setSiteHost(event.target.value)}
              placeholder="shop.example.com"
              error={Boolean(errors.siteHost)}
              helperText={errors.siteHost ?? 'The shop’s host name; it forwards /sitemap.xml, /sitemaps/… and /robots.txt to BrandHub'}
              slotProps={{ htmlInput: { readOnly: !canWrite, spellCheck: false } }}
            />
            <FormControlLabel
              control={<Switch checked={indexNow} onChange={(event) => setIndexNow(event.target.checked)} disabled={!canWrite} />}
              label="Submit new and changed URLs to IndexNow"
            />
            {errors.indexNow ? <Alert severity="error">{errors.indexNow}</Alert> : null}
            {save.isError && Object.keys(errors).length === 0 ? <ErrorAlert error={save.error} title="The settings could not be saved" /> : null}
            <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.5, m: 0 }}>
              <Typography component="dt" variant="body2" color="text.secondary">
                Sitemap URL
              </Typography>
              <Typography component="dd" variant="body2" sx={{ m: 0, overflowWrap: 'anywhere' }}>
                {settings.sitemapUrl ? (
                  <Link href={settings.sitemapUrl} target="_blank" rel="noreferrer">
                    {settings.sitemapUrl}
                  </Link>
                ) : (
                  'Set the site host first'
                )}
              </Typography>
              <Typography component="dt" variant="body2" color="text.secondary">
                IndexNow key location
              </Typography>
              <Typography component="dd" variant="body2" sx={{ m: 0, overflowWrap: 'anywhere', fontFamily: settings.keyLocation ? 'monospace' : undefined }}>
                {settings.keyLocation ?? (settings.indexNow ? 'Set the site host first' : 'IndexNow is off')}
              </Typography>
            </Box>
            {canWrite ? (
              <Box>
                <Button type="submit" variant="contained" disabled={!changed || save.isPending}>
                  {save.isPending ? 'Saving…' : 'Save settings'}
                </Button>
              </Box>
            ) : null}
          </Stack>
        </Box>
      </CardContent>
    </Card>
  );
}

function StatusSection({ status, canWrite }: { status: SeoSitemapStatus; canWrite: boolean }) {
  const headingId = useId();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const regenerate = useMutation({
    mutationFn: regenerateSitemap,
    onSuccess: () => {
      notify({ message: 'Sitemap regeneration queued.' });
      void queryClient.invalidateQueries({ queryKey: queryKeys.sitemapStatus });
    },
  });
  const running = Boolean(status.runningJobId);
  const fileColumns: DataColumn<SeoSitemapFile>[] = [
    { label: 'File', value: (f) => `${f.file}.xml.gz`, rowHeader: true },
    { label: 'URLs', value: (f) => f.urls, render: (f) => formatNumber(f.urls), align: 'right' },
    { label: 'Size', value: (f) => f.bytes, render: (f) => formatBytes(f.bytes), align: 'right' },
    { label: 'Last modified', value: (f) => f.lastModified, render: (f) => formatDateTime(f.lastModified) },
    { label: 'Written', value: (f) => f.updatedAt, render: (f) => formatDateTime(f.updatedAt) },
  ];
  const logColumns: DataColumn<SeoIndexNowSubmission>[] = [
    { label: 'Submitted', value: (s) => s.at, render: (s) => formatDateTime(s.at), rowHeader: true },
    { label: 'URLs', value: (s) => s.urls, render: (s) => formatNumber(s.urls), align: 'right' },
    { label: 'Status', value: (s) => s.status, align: 'right' },
    {
      label: 'Answer',
      value: (s) => s.response,
      render: (s) => (
        <Box component="span" sx={{ display: 'inline-block', maxWidth: 360, overflow: 'hidden', textOverflow: 'ellipsis', verticalAlign: 'bottom' }} title={s.response ?? ''}>
          {s.response ?? '—'}
        </Box>
      ),
    },
  ];
  return (
    <Box component="section" aria-labelledby={headingId}>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ justifyContent: 'space-between', alignItems: { sm: 'center' }, mb: 2 }}>
        <Box>
          <Typography variant="h2" id={headingId}>
            Last run
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {status.lastRunAt ? formatDateTime(status.lastRunAt) : 'Never generated'}
            {running ? ' · a run is in progress' : ''}
          </Typography>
        </Box>
        {canWrite ? (
          <Button variant="contained" onClick={() => regenerate.mutate()} disabled={running || regenerate.isPending}>
            {running ? 'Regenerating…' : 'Regenerate now'}
          </Button>
        ) : null}
      </Stack>
      {regenerate.isError ? <ErrorAlert error={regenerate.error} title="The sitemap could not be regenerated" /> : null}
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr 1fr', md: 'repeat(5, 1fr)' }, mb: 2 }}>
        <SeoKpiCard label="URLs" value={formatNumber(status.urls)} />
        <SeoKpiCard label="Files" value={formatNumber(status.files)} />
        <SeoKpiCard label="Rewritten" value={formatNumber(status.rewritten)} detail="Files whose content changed" />
        <SeoKpiCard label="Duration" value={status.lastRunAt ? `${formatNumber(status.durationMs)} ms` : '—'} />
        <SeoKpiCard label="Submitted to IndexNow" value={formatNumber(status.submitted)} />
      </Box>
      <Stack spacing={2}>
        <ChartCard
          title="Sitemap files"
          headingLevel="h3"
          description={status.sitemapUrl ? `Indexed by ${status.sitemapUrl}` : undefined}
          columns={fileColumns}
          rows={status.fileList}
          rowKey={(f) => String(f.file)}
          empty={<EmptyState title="No sitemap files yet" description="Set the site host, audit pages, then regenerate." />}
        />
        <ChartCard
          title="IndexNow submissions"
          headingLevel="h3"
          description="The last 20 batches; a batch not accepted is sent again next time."
          columns={logColumns}
          rows={status.indexNowLog}
          rowKey={(s) => `${s.at}-${s.urls}`}
          empty={<EmptyState title="Nothing submitted yet" />}
        />
      </Stack>
    </Box>
  );
}
