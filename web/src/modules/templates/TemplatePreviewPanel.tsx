import { useState } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { Alert, AlertTitle, Box, LinearProgress, Paper, Stack, Tab, Tabs, Typography } from '@mui/material';
import { errorMessage } from '../../api/problem';
import type { SanitizerWarning, TemplateCheck, TemplatePreview } from '../../api/types';

interface Props {
  /** The unsaved draft checked as a save would check it (debounced). */
  check: UseQueryResult<TemplateCheck>;
  /** The saved version rendered with the form's samples; null for a template not saved yet. */
  rendered: UseQueryResult<TemplatePreview> | null;
  renderedVersion: number | null;
  /** Errors the check found, by field (also shown on the fields). */
  liveErrors: Record<string, string>;
  /** Why there is nothing to check yet, if so. */
  idleReason: string | null;
}

function Frame({ html, title }: { html: string; title: string }) {
  return (
    <Box
      component="iframe"
      title={title}
      sandbox=""
      srcDoc={html}
      sx={{ width: '100%', height: 420, border: 1, borderColor: 'divider', borderRadius: 1, bgcolor: '#fff' }}
    />
  );
}

function TextPart({ text }: { text: string }) {
  return (
    <details>
      <summary>Text part</summary>
      <Box component="pre" tabIndex={0} sx={{ whiteSpace: 'pre-wrap', fontSize: '0.85rem', m: 0, mt: 1 }}>
        {text}
      </Box>
    </details>
  );
}

function Warnings({ warnings }: { warnings: SanitizerWarning[] }) {
  if (warnings.length === 0) return null;
  return (
    <Alert severity="warning">
      <AlertTitle>The sanitiser removes this from the HTML</AlertTitle>
      <Box component="ul" sx={{ m: 0, pl: 2 }}>
        {warnings.map((warning, index) => (
          <li key={`${warning.code}-${index}`}>{warning.message}</li>
        ))}
      </Box>
    </Alert>
  );
}

function DraftView({ check, liveErrors, idleReason }: Pick<Props, 'check' | 'liveErrors' | 'idleReason'>) {
  if (idleReason) return <Typography color="text.secondary">{idleReason}</Typography>;
  const fieldErrors = Object.entries(liveErrors);
  return (
    <Stack spacing={1.5}>
      {check.isError ? (
        <Alert severity="error">
          <AlertTitle>This template would not save</AlertTitle>
          {fieldErrors.length > 0 ? (
            <Box component="ul" sx={{ m: 0, pl: 2 }}>
              {fieldErrors.map(([field, message]) => (
                <li key={field}>
                  <strong>{field}</strong>: {message}
                </li>
              ))}
            </Box>
          ) : (
            errorMessage(check.error)
          )}
        </Alert>
      ) : null}
      {check.data ? (
        <Stack spacing={1.5} sx={{ opacity: check.isError ? 0.5 : 1 }}>
          {check.isError ? null : <Alert severity="success">Valid: every variable is declared or built in.</Alert>}
          <Warnings warnings={check.data.warnings} />
          <Typography variant="body2" color="text.secondary">
            The HTML as it will be saved; variables appear as written.
          </Typography>
          <Frame html={check.data.html} title="Draft HTML preview" />
          <TextPart text={check.data.text} />
        </Stack>
      ) : check.isPending && !check.isError ? (
        <Typography color="text.secondary">Checking…</Typography>
      ) : null}
    </Stack>
  );
}

function RenderedView({ rendered, version }: { rendered: UseQueryResult<TemplatePreview> | null; version: number | null }) {
  if (!rendered || version === null) {
    return <Typography color="text.secondary">Save the template to see it rendered with the sample values.</Typography>;
  }
  if (rendered.isPending) return <Typography color="text.secondary">Rendering…</Typography>;
  if (rendered.isError) return <Alert severity="error">The preview could not be rendered: {errorMessage(rendered.error)}</Alert>;
  const email = rendered.data;
  return (
    <Stack spacing={1.5}>
      <Typography variant="body2" color="text.secondary">
        Version {version} with the sample values above and a sample contact.
      </Typography>
      <Box>
        <Typography variant="caption" color="text.secondary">
          Subject
        </Typography>
        <Typography sx={{ fontWeight: 600 }}>{email.subject}</Typography>
        {email.preheader ? (
          <Typography variant="body2" color="text.secondary">
            {email.preheader}
          </Typography>
        ) : null}
      </Box>
      <Frame html={email.html} title="Rendered HTML preview" />
      <TextPart text={email.text} />
    </Stack>
  );
}

/** The draft checked live as a save would check it, and the saved version rendered with the samples. */
export function TemplatePreviewPanel({ check, rendered, renderedVersion, liveErrors, idleReason }: Props) {
  const [tab, setTab] = useState<'draft' | 'rendered'>('draft');
  const busy = tab === 'draft' ? check.isFetching : Boolean(rendered?.isFetching);
  return (
    <Paper variant="outlined" component="section" aria-labelledby="preview-heading" sx={{ p: 2 }}>
      <Typography variant="h2" id="preview-heading">
        Preview
      </Typography>
      <Tabs value={tab} onChange={(_, value: 'draft' | 'rendered') => setTab(value)} aria-label="Preview mode" sx={{ mb: 1 }}>
        <Tab value="draft" label="Live draft" id="preview-tab-draft" aria-controls="preview-tabpanel" />
        <Tab value="rendered" label="Rendered sample" id="preview-tab-rendered" aria-controls="preview-tabpanel" />
      </Tabs>
      {busy ? <LinearProgress aria-label="Updating the preview" sx={{ mb: 1 }} /> : null}
      <Box role="tabpanel" id="preview-tabpanel" aria-labelledby={`preview-tab-${tab}`} aria-live="polite">
        {tab === 'draft' ? (
          <DraftView check={check} liveErrors={liveErrors} idleReason={idleReason} />
        ) : (
          <RenderedView rendered={rendered} version={renderedVersion} />
        )}
      </Box>
    </Paper>
  );
}
