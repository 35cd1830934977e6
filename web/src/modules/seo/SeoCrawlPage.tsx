import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link as RouterLink } from 'react-router';
import { Alert, Box, Button, Card, CardContent, Link, Stack, TextField, Typography } from '@mui/material';
import { startCrawl } from '../../api/endpoints/seo';
import { isApiError, problemFieldErrors } from '../../api/problem';
import { queryKeys } from '../../api/queryKeys';
import type { SeoBulkRun } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useNotify } from '../../components/notifyContext';
import { SeoTabs } from './SeoTabs';

export const CRAWL_DEFAULTS = { maxPages: 500, maxDepth: 5, ratePerSecond: 2, concurrency: 2 };

type NumberField = keyof typeof CRAWL_DEFAULTS;

const NUMBER_FIELDS: { key: NumberField; label: string; help: string; min: number; step?: number }[] = [
  { key: 'maxPages', label: 'Max pages', help: 'The crawl stops after this many pages', min: 1 },
  { key: 'maxDepth', label: 'Max depth', help: 'Links away from the start URL', min: 0 },
  { key: 'ratePerSecond', label: 'Pages per second', help: 'At most this many fetches a second (robots.txt Crawl-delay may slow it)', min: 0.1, step: 0.1 },
  { key: 'concurrency', label: 'Concurrency', help: 'Fetches at once', min: 1 },
];

/** /seo/crawl — discovers a site breadth first (same host, robots.txt obeyed) as a job; its pages join the catalogue. */
export function SeoCrawlPage() {
  const [startUrl, setStartUrl] = useState('');
  const [numbers, setNumbers] = useState<Record<NumberField, string>>({
    maxPages: String(CRAWL_DEFAULTS.maxPages),
    maxDepth: String(CRAWL_DEFAULTS.maxDepth),
    ratePerSecond: String(CRAWL_DEFAULTS.ratePerSecond),
    concurrency: String(CRAWL_DEFAULTS.concurrency),
  });
  const [started, setStarted] = useState<SeoBulkRun | null>(null);
  const notify = useNotify();
  const queryClient = useQueryClient();
  const toNumber = (value: string) => (value.trim() === '' ? null : Number(value));
  const crawl = useMutation({
    mutationFn: () =>
      startCrawl({
        startUrl: startUrl.trim() || null,
        maxPages: toNumber(numbers.maxPages),
        maxDepth: toNumber(numbers.maxDepth),
        ratePerSecond: toNumber(numbers.ratePerSecond),
        concurrency: toNumber(numbers.concurrency),
      }),
    onSuccess: (run) => {
      setStarted(run);
      notify({ message: 'Crawl started.', severity: 'success' });
      void queryClient.invalidateQueries({ queryKey: queryKeys.seo });
    },
  });
  const errors = isApiError(crawl.error) ? problemFieldErrors(crawl.error.problem) : {};
  return (
    <>
      <PageHeader title="SEO crawler" subtitle="Discover a site's pages by following its links; each page is fetched, stored and audited" />
      <SeoTabs />
      <Card variant="outlined" component="section" aria-labelledby="crawl-settings-heading" sx={{ maxWidth: 720 }}>
        <CardContent>
          <Typography variant="h3" component="h2" id="crawl-settings-heading" sx={{ mb: 2 }}>
            Crawl settings
          </Typography>
          <Box
            component="form"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              setStarted(null);
              crawl.mutate();
            }}
          >
            <Stack spacing={2}>
              <TextField
                label="Start URL"
                type="url"
                required
                value={startUrl}
                onChange={(event) => setStartUrl(event.target.value)}
                placeholder="https://shop.example/"
                error={Boolean(errors.startUrl)}
                helperText={errors.startUrl ?? 'Only pages on the same host are followed'}
                fullWidth
              />
              <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' } }}>
                {NUMBER_FIELDS.map((field) => (
                  <TextField
                    key={field.key}
                    label={field.label}
                    type="number"
                    value={numbers[field.key]}
                    onChange={(event) => setNumbers((current) => ({ ...current, [field.key]: event.target.value }))}
                    error={Boolean(errors[field.key])}
                    helperText={errors[field.key] ?? field.help}
                    slotProps={{ htmlInput: { min: field.min, step: field.step ?? 1 } }}
                  />
                ))}
              </Box>
              {crawl.isError && Object.keys(errors).length === 0 ? <ErrorAlert error={crawl.error} title="The crawl could not start" /> : null}
              <Box>
                <Button type="submit" variant="contained" disabled={crawl.isPending}>
                  {crawl.isPending ? 'Starting…' : 'Start crawl'}
                </Button>
              </Box>
            </Stack>
          </Box>
          {started ? (
            <Alert severity="success" sx={{ mt: 2 }} role="status">
              Crawl started.{' '}
              <Link component={RouterLink} to="/seo/jobs">
                Follow its progress on the bulk runs page
              </Link>
              .
            </Alert>
          ) : null}
        </CardContent>
      </Card>
    </>
  );
}
